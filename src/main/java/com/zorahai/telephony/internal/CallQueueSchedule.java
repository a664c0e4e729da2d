package com.zorahai.telephony.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls the call queue on a fixed delay. Off with {@code zorah.telephony.queue.enabled=false}.
 */
@Component
@ConditionalOnProperty(prefix = "zorah.telephony.queue", name = "enabled", havingValue = "true", matchIfMissing = true)
class CallQueueSchedule {

    private final CallQueueRunner runner;

    CallQueueSchedule(CallQueueRunner runner) {
        this.runner = runner;
    }

    @Scheduled(initialDelayString = "${zorah.telephony.queue.poll-interval:30s}", fixedDelayString = "${zorah.telephony.queue.poll-interval:30s}")
    void poll() {
        runner.runLocked();
    }
}
