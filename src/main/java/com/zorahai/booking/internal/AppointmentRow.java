package com.zorahai.booking.internal;

import com.zorahai.booking.Appointment;
import com.zorahai.booking.AppointmentId;
import com.zorahai.booking.AppointmentStatus;
import com.zorahai.booking.Channel;
import com.zorahai.booking.Gender;
import com.zorahai.crm.ClientId;
import com.zorahai.platform.Money;
import com.zorahai.tenancy.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.UUID;

/**
 * A row of {@code booking_appointments}.
 *
 * @param serviceRef the service id the provider knows (the built-in service's UUID, or the clinic's own id)
 * @param resourceRef the resource id the provider knows, if any
 */
public record AppointmentRow(UUID id, TenantId tenantId, String provider, String externalId, UUID serviceId,
        String serviceRef, String serviceName, UUID resourceId, String resourceRef, String resourceName,
        Instant startAt, Instant endAt, AppointmentStatus status, String customerName, String customerPhone,
        ClientId clientId, Gender gender, Channel channel, String language, String notes, BigDecimal priceAmount,
        String currency, String idempotencyKey, String cancelReason, Instant remindedAt, Instant createdAt,
        Instant updatedAt) {

    public AppointmentId appointmentId() {
        return AppointmentId.of(id);
    }

    public Appointment view(ZoneId zone) {
        Money price = priceAmount == null || currency == null
                ? null
                : Money.of(priceAmount, Currency.getInstance(currency));
        return new Appointment(appointmentId(), serviceRef, serviceName, resourceRef, resourceName,
                startAt.atZone(zone), endAt.atZone(zone), status, customerName, customerPhone, clientId, gender,
                channel, language, notes, price, provider, externalId, cancelReason, remindedAt, createdAt,
                updatedAt);
    }

    /**
     * Whether this row was made by the same request (an idempotent replay): the same service at the same start.
     * The clinic's API may have adjusted the start it confirmed, so there only the service counts.
     */
    boolean sameBookingAs(String otherServiceRef, Instant otherStart) {
        return serviceRef.equalsIgnoreCase(otherServiceRef)
                && (startAt.equals(otherStart) || BookingTenant.API.equals(provider));
    }
}
