package com.zorahai.intake;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Listens to {@link SupportRequestReceived} as the tickets module will (after commit, through the event publication
 * registry) and remembers what it was given.
 */
@Component
public class SupportRequestRecorder {

    private final List<SupportRequestReceived> received = new CopyOnWriteArrayList<>();

    @ApplicationModuleListener
    void on(SupportRequestReceived event) {
        received.add(event);
    }

    public List<SupportRequestReceived> of(UUID inboundEmailId) {
        return received.stream().filter(e -> e.inboundEmailId().equals(inboundEmailId)).toList();
    }
}
