package com.zorahai.quoting.internal;

import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Expires sent quotes past their validity, on {@code zorah.quoting.expiry-cron}. A ShedLock row lets one instance
 * run it at a time. Off with {@code zorah.quoting.expiry-job.enabled=false}.
 */
@Component
@ConditionalOnProperty(prefix = "zorah.quoting.expiry-job", name = "enabled", havingValue = "true", matchIfMissing = true)
class QuoteExpiryJob {

    private final QuoteRecords records;

    QuoteExpiryJob(QuoteRecords records) {
        this.records = records;
    }

    @Scheduled(cron = "${zorah.quoting.expiry-cron:0 */15 * * * *}")
    @SchedulerLock(name = "quoting-expiry", lockAtMostFor = "PT10M", lockAtLeastFor = "PT10S")
    void expire() {
        records.expireDue(Instant.now());
    }
}
