package com.zorahai.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zorahai.IntegrationTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.transaction.support.TransactionTemplate;

/** A delivery whose listener threw is tried again by the retry job, up to the attempt limit. */
@IntegrationTest
class FailedEventRetriesTests {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FlakyListener listener;

    @Autowired
    FailedEventPublications failed;

    private FailedEventRetries retries(int maxAttempts) {
        return new FailedEventRetries(failed, new EventRetryProperties(true, Duration.ofMinutes(1), Duration.ZERO,
                maxAttempts, 100));
    }

    private String status(UUID id) {
        return jdbc.sql("select status from event_publication where serialized_event like ?").param("%" + id + "%")
                .query(String.class).optional().orElse("deleted");
    }

    @Test
    void aFailedDeliveryIsTriedAgainUntilItIsHandled() {
        UUID id = UUID.randomUUID();
        transactions.executeWithoutResult(status -> events.publishEvent(new FlakyListener.Probe(id, 2)));
        await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(status(id)));
        assertThat(listener.attempts(id)).isEqualTo(1);

        FailedEventRetries retries = retries(10);
        retries.retry();
        await().atMost(Duration.ofSeconds(20)).until(() -> listener.attempts(id) == 2 && "FAILED".equals(status(id)));
        retries.retry();

        // handled on the third attempt: the completed delivery is deleted (completion mode delete)
        await().atMost(Duration.ofSeconds(20)).until(() -> listener.handled(id) && "deleted".equals(status(id)));
        assertThat(listener.attempts(id)).isEqualTo(3);
    }

    @Test
    void aDeliveryThatKeepsFailingIsLeftAfterTheLastAttempt() {
        UUID id = UUID.randomUUID();
        transactions.executeWithoutResult(status -> events.publishEvent(new FlakyListener.Probe(id, 100)));
        await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(status(id)));

        FailedEventRetries retries = retries(2);
        retries.retry();
        await().atMost(Duration.ofSeconds(20)).until(() -> listener.attempts(id) == 2 && "FAILED".equals(status(id)));
        retries.retry();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> listener.attempts(id) == 2);
        assertThat(status(id)).isEqualTo("FAILED");
    }
}
