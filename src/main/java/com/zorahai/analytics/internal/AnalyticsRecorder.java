package com.zorahai.analytics.internal;

import com.zorahai.analytics.bigquery.BigQueryExportProperties;
import com.zorahai.tenancy.TenantId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one way into {@code analytics_events}: every listener calls {@link #record}. A source event key already
 * recorded for the tenant adds nothing (a unique index decides, so concurrent redeliveries cannot both win). A new
 * event also adds to its hour in {@code analytics_hourly}, joins its unanswered-question group and the BigQuery
 * export queue in the same transaction, and counts in the metrics once that transaction commits.
 */
@Service
public class AnalyticsRecorder {

    static final int MAX_TYPE = 100;
    static final int MAX_KEY = 300;

    private final AnalyticsEventStore store;
    private final Rollups rollups;
    private final UnansweredGroups unanswered;
    private final AnalyticsMetrics metrics;
    private final BigQueryExportProperties export;

    AnalyticsRecorder(AnalyticsEventStore store, Rollups rollups, UnansweredGroups unanswered,
            AnalyticsMetrics metrics, BigQueryExportProperties export) {
        this.store = store;
        this.rollups = rollups;
        this.unanswered = unanswered;
        this.metrics = metrics;
        this.export = export;
    }

    /**
     * Records an event once.
     *
     * @param type one of {@link EventTypes}
     * @param subjectId what the event is about (quote id, conversation id...), may be null
     * @param sourceEventId a key unique to the announcing event for this tenant, the same on every redelivery
     * @param properties the values the dashboard reads (see {@link EventTypes}); null values are left out
     * @return whether the event was new
     */
    @Transactional
    public boolean record(TenantId tenant, String type, String subjectId, String sourceEventId,
            Map<String, Object> properties, Instant occurredAt) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (type == null || type.isBlank() || type.length() > MAX_TYPE) {
            throw new IllegalArgumentException("type must be 1 to " + MAX_TYPE + " characters");
        }
        if (sourceEventId == null || sourceEventId.isBlank() || sourceEventId.length() > MAX_KEY) {
            throw new IllegalArgumentException("sourceEventId must be 1 to " + MAX_KEY + " characters");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        if (properties != null) {
            properties.forEach((key, value) -> {
                if (key != null && value != null) {
                    values.put(key, value);
                }
            });
        }
        UUID id = UUID.randomUUID();
        if (!store.insert(id, tenant, type, subjectId, sourceEventId, values, occurredAt)) {
            return false;
        }
        rollups.add(id);
        String channel = EventTypes.unansweredChannel(type, values);
        if (channel != null && values.get("question") instanceof String question && !question.isBlank()) {
            unanswered.add(tenant, id, question, channel, occurredAt);
        }
        if (export.enabled()) {
            store.queueForExport(id, tenant);
        }
        afterCommit(() -> metrics.recorded(tenant, type, values));
        return true;
    }

    /** A property of an earlier event about the same subject, e.g. the quote an invoice was issued from. */
    @Transactional(readOnly = true)
    public Optional<Object> property(TenantId tenant, String type, String subjectId, String property) {
        return store.property(tenant, type, subjectId, property);
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
