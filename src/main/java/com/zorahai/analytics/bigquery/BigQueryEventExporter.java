package com.zorahai.analytics.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryError;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.DatasetId;
import com.google.cloud.bigquery.DatasetInfo;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.InsertAllRequest;
import com.google.cloud.bigquery.InsertAllResponse;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.StandardSQLTypeName;
import com.google.cloud.bigquery.StandardTableDefinition;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TableInfo;
import com.google.cloud.bigquery.TimePartitioning;
import com.zorahai.analytics.internal.AnalyticsMetrics;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes waiting analytics events to each tenant's BigQuery table with {@code tabledata.insertAll}, in batches, the
 * event id as the insert id (so BigQuery drops a row sent twice after a crash between its write and our
 * bookkeeping). Rows BigQuery refuses stay queued and are counted as failures; a failed call leaves the batch queued
 * for the next run. The lag gauge shows how old the oldest waiting event of each tenant is.
 */
public class BigQueryEventExporter {

    private static final Logger log = LoggerFactory.getLogger(BigQueryEventExporter.class);

    private static final Pattern PROJECT = Pattern.compile("(?:[a-z0-9.-]+:)?[a-z][a-z0-9-]{4,28}[a-z0-9]");
    private static final Pattern DATASET = Pattern.compile("[A-Za-z0-9_]{1,1024}");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS 'UTC'").withZone(ZoneOffset.UTC);

    static final Schema SCHEMA = Schema.of(
            Field.newBuilder("id", StandardSQLTypeName.STRING).setMode(Field.Mode.REQUIRED).build(),
            Field.newBuilder("tenant_id", StandardSQLTypeName.STRING).setMode(Field.Mode.REQUIRED).build(),
            Field.newBuilder("type", StandardSQLTypeName.STRING).setMode(Field.Mode.REQUIRED).build(),
            Field.of("subject_id", StandardSQLTypeName.STRING),
            Field.of("properties", StandardSQLTypeName.JSON),
            Field.newBuilder("occurred_at", StandardSQLTypeName.TIMESTAMP).setMode(Field.Mode.REQUIRED).build(),
            Field.newBuilder("recorded_at", StandardSQLTypeName.TIMESTAMP).setMode(Field.Mode.REQUIRED).build());

    private final BigQuery bigQuery;
    private final BigQueryExportProperties properties;
    private final ExportQueue queue;
    private final Function<TenantId, Optional<Tenant.Gcp>> tenantGcp;
    private final AnalyticsMetrics metrics;
    private final JsonMapper json;
    private final Set<TableId> ready = ConcurrentHashMap.newKeySet();

    BigQueryEventExporter(BigQuery bigQuery, BigQueryExportProperties properties, ExportQueue queue,
            Function<TenantId, Optional<Tenant.Gcp>> tenantGcp, AnalyticsMetrics metrics, JsonMapper json) {
        this.bigQuery = bigQuery;
        this.properties = properties;
        this.queue = queue;
        this.tenantGcp = tenantGcp;
        this.metrics = metrics;
        this.json = json;
        if (!PROJECT.matcher(properties.projectId()).matches()) {
            throw new IllegalStateException("zorah.analytics.bigquery.project-id (GCP_PROJECT_ID) is not a valid "
                    + "Google Cloud project id");
        }
    }

    /** What one run did for one tenant. */
    public record Result(TenantId tenant, int exported, int failed, boolean callFailed) {
    }

    /** Exports what every tenant has waiting. */
    public List<Result> run(Instant now) {
        List<Result> results = new ArrayList<>();
        for (TenantId tenant : queue.tenants()) {
            results.add(export(tenant, now));
        }
        return results;
    }

