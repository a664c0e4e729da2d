package com.zorahai.analytics.internal;

import com.zorahai.booking.AppointmentBooked;
import com.zorahai.booking.AppointmentCancelled;
import com.zorahai.booking.AppointmentNoShow;
import java.time.Clock;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Appointments booked and cancelled (counted when it happened, which the events do not carry: the time they are
 * handled, right after the booking commits) and no-shows (counted at the appointment's start).
 */
@Component
class BookingListener {

    private final AnalyticsRecorder recorder;
    private final Clock clock;

    BookingListener(AnalyticsRecorder recorder, Clock clock) {
        this.recorder = recorder;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(AppointmentBooked event) {
        recorder.record(event.tenantId(), EventTypes.BOOKING_MADE, event.appointmentId().toString(),
                "booking-made:" + event.appointmentId(), Properties.of().with("service", event.serviceName())
                        .with("channel", event.channel() == null ? null : event.channel().value())
                        .with("starts_at", event.startsAt() == null ? null : event.startsAt().toString()).map(),
                clock.instant());
    }

    @ApplicationModuleListener
    void on(AppointmentCancelled event) {
        recorder.record(event.tenantId(), EventTypes.BOOKING_CANCELLED, event.appointmentId().toString(),
                "booking-cancelled:" + event.appointmentId(), Properties.of().with("service", event.serviceName())
                        .with("starts_at", event.startsAt() == null ? null : event.startsAt().toString()).map(),
                clock.instant());
    }

    @ApplicationModuleListener
    void on(AppointmentNoShow event) {
        recorder.record(event.tenantId(), EventTypes.BOOKING_NO_SHOW, event.appointmentId().toString(),
                "booking-no-show:" + event.appointmentId(), Properties.of().with("service", event.serviceName()).map(),
                event.startsAt() == null ? clock.instant() : event.startsAt());
    }
}
