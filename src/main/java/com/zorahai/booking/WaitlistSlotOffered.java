package com.zorahai.booking;

import com.zorahai.tenancy.TenantId;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A slot freed by a cancellation, a reschedule or a no-show fits someone on the waitlist, who should be told (first
 * come, first served: the slot is not held). They book it like any other slot, with {@code resourceId}.
 */
public record WaitlistSlotOffered(TenantId tenantId, UUID waitlistEntryId, String customerName,
        String customerPhone, String serviceId, String serviceName, Instant startsAt, LocalDateTime localStart,
        Instant endsAt, ZoneId timeZone, String resourceId, String resourceName, String language) {
}
