package com.zorahai.analytics.internal;

import com.zorahai.tickets.TicketOpened;
import com.zorahai.tickets.TicketResolved;
import java.time.Duration;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Tickets opened and resolved (again after each reopening), with whether the SLA was kept. */
@Component
class TicketsListener {

    private final AnalyticsRecorder recorder;

    TicketsListener(AnalyticsRecorder recorder) {
        this.recorder = recorder;
    }

    @ApplicationModuleListener
    void on(TicketOpened event) {
        recorder.record(event.tenantId(), EventTypes.TICKET_OPENED, event.ticketId().toString(),
                "ticket-opened:" + event.ticketId(), Properties.of()
                        .with("channel", event.channel() == null ? null : event.channel().value())
                        .with("priority", event.priority() == null ? null : event.priority().value()).map(),
                event.openedAt());
    }

    @ApplicationModuleListener
    void on(TicketResolved event) {
        Long firstResponseMs = event.openedAt() == null || event.firstResponseAt() == null
                ? null
                : Duration.between(event.openedAt(), event.firstResponseAt()).toMillis();
        recorder.record(event.tenantId(), EventTypes.TICKET_RESOLVED, event.ticketId().toString(),
                "ticket-resolved:" + event.ticketId() + ":" + event.resolvedAt().toEpochMilli(), Properties.of()
                        .with("sla_breached", event.slaBreached())
                        .with("first_response_ms", firstResponseMs)
                        .with("channel", event.channel() == null ? null : event.channel().value())
                        .with("priority", event.priority() == null ? null : event.priority().value()).map(),
                event.resolvedAt());
    }
}
