package com.zorahai.booking.internal;

import com.zorahai.booking.AppointmentReminderDue;
import com.zorahai.tenancy.TenantId;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Announces reminders: every booked appointment that starts within the lead time and was not reminded yet is marked
 * reminded and announced once with {@link AppointmentReminderDue}, in the same transaction, so a crash between the
 * two can neither lose nor repeat a reminder. A reschedule makes the reminder due again.
 */
@Service
public class Reminders {

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);

    private final AppointmentStore appointments;
    private final BookingTenants tenants;
    private final BookingProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    Reminders(AppointmentStore appointments, BookingTenants tenants, BookingProperties properties,
            ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.appointments = appointments;
        this.tenants = tenants;
        this.properties = properties;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Announces every reminder due at {@code now}, batch by batch; returns how many. */
    public int remindDue(Instant now) {
        BookingProperties.Reminders settings = properties.reminders();
        int total = 0;
        while (true) {
            Integer sent = transaction.execute(status -> {
                List<AppointmentRow> due = appointments.claimDueReminders(now, settings.leadTime(),
                        settings.skipIfBookedWithin(), settings.batchSize());
                Map<TenantId, BookingTenant> cache = new HashMap<>();
                for (AppointmentRow row : due) {
                    BookingTenant tenant = cache.computeIfAbsent(row.tenantId(), tenants::resolve);
                    var start = row.startAt().atZone(tenant.zone());
                    events.publishEvent(new AppointmentReminderDue(row.tenantId(), row.appointmentId(),
                            row.customerName(), row.customerPhone(), row.serviceName(), row.startAt(),
                            start.toLocalDateTime(), tenant.zone(), row.resourceName(),
                            row.language() != null ? row.language() : tenant.language(), settings.template()));
                }
                return due.size();
            });
            total += sent == null ? 0 : sent;
            if (sent == null || sent < settings.batchSize()) {
                break;
            }
        }
        if (total > 0) {
            log.info("{} appointment reminder(s) due", total);
        }
        return total;
    }
}
