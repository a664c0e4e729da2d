package com.zorahai.assistant.internal;

import com.zorahai.booking.AppointmentReminderDue;
import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.Tenants;
import com.zorahai.whatsapp.QueuedMessage;
import com.zorahai.whatsapp.WhatsAppMessages;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Sends appointment reminders on WhatsApp: the approved template the reminder names
 * ({@code zorah.assistant.reminder-template}, {@code appointment_reminder}, when it names none) with the customer's
 * name, the service and the time, in the customer's language. The conversation remembers the appointment, so a
 * "cancel" or "reschedule" in reply acts on it.
 */
@Component("assistantReminders")
class Reminders {

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);

    private final WhatsAppMessages whatsapp;
    private final Tenants tenants;
    private final AssistantStore store;
    private final Catalogue catalogue;
    private final AssistantProperties properties;
    private final Clock clock;

    Reminders(WhatsAppMessages whatsapp, Tenants tenants, AssistantStore store, Catalogue catalogue,
            AssistantProperties properties, Clock clock) {
        this.whatsapp = whatsapp;
        this.tenants = tenants;
        this.store = store;
        this.catalogue = catalogue;
        this.properties = properties;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(AppointmentReminderDue reminder) {
        Optional<Tenant> tenant = tenants.find(reminder.tenantId());
        if (tenant.isEmpty() || !tenant.get().has(Tenant.Feature.WHATSAPP) || reminder.customerPhone() == null
                || reminder.customerPhone().isBlank()) {
            return;
        }
        Language language = Language.of(reminder.language())
                .or(() -> Language.of(tenant.get().locale() == null ? null : tenant.get().locale().getLanguage()))
                .orElse(Language.EN);
        String template = reminder.template() == null || reminder.template().isBlank()
                ? properties.reminderTemplate()
                : reminder.template();
        ZonedDateTime start = reminder.startsAt().atZone(reminder.timeZone() == null
                ? tenant.get().timezone()
                : reminder.timeZone());
        String name = reminder.customerName() == null || reminder.customerName().isBlank()
                ? catalogue.text(language, "reminder.customer")
                : reminder.customerName().strip();
        String when = When.day(start.toLocalDate(), language) + " " + When.time(start);
        try {
            QueuedMessage queued = whatsapp.sendTemplate(reminder.tenantId(), reminder.customerPhone(), template,
                    language.code(), List.of(name, reminder.serviceName(), when));
            store.reminded(reminder.tenantId(), queued.conversationId(), reminder.appointmentId().value(),
                    clock.instant());
            log.info("Reminder of appointment {} queued for tenant {}", reminder.appointmentId(),
                    reminder.tenantId().value());
        } catch (ProblemException e) {
            // a number the channel cannot reach: retrying will not help
            log.warn("Reminder of appointment {} of tenant {} not sent ({})", reminder.appointmentId(),
                    reminder.tenantId().value(), e.type());
        }
    }
}
