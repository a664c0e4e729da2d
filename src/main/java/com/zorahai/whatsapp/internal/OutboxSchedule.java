package com.zorahai.whatsapp.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls the WhatsApp outbox on a fixed delay; instances share rows through {@code SKIP LOCKED}. Off with
 * {@code zorah.whatsapp.worker.enabled=false}.
 */
@Component("whatsappOutboxSchedule")
@ConditionalOnProperty(prefix = "zorah.whatsapp.worker", name = "enabled", havingValue = "true", matchIfMissing = true)
class OutboxSchedule {

    private final OutboxWorker worker;

    OutboxSchedule(OutboxWorker worker) {
        this.worker = worker;
    }

    @Scheduled(initialDelayString = "${zorah.whatsapp.worker.poll-interval:1s}", fixedDelayString = "${zorah.whatsapp.worker.poll-interval:1s}")
    void poll() {
        worker.drain();
    }
}