    /** Exports up to {@code maxBatchesPerRun} batches of the tenant, then updates its lag. */
    public Result export(TenantId tenant, Instant now) {
        int exported = 0;
        int failed = 0;
        boolean callFailed = false;
        for (int batch = 0; batch < properties.maxBatchesPerRun(); batch++) {
            List<ExportQueue.Row> rows = queue.next(tenant, properties.batchSize());
            if (rows.isEmpty()) {
                break;
            }
            try {
                TableId table = table(tenant);
                ensureTable(table);
                InsertAllRequest.Builder request = InsertAllRequest.newBuilder(table).setSkipInvalidRows(true);
                rows.forEach(row -> request.addRow(row.id().toString(), content(row)));
                InsertAllResponse response = bigQuery.insertAll(request.build());
                Map<Long, List<BigQueryError>> errors = response.getInsertErrors();
                List<UUID> done = new ArrayList<>();
                Instant through = null;
                for (int i = 0; i < rows.size(); i++) {
                    if (!errors.containsKey((long) i)) {
                        done.add(rows.get(i).id());
                        through = rows.get(i).recordedAt();
                    }
                }
                queue.remove(done);
                exported += done.size();
                if (!done.isEmpty()) {
                    queue.succeeded(tenant, through, done.size(), now);
                    metrics.exported(tenant, done.size());
                }
                if (!errors.isEmpty()) {
                    failed += errors.size();
                    String reason = errors.values().stream().flatMap(List::stream).map(BigQueryError::getReason)
                            .filter(r -> r != null && !r.isBlank()).findFirst().orElse("invalid");
                    log.warn("BigQuery refused {} analytics rows of tenant {}: {}", errors.size(), tenant, reason);
                    queue.failed(tenant, errors.size() + " rows refused: " + reason, now);
                    metrics.exportFailed(tenant, "rows");
                    break;
                }
            } catch (BigQueryException e) {
                callFailed = true;
                log.warn("BigQuery export of tenant {} failed: code={} reason={}", tenant, e.getCode(), e.getReason());
                queue.failed(tenant, "insertAll failed: " + e.getCode() + " " + e.getReason(), now);
                metrics.exportFailed(tenant, "call");
                break;
            } catch (RuntimeException e) {
                callFailed = true;
                log.warn("BigQuery export of tenant {} failed: {}", tenant, e.getClass().getSimpleName(), e);
                queue.failed(tenant, "export failed: " + e.getClass().getSimpleName(), now);
                metrics.exportFailed(tenant, "call");
                break;
            }
        }
        metrics.exportLag(tenant, queue.oldest(tenant).map(oldest -> Duration.between(oldest, now).toSeconds())
                .orElse(0L));
        return new Result(tenant, exported, failed, callFailed);
    }

    /** The tenant's table: its own project and dataset when it names them, else the defaults. */
    TableId table(TenantId tenant) {
        Optional<Tenant.Gcp> gcp = tenantGcp.apply(tenant);
        String project = gcp.map(Tenant.Gcp::projectId).filter(p -> !p.isBlank()).orElse(properties.projectId());
        String dataset = gcp.map(Tenant.Gcp::dataset).filter(d -> !d.isBlank())
                .orElse(tenant.value().replace('-', '_') + "_analytics");
        if (!PROJECT.matcher(project).matches() || !DATASET.matcher(dataset).matches()) {
            throw new IllegalStateException("Invalid BigQuery project or dataset name for tenant " + tenant);
        }
        return TableId.of(project, dataset, properties.table());
    }

    private void ensureTable(TableId table) {
        if (!properties.createTable() || ready.contains(table)) {
            return;
        }
        if (bigQuery.getTable(table) == null) {
            DatasetId dataset = DatasetId.of(table.getProject(), table.getDataset());
            if (bigQuery.getDataset(dataset) == null) {
                DatasetInfo.Builder info = DatasetInfo.newBuilder(dataset);
                if (properties.location() != null && !properties.location().isBlank()) {
                    info.setLocation(properties.location());
                }
                createIgnoringConflict(() -> bigQuery.create(info.build()));
            }
            StandardTableDefinition definition = StandardTableDefinition.newBuilder().setSchema(SCHEMA)
                    .setTimePartitioning(TimePartitioning.newBuilder(TimePartitioning.Type.DAY)
                            .setField("occurred_at").build())
                    .build();
            createIgnoringConflict(() -> bigQuery.create(TableInfo.of(table, definition)));
            log.info("Created BigQuery table {}.{}.{}", table.getProject(), table.getDataset(), table.getTable());
        }
        ready.add(table);
    }

    /** Another instance may create it at the same time: 409 means it exists. */
    private static void createIgnoringConflict(Runnable create) {
        try {
            create.run();
        } catch (BigQueryException e) {
            if (e.getCode() != 409) {
                throw e;
            }
        }
    }

    private Map<String, Object> content(ExportQueue.Row row) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("id", row.id().toString());
        content.put("tenant_id", row.tenantId());
        content.put("type", row.type());
        if (row.subjectId() != null) {
            content.put("subject_id", row.subjectId());
        }
        content.put("properties", json.writeValueAsString(row.properties()));
        content.put("occurred_at", TIMESTAMP.format(row.occurredAt()));
        content.put("recorded_at", TIMESTAMP.format(row.recordedAt()));
        return content;
    }
}
