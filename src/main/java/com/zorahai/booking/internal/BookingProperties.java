package com.zorahai.booking.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Booking settings ({@code zorah.booking.*}).
 *
 * @param maxPageSize the largest {@code size} a list accepts
 */
@ConfigurationProperties("zorah.booking")
@Validated
public record BookingProperties(@Valid @DefaultValue Calendar calendar, @Valid @DefaultValue Reminders reminders,
        @Valid @DefaultValue Seed seed, @Min(1) @Max(500) @DefaultValue("100") int maxPageSize) {

    /**
     * The built-in calendar.
     *
     * @param slotStep how far apart offered start times are (15 minutes: 09:00, 09:15, ...); 5 minutes to 4 hours
     * @param minNotice how soon a slot may start to be offered (no slot in the next hour by default)
     * @param maxAdvance how far ahead bookings are taken
     * @param maxRangeDays the longest date range one availability question may cover
     */
    public record Calendar(@NotNull @DefaultValue("15m") Duration slotStep,
            @NotNull @DefaultValue("1h") Duration minNotice, @NotNull @DefaultValue("365d") Duration maxAdvance,
            @Min(1) @Max(92) @DefaultValue("31") int maxRangeDays) {

        @AssertTrue(message = "zorah.booking.calendar.slot-step must be whole minutes between 5m and 4h")
        public boolean isSlotStepValid() {
            return slotStep == null || (slotStep.toSeconds() % 60 == 0 && slotStep.toMinutes() >= 5
                    && slotStep.toMinutes() <= 240);
        }

        @AssertTrue(message = "zorah.booking.calendar.min-notice and max-advance must not be negative")
        public boolean isWindowValid() {
            return minNotice == null || maxAdvance == null || (!minNotice.isNegative() && !maxAdvance.isNegative());
        }
    }

    /**
     * Appointment reminders: a job finds booked appointments starting within {@code leadTime} that were not reminded
     * yet, marks them and announces each once ({@code AppointmentReminderDue}).
     *
     * @param skipIfBookedWithin an appointment booked this close to its start gets no reminder
     * @param template the WhatsApp template name the reminder names
     */
    public record Reminders(@DefaultValue("true") boolean enabled, @NotNull @DefaultValue("24h") Duration leadTime,
            @NotNull @DefaultValue("2h") Duration skipIfBookedWithin,
            @NotNull @DefaultValue("5m") Duration pollInterval,
            @NotBlank @DefaultValue("appointment_reminder") String template,
            @Min(1) @Max(10_000) @DefaultValue("200") int batchSize) {

        @AssertTrue(message = "zorah.booking.reminders.lead-time must be between 1m and 14d")
        public boolean isLeadTimeValid() {
            return leadTime == null || (leadTime.toMinutes() >= 1 && leadTime.toDays() <= 14);
        }
    }

    /**
     * The demo calendar loaded at startup: {@code <dir>/<tenant_id>/booking.json} for each tenant on the built-in
     * calendar that has no services yet.
     */
    public record Seed(@DefaultValue("true") boolean enabled, @NotNull @DefaultValue("./config/seed") Path dir) {
    }
}
