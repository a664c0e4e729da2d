package com.zorahai.email.outbox;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls the outbox on a fixed delay. Several instances may poll at once: claiming with {@code SKIP LOCKED} shares
 * the rows between them, so no job lock is needed. Off with {@code zorah.email.worker.enabled=false}.
 */
@Component
@ConditionalOnProperty(prefix = "zorah.email.worker", name = "enabled", havingValue = "true", matchIfMissing = true)
class OutboxSchedule {

    private final OutboxWorker worker;

    OutboxSchedule(OutboxWorker worker) {
        this.worker = worker;
    }

    @Scheduled(initialDelayString = "${zorah.email.worker.poll-interval:2s}", fixedDelayString = "${zorah.email.worker.poll-interval:2s}")
    void poll() {
        worker.drain();
    }
}
