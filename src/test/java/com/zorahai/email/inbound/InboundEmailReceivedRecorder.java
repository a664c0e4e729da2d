package com.zorahai.email.inbound;

import com.zorahai.email.InboundEmailReceived;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Listens to {@link InboundEmailReceived} as a processing module would (after commit, through the event publication
 * registry) and remembers what it was given.
 */
@Component
public class InboundEmailReceivedRecorder {

    private final List<InboundEmailReceived> received = new CopyOnWriteArrayList<>();

    @ApplicationModuleListener
    void on(InboundEmailReceived event) {
        received.add(event);
    }

    /** How often the event for this email arrived. */
    public long deliveries(UUID inboundEmailId) {
        return received.stream().filter(e -> e.inboundEmailId().equals(inboundEmailId)).count();
    }
}
