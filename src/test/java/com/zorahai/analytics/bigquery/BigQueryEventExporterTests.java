package com.zorahai.analytics.bigquery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.cloud.bigquery.BigQuery;
import com.zorahai.analytics.AnalyticsTestSupport;
import com.zorahai.analytics.internal.AnalyticsMetrics;
import com.zorahai.analytics.internal.EventTypes;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real BigQuery client against WireMock answering the REST shapes of {@code tables.get}, {@code datasets.get},
 * {@code tables.insert} and {@code tabledata.insertAll}; the queue and the cursors in the real database.
 */
class BigQueryEventExporterTests extends AnalyticsTestSupport {

    private static final String PROJECT = "zorah-test-project";
    private static final Instant AT = Instant.parse("2026-11-20T10:15:30.123456Z");

    @Autowired
    AnalyticsMetrics metrics;

    @Autowired
    MeterRegistry meters;

    @Autowired
    JsonMapper json;

    private final JsonMapper plain = JsonMapper.builder().build();
    private WireMockServer wireMock;
    private ExportQueue queue;

    @BeforeEach
    void start() {
        wireMock = new WireMockServer(wireMockConfig().dynamicPort());
        wireMock.start();
        queue = new ExportQueue(jdbc, json);
    }

    @AfterEach
    void stop() {
        wireMock.stop();
    }

    private BigQueryEventExporter exporter(int batchSize, Optional<Tenant.Gcp> gcp) {
        BigQueryExportProperties properties = new BigQueryExportProperties(PROJECT, "events", true,
                wireMock.baseUrl(), "EU", Duration.ofSeconds(5), 1, true, batchSize, 20, Duration.ofSeconds(60),
                false);
        BigQuery client = BigQueryExportConfiguration.client(properties);
        return new BigQueryEventExporter(client, properties, queue, id -> gcp, metrics, json);
    }

    /** Records events of the tenant and queues them for export, as the recorder does while the export is on. */
    private List<UUID> queued(TenantId tenant, int events) {
        for (int i = 0; i < events; i++) {
            record(tenant, EventTypes.BOOKING_MADE, "b" + i, AT.plusSeconds(i), Map.of("service", "laser"));
        }
        jdbc.sql("insert into analytics_export_queue (event_id, tenant_id, recorded_at)"
                + " select id, tenant_id, recorded_at from analytics_events where tenant_id = ?")
                .param(tenant.value()).update();
        return jdbc.sql("select id from analytics_events where tenant_id = ? order by recorded_at, id")
                .param(tenant.value()).query(UUID.class).list();
    }

    private static String tablePath(String dataset) {
        return "/bigquery/v2/projects/" + PROJECT + "/datasets/" + dataset + "/tables/events";
    }

    private void tableExists(String dataset) {
        wireMock.stubFor(get(urlPathEqualTo(tablePath(dataset))).willReturn(okJson("""
                {"kind": "bigquery#table", "id": "%1$s:%2$s.events",
                 "tableReference": {"projectId": "%1$s", "datasetId": "%2$s", "tableId": "events"},
                 "type": "TABLE"}""".formatted(PROJECT, dataset))));
    }

    private void insertAllAnswers(String dataset, String body) {
        wireMock.stubFor(post(urlPathEqualTo(tablePath(dataset) + "/insertAll")).willReturn(okJson(body)));
    }

    private List<JsonNode> insertAllBodies(String dataset) {
        List<JsonNode> bodies = new ArrayList<>();
        for (LoggedRequest request : wireMock.findAll(postRequestedFor(urlPathEqualTo(tablePath(dataset)
                + "/insertAll")))) {
            bodies.add(plain.readTree(request.getBodyAsString()));
        }
        return bodies;
    }

