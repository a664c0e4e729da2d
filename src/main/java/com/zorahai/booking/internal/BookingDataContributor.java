package com.zorahai.booking.internal;

import com.zorahai.crm.ClientDataContributor;
import com.zorahai.crm.ClientId;
import com.zorahai.tenancy.TenantId;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code booking} section of a client's privacy export: their appointments and waitlist entries.
 */
@Component
class BookingDataContributor implements ClientDataContributor {

    private final AppointmentStore appointments;
    private final WaitlistStore waitlist;
    private final BookingTenants tenants;

    BookingDataContributor(AppointmentStore appointments, WaitlistStore waitlist, BookingTenants tenants) {
        this.appointments = appointments;
        this.waitlist = waitlist;
        this.tenants = tenants;
    }

    @Override
    public String section() {
        return "booking";
    }

    @Override
    @Transactional(readOnly = true)
    public Object export(TenantId tenantId, ClientId clientId) {
        ZoneId zone = tenants.resolve(tenantId).zone();
        List<Map<String, Object>> booked = appointments.forClient(tenantId, clientId).stream()
                .map(r -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("id", r.id().toString());
                    entry.put("service", r.serviceName());
                    entry.put("start", r.startAt().atZone(zone).toOffsetDateTime().toString());
                    entry.put("status", r.status().value());
                    entry.put("channel", r.channel().value());
                    entry.put("customer_name", r.customerName());
                    entry.put("customer_phone", r.customerPhone());
                    entry.put("notes", r.notes());
                    return entry;
                })
                .toList();
        List<Map<String, Object>> waiting = waitlist.forClient(tenantId, clientId).stream()
                .map(r -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("id", r.id().toString());
                    entry.put("service", r.serviceName());
                    entry.put("earliest", r.earliestOn().toString());
                    entry.put("latest", r.latestOn().toString());
                    entry.put("status", r.status());
                    entry.put("customer_name", r.customerName());
                    entry.put("customer_phone", r.customerPhone());
                    return entry;
                })
                .toList();
        if (booked.isEmpty() && waiting.isEmpty()) {
            return null;
        }
        return Map.of("appointments", booked, "waitlist", waiting);
    }
}
