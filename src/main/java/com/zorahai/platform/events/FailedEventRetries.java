package com.zorahai.platform.events;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tries again the event deliveries whose listener threw (a database hiccup, a provider down), so a failed delivery
 * does not wait for the next restart. Every listener is idempotent by its source event, so a delivery that partly
 * happened before is safe to run again. A delivery that failed {@code max-attempts} times stays failed in
 * {@code event_publication} for a person to look at. Deliveries stuck in processing or never started are marked
 * failed by the registry's staleness settings ({@code spring.modulith.events.staleness.*}) and then retried here.
 */
@Component
@EnableConfigurationProperties(EventRetryProperties.class)
public class FailedEventRetries {

    private static final Logger log = LoggerFactory.getLogger(FailedEventRetries.class);

    private final FailedEventPublications failed;
    private final EventRetryProperties properties;

    FailedEventRetries(FailedEventPublications failed, EventRetryProperties properties) {
        this.failed = failed;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${zorah.events.retry.interval:1m}", initialDelayString = "${zorah.events.retry.interval:1m}")
    @SchedulerLock(name = "platform-event-retries", lockAtMostFor = "PT10M", lockAtLeastFor = "PT5S")
    void scheduled() {
        if (properties.enabled()) {
            retry();
        }
    }

    /** Resubmits the failed deliveries old enough and not yet tried {@code max-attempts} times. */
    public void retry() {
        log.debug("Resubmitting failed event deliveries older than {}", properties.minAge());
        failed.resubmit(ResubmissionOptions.defaults()
                .withMinAge(properties.minAge())
                .withBatchSize(properties.batchSize())
                .withFilter(publication -> publication.getCompletionAttempts() < properties.maxAttempts()));
    }
}