    @Test
    void createsTheTableOnceThenExportsInBatchesWithTheEventIdsAsInsertIds() {
        TenantId tenant = newTenant("UTC");
        String dataset = tenant.value().replace('-', '_') + "_analytics";
        List<UUID> ids = queued(tenant, 3);
        wireMock.stubFor(get(urlPathEqualTo(tablePath(dataset))).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"error": {"code": 404, "message": "Not found: Table %s:%s.events", "status": "NOT_FOUND",
                          "errors": [{"message": "Not found", "domain": "global", "reason": "notFound"}]}}"""
                        .formatted(PROJECT, dataset))));
        String datasetPath = "/bigquery/v2/projects/" + PROJECT + "/datasets/" + dataset;
        wireMock.stubFor(get(urlPathEqualTo(datasetPath)).willReturn(okJson("""
                {"kind": "bigquery#dataset", "id": "%1$s:%2$s",
                 "datasetReference": {"projectId": "%1$s", "datasetId": "%2$s"}, "location": "EU"}"""
                .formatted(PROJECT, dataset))));
        wireMock.stubFor(post(urlPathEqualTo(datasetPath + "/tables")).willReturn(okJson("""
                {"kind": "bigquery#table", "id": "%1$s:%2$s.events", "type": "TABLE",
                 "tableReference": {"projectId": "%1$s", "datasetId": "%2$s", "tableId": "events"}}"""
                .formatted(PROJECT, dataset))));
        insertAllAnswers(dataset, "{\"kind\": \"bigquery#tableDataInsertAllResponse\"}");

        BigQueryEventExporter exporter = exporter(2, Optional.empty());
        BigQueryEventExporter.Result result = exporter.export(tenant, AT.plusSeconds(60));

        assertThat(result.exported()).as("exported; cursor %s", queue.cursor(tenant)).isEqualTo(3);
        assertThat(result.failed()).isZero();
        JsonNode created = plain.readTree(wireMock.findAll(postRequestedFor(urlPathEqualTo(datasetPath + "/tables")))
                .getFirst().getBodyAsString());
        assertThat(created.at("/tableReference/tableId").asString()).isEqualTo("events");
        assertThat(created.at("/timePartitioning/field").asString()).isEqualTo("occurred_at");
        assertThat(created.at("/schema/fields/4/type").asString()).isEqualTo("JSON");

        List<JsonNode> bodies = insertAllBodies(dataset);
        assertThat(bodies).hasSize(2);
        assertThat(bodies.get(0).at("/rows").size()).isEqualTo(2);
        assertThat(bodies.get(1).at("/rows").size()).isEqualTo(1);
        assertThat(bodies.get(0).at("/skipInvalidRows").asBoolean()).isTrue();
        List<String> insertIds = new ArrayList<>();
        bodies.forEach(body -> body.at("/rows").forEach(row -> insertIds.add(row.at("/insertId").asString())));
        assertThat(insertIds).containsExactlyElementsOf(ids.stream().map(UUID::toString).toList());
        JsonNode row = bodies.get(0).at("/rows/0/json");
        assertThat(row.at("/id").asString()).isEqualTo(ids.getFirst().toString());
        assertThat(row.at("/tenant_id").asString()).isEqualTo(tenant.value());
        assertThat(row.at("/type").asString()).isEqualTo("booking.made");
        assertThat(row.at("/subject_id").asString()).isEqualTo("b0");
        assertThat(plain.readTree(row.at("/properties").asString()).at("/service").asString()).isEqualTo("laser");
        assertThat(row.at("/occurred_at").asString()).isEqualTo("2026-11-20 10:15:30.123456 UTC");

        assertThat(queue.next(tenant, 10)).isEmpty();
        assertThat(queue.cursor(tenant)).get().satisfies(cursor -> {
            assertThat(cursor.exportedEvents()).isEqualTo(3);
            assertThat(cursor.exportedThrough()).isNotNull();
            assertThat(cursor.consecutiveFailures()).isZero();
        });
        assertThat(meters.get("zorah.analytics.export.events").tag("tenant", tenant.value()).counter().count())
                .isEqualTo(3.0);
        assertThat(meters.get("zorah.analytics.export.lag").tag("tenant", tenant.value()).gauge().value()).isZero();

        // a later run finds nothing to do and does not look the table up again
        assertThat(exporter.export(tenant, AT.plusSeconds(120)).exported()).isZero();
        assertThat(exporter.run(AT.plusSeconds(120))).noneMatch(r -> r.tenant().equals(tenant));
        assertThat(wireMock.findAll(getRequestedFor(urlPathEqualTo(tablePath(dataset))))).hasSize(1);
    }

    @Test
    void rowsBigQueryRefusesStayQueuedAndCountAsFailures() {
        TenantId tenant = newTenant("UTC");
        List<UUID> ids = queued(tenant, 3);
        tableExists("clinic_custom");
        insertAllAnswers("clinic_custom", """
                {"kind": "bigquery#tableDataInsertAllResponse",
                 "insertErrors": [{"index": 1, "errors": [{"reason": "invalid", "location": "properties",
                   "debugInfo": "", "message": "Invalid JSON"}]}]}""");

        BigQueryEventExporter.Result result = exporter(500, Optional.of(new Tenant.Gcp("", "clinic_custom")))
                .export(tenant, Instant.now().plusSeconds(3600));

        assertThat(result.exported()).isEqualTo(2);
        assertThat(result.failed()).isEqualTo(1);
        assertThat(queue.next(tenant, 10)).extracting(ExportQueue.Row::id).containsExactly(ids.get(1));
        assertThat(queue.cursor(tenant)).get().satisfies(cursor -> {
            assertThat(cursor.exportedEvents()).isEqualTo(2);
            assertThat(cursor.lastError()).isEqualTo("1 rows refused: invalid");
            assertThat(cursor.consecutiveFailures()).isEqualTo(1);
        });
        assertThat(meters.get("zorah.analytics.export.failures").tag("tenant", tenant.value()).tag("reason", "rows")
                .counter().count()).isEqualTo(1.0);
        assertThat(meters.get("zorah.analytics.export.lag").tag("tenant", tenant.value()).gauge().value())
                .isPositive();
    }

    @Test
    void aFailedCallKeepsTheBatchQueuedAndShowsTheLag() {
        TenantId tenant = newTenant("UTC");
        queued(tenant, 2);
        tableExists("own_dataset");
        wireMock.stubFor(post(urlPathEqualTo(tablePath("own_dataset") + "/insertAll")).willReturn(aResponse()
                .withStatus(503).withHeader("Content-Type", "application/json").withBody("""
                        {"error": {"code": 503, "message": "Service unavailable", "status": "UNAVAILABLE",
                          "errors": [{"message": "Service unavailable", "domain": "global", "reason": "backendError"}]}}
                        """)));
        Instant now = Instant.now().plusSeconds(90);

        BigQueryEventExporter.Result result = exporter(500, Optional.of(new Tenant.Gcp(PROJECT, "own_dataset")))
                .export(tenant, now);

        assertThat(result.callFailed()).isTrue();
        assertThat(result.exported()).isZero();
        assertThat(queue.next(tenant, 10)).hasSize(2);
        assertThat(queue.cursor(tenant)).get().extracting(ExportQueue.Cursor::lastError).asString()
                .startsWith("insertAll failed: 503");
        assertThat(meters.get("zorah.analytics.export.failures").tag("tenant", tenant.value()).tag("reason", "call")
                .counter().count()).isEqualTo(1.0);
        assertThat(meters.get("zorah.analytics.export.lag").tag("tenant", tenant.value()).gauge().value())
                .isGreaterThanOrEqualTo(80.0);
    }

    @Test
    void theTableIsTheTenantsDatasetOrItsIdWithUnderscores() {
        TenantId tenant = TenantId.of("demo-clinic-2");
        assertThat(exporter(10, Optional.empty()).table(tenant).getDataset()).isEqualTo("demo_clinic_2_analytics");
        assertThat(exporter(10, Optional.of(new Tenant.Gcp("other-project-1", "clinic_ds"))).table(tenant))
                .satisfies(table -> {
                    assertThat(table.getProject()).isEqualTo("other-project-1");
                    assertThat(table.getDataset()).isEqualTo("clinic_ds");
                    assertThat(table.getTable()).isEqualTo("events");
                });
    }
}
