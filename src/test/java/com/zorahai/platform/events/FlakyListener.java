package com.zorahai.platform.events;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A listener that fails a given number of times for each {@link Probe} before it handles it. */
@Component
class FlakyListener {

    /** An event whose listener fails {@code failures} times first. */
    record Probe(UUID id, int failures) {
    }

    private final Map<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Map<UUID, Boolean> handled = new ConcurrentHashMap<>();

    @ApplicationModuleListener
    void on(Probe probe) {
        int attempt = attempts.computeIfAbsent(probe.id(), id -> new AtomicInteger()).incrementAndGet();
        if (attempt <= probe.failures()) {
            throw new IllegalStateException("Probe " + probe.id() + " fails on attempt " + attempt);
        }
        handled.put(probe.id(), true);
    }

    int attempts(UUID id) {
        AtomicInteger count = attempts.get(id);
        return count == null ? 0 : count.get();
    }

    boolean handled(UUID id) {
        return handled.containsKey(id);
    }
}
