package com.zorahai.assistant;

import com.zorahai.booking.AppointmentBooked;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Listens to the assistant's events as analytics would (after commit) and remembers them. */
@Component("assistantEventRecorder")
public class AssistantEventRecorder {

    private final List<Object> events = new CopyOnWriteArrayList<>();

    @ApplicationModuleListener
    void received(AssistantMessageReceived event) {
        events.add(event);
    }

    @ApplicationModuleListener
    void answered(AssistantAnswered event) {
        events.add(event);
    }

    @ApplicationModuleListener
    void unanswered(UnansweredQuestion event) {
        events.add(event);
    }

    @ApplicationModuleListener
    void bookingStarted(BookingStarted event) {
        events.add(event);
    }

    @ApplicationModuleListener
    void handedOver(AssistantHandedOver event) {
        events.add(event);
    }

    @ApplicationModuleListener
    void booked(AppointmentBooked event) {
        events.add(event);
    }

    /** The events of one conversation (booked appointments: of its tenant), in arrival order. */
    public List<Object> of(String tenant, UUID conversation) {
        return events.stream().filter(e -> switch (e) {
            case AssistantMessageReceived r -> r.conversationId().equals(conversation);
            case AssistantAnswered a -> a.conversationId().equals(conversation);
            case UnansweredQuestion u -> u.conversationId().equals(conversation);
            case BookingStarted b -> b.conversationId().equals(conversation);
            case AssistantHandedOver h -> h.conversationId().equals(conversation);
            case AppointmentBooked b -> b.tenantId().value().equals(tenant);
            default -> false;
        }).toList();
    }

    public <T> List<T> of(String tenant, UUID conversation, Class<T> type) {
        return of(tenant, conversation).stream().filter(type::isInstance).map(type::cast).toList();
    }
}
