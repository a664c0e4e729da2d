package com.zorahai.pricing.bigquery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.cloud.bigquery.BigQuery;
import com.zorahai.pricing.BoardBasis;
import com.zorahai.pricing.Cabin;
import com.zorahai.pricing.FlightPrice;
import com.zorahai.pricing.HotelRate;
import com.zorahai.pricing.PricingSource;
import com.zorahai.pricing.PricingSourceUnavailableException;
import com.zorahai.pricing.RateBasis;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives the real BigQuery client against WireMock answering the REST shapes of {@code jobs.query} and
 * {@code jobs.getQueryResults}.
 */
class BigQueryPricingSourceTests {

    private static final String PROJECT = "zorah-test-project";
    private static final String QUERIES = "/bigquery/v2/projects/" + PROJECT + "/queries";
    private static final TenantId TENANT = TenantId.of("demo-travel");

    private static final List<String[]> RATE_SCHEMA = List.of(
            new String[]{"id", "STRING"}, new String[]{"hotel_name", "STRING"},
            new String[]{"hotel_code", "STRING"}, new String[]{"destination", "STRING"},
            new String[]{"destination_name", "STRING"}, new String[]{"room_type", "STRING"},
            new String[]{"board_basis", "STRING"}, new String[]{"stars", "INTEGER"},
            new String[]{"valid_from", "DATE"}, new String[]{"valid_to", "DATE"},
            new String[]{"rate", "NUMERIC"}, new String[]{"rate_basis", "STRING"},
            new String[]{"max_adults", "INTEGER"}, new String[]{"max_children", "INTEGER"},
            new String[]{"max_occupancy", "INTEGER"}, new String[]{"child_free_under", "INTEGER"},
            new String[]{"child_max_age", "INTEGER"}, new String[]{"child_rate", "NUMERIC"},
            new String[]{"child_percent", "NUMERIC"}, new String[]{"currency", "STRING"},
            new String[]{"supplier", "STRING"});

    private static final List<String[]> FLIGHT_SCHEMA = List.of(
            new String[]{"id", "STRING"}, new String[]{"origin", "STRING"},
            new String[]{"destination", "STRING"}, new String[]{"depart_from", "DATE"},
            new String[]{"depart_to", "DATE"}, new String[]{"return_from", "DATE"},
            new String[]{"return_to", "DATE"}, new String[]{"cabin", "STRING"},
            new String[]{"fare_adult", "NUMERIC"}, new String[]{"fare_child", "NUMERIC"},
            new String[]{"fare_infant", "NUMERIC"}, new String[]{"currency", "STRING"},
            new String[]{"airline", "STRING"}, new String[]{"supplier", "STRING"});

    private final JsonMapper json = JsonMapper.builder().build();
    private WireMockServer wireMock;
    private BigQueryPricingSource source;

    @BeforeEach
    void start() {
        wireMock = new WireMockServer(wireMockConfig().dynamicPort());
        wireMock.start();
        source = source(true, Optional.of(new Tenant.Gcp("", "demo_travel_analytics")));
    }

    @AfterEach
    void stop() {
        wireMock.stop();
    }

    private BigQueryPricingSource source(boolean tenantDatasets, Optional<Tenant.Gcp> gcp) {
        BigQueryPricingProperties properties = new BigQueryPricingProperties(PROJECT, "pricing", tenantDatasets,
                wireMock.baseUrl(), null, Duration.ofSeconds(5), 1, true);
        BigQuery client = BigQueryPricingConfiguration.client(properties);
        return new BigQueryPricingSource(client, properties, id -> gcp, CircuitBreaker.ofDefaults("test"));
    }

    private static PricingSource.RateQuery capeTown() {
        return new PricingSource.RateQuery("cape town", LocalDate.of(2026, 11, 28), LocalDate.of(2026, 12, 2),
                BoardBasis.BB, 3);
    }

    @Test
    void readsRatesFromACompletedQueryAndSendsValuesAsNamedParameters() throws Exception {
        wireMock.stubFor(post(urlPathEqualTo(QUERIES)).willReturn(okJson(queryResponse(RATE_SCHEMA, true, List.of(
                row("r-1", "Table Bay View", "CPT-TBV", "cape town", "Cape Town", "Deluxe", "BB", "4",
                        "2026-11-01", "2026-11-30", "2400.5", "per_room", "2", "2", "3", "2", "11", "350", null,
                        "ZAR", "Cape Direct"),
                row("r-2", "Table Bay View", "CPT-TBV", "cape town", "Cape Town", "Deluxe", "BB", "4",
                        "2026-12-01", "2027-01-31", "3600", "per_person", null, null, null, null, null, null, "50",
                        "USD", null))))));

        List<HotelRate> rates = source.hotelRates(TENANT, capeTown());

        assertThat(rates).hasSize(2);
        HotelRate first = rates.getFirst();
        assertThat(first.id()).isEqualTo("r-1");
        assertThat(first.destination().name()).isEqualTo("Cape Town");
        assertThat(first.stars()).isEqualTo(4);
        assertThat(first.validTo()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(first.rate()).isEqualByComparingTo("2400.5");
        assertThat(first.rateBasis()).isEqualTo(RateBasis.PER_ROOM);
        assertThat(first.occupancy().maxOccupancy()).isEqualTo(3);
        assertThat(first.childPolicy().rate()).isEqualByComparingTo("350");
        assertThat(first.currency().getCurrencyCode()).isEqualTo("ZAR");
        HotelRate second = rates.get(1);
        assertThat(second.childPolicy().percent()).isEqualByComparingTo("50");
        assertThat(second.occupancy().maxAdults()).isNull();
        assertThat(second.supplier()).isNull();

        List<LoggedRequest> requests = wireMock.findAll(postRequestedFor(urlPathEqualTo(QUERIES)));
        assertThat(requests).hasSize(1);
        JsonNode body = json.readTree(requests.getFirst().getBodyAsString());
        String sql = body.get("query").asString();
        assertThat(sql).contains("destination = @destination", "valid_from <= @last_night",
                "valid_to >= @first_night", "@board_basis", "@min_stars", "tenant_id = @tenant_id")
                .contains("`" + PROJECT + ".pricing.hotel_rates`")
                .contains("`" + PROJECT + ".demo_travel_analytics.hotel_rates`")
                .doesNotContain("cape town", "2026-11-28", "demo-travel");
        assertThat(body.get("useLegacySql").asBoolean()).isFalse();
        assertThat(parameters(body)).contains("destination=STRING:cape town", "first_night=DATE:2026-11-28",
                "last_night=DATE:2026-12-02", "board_basis=STRING:BB", "min_stars=INT64:3",
                "tenant_id=STRING:demo-travel");
    }

    @Test
    void sharedDatasetOnlyWhenTenantDatasetsAreOffAndDerivedDatasetNameOtherwise() throws Exception {
        wireMock.stubFor(post(urlPathEqualTo(QUERIES)).willReturn(okJson(queryResponse(RATE_SCHEMA, true,
                List.of()))));

        assertThat(source(false, Optional.empty()).hotelRates(TENANT, capeTown())).isEmpty();
        assertThat(source(true, Optional.empty()).hotelRates(TenantId.of("acme-tours"), capeTown())).isEmpty();

        List<LoggedRequest> requests = wireMock.findAll(postRequestedFor(urlPathEqualTo(QUERIES)));
        assertThat(json.readTree(requests.get(0).getBodyAsString()).get("query").asString())
                .contains(".pricing.hotel_rates`").doesNotContain("UNION ALL");
        assertThat(json.readTree(requests.get(1).getBodyAsString()).get("query").asString())
                .contains("`" + PROJECT + ".acme_tours_analytics.hotel_rates`");
    }

    @Test
    void waitsForAQueryThatIsNotCompleteThroughGetQueryResultsAndReadsItsResultTable() {
        wireMock.stubFor(post(urlPathEqualTo(QUERIES)).willReturn(okJson("""
                {"kind": "bigquery#queryResponse",
                 "jobReference": {"projectId": "%s", "jobId": "job_slow", "location": "US"},
                 "jobComplete": false}""".formatted(PROJECT))));
        String flightRow = row("f-1", "JNB", "DXB", "2026-01-01", "2026-11-30", "2026-01-01", "2026-12-15",
                "economy", "780", "620", null, "USD", "Gulf Wings", "Air Desk");
        wireMock.stubFor(get(urlPathEqualTo(QUERIES + "/job_slow")).willReturn(okJson(
                queryResponse(FLIGHT_SCHEMA, true, List.of()).replace("bigquery#queryResponse",
                        "bigquery#getQueryResultsResponse").replace("\"totalRows\": \"0\"",
                                "\"totalRows\": \"1\""))));
        wireMock.stubFor(get(urlPathEqualTo("/bigquery/v2/projects/" + PROJECT + "/jobs/job_slow"))
                .willReturn(okJson(job("job_slow"))));
        wireMock.stubFor(get(urlPathEqualTo("/bigquery/v2/projects/" + PROJECT
                + "/datasets/_anon_results/tables/anon_job_slow/data")).willReturn(okJson("""
                        {"kind": "bigquery#tableDataList", "etag": "e1", "totalRows": "1", "rows": [%s]}"""
                        .formatted(flightRow))));

        List<FlightPrice> prices = source.flightPrices(TENANT, new PricingSource.FlightQuery("JNB", "DXB",
                LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 10), Cabin.ECONOMY));

        assertThat(prices).singleElement().satisfies(price -> {
            assertThat(price.id()).isEqualTo("f-1");
            assertThat(price.isReturn()).isTrue();
            assertThat(price.fareAdult()).isEqualByComparingTo("780");
            assertThat(price.fareInfant()).isNull();
            assertThat(price.cabin()).isEqualTo(Cabin.ECONOMY);
        });
        wireMock.verify(postRequestedFor(urlPathEqualTo(QUERIES))
                .withRequestBody(matchingJsonPath("$.query", com.github.tomakehurst.wiremock.client.WireMock
                        .containing("origin = @origin")))
                .withRequestBody(matchingJsonPath("$.queryParameters[?(@.name == 'return_date')]"
                        + ".parameterValue.value", equalTo("2026-05-10"))));
    }

    @Test
    void anErrorAnswerBecomesAPricingSourceProblem() {
        wireMock.stubFor(post(urlPathEqualTo(QUERIES)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"error": {"code": 404,
                          "message": "Not found: Table zorah-test-project:demo_travel_analytics.hotel_rates",
                          "errors": [{"message": "Not found: Table", "domain": "global", "reason": "notFound"}],
                          "status": "NOT_FOUND"}}""")));

        assertThatThrownBy(() -> source.hotelRates(TENANT, capeTown()))
                .isInstanceOfSatisfying(PricingSourceUnavailableException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(503);
                    assertThat(e.type()).isEqualTo("pricing-source-unavailable");
                    assertThat(e.detail()).doesNotContain("demo_travel_analytics", PROJECT);
                });
    }

    @Test
    void skipsRowsThatDoNotFitAndKeepsTheOthers() {
        wireMock.stubFor(post(urlPathEqualTo(QUERIES)).willReturn(okJson(queryResponse(RATE_SCHEMA, true, List.of(
                row("bad", "Hotel", null, "cape town", "Cape Town", "Room", "XX", null, "2026-11-01",
                        "2026-11-30", "10", "per_room", null, null, null, null, null, null, null, "ZAR", null),
                row("good", "Hotel", null, "cape town", null, "Room", "BB", null, "2026-11-01", "2026-11-30",
                        "10", "per_room", null, null, null, null, null, null, null, "ZAR", null))))));

        assertThat(source.hotelRates(TENANT, capeTown())).extracting(HotelRate::id).containsExactly("good");
    }

    @Test
    void rejectsAnInvalidProjectIdAtStartup() {
        BigQueryPricingProperties properties = new BigQueryPricingProperties("Bad Project!", "pricing", true,
                wireMock.baseUrl(), null, Duration.ofSeconds(5), 1, true);
        assertThatThrownBy(() -> new BigQueryPricingSource(BigQueryPricingConfiguration.client(properties),
                properties, id -> Optional.empty(), CircuitBreaker.ofDefaults("x")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("GCP_PROJECT_ID");
    }

    @Test
    void anInvalidTenantDatasetNameIsNeverQuotedIntoSql() {
        BigQueryPricingSource withBadDataset = source(true, Optional.of(new Tenant.Gcp(null,
                "x`; DROP TABLE y; --")));
        assertThatThrownBy(() -> withBadDataset.hotelRates(TENANT, capeTown()))
                .isInstanceOf(PricingSourceUnavailableException.class);
        assertThat(wireMock.getAllServeEvents()).isEmpty();
    }

    private List<String> parameters(JsonNode body) {
        List<String> result = new ArrayList<>();
        for (JsonNode parameter : body.get("queryParameters")) {
            JsonNode value = parameter.get("parameterValue");
            result.add(parameter.get("name").asString() + "=" + parameter.get("parameterType").get("type")
                    .asString() + ":"
                    + (value == null || value.get("value") == null
                            ? "null"
                            : value.get("value").asString()));
        }
        return result;
    }

    private static String queryResponse(List<String[]> schema, boolean complete, List<String> rows) {
        String fields = schema.stream().map(f -> "{\"name\": \"%s\", \"type\": \"%s\", \"mode\": \"NULLABLE\"}"
                .formatted(f[0], f[1])).collect(Collectors.joining(","));
        return """
                {"kind": "bigquery#queryResponse",
                 "schema": {"fields": [%s]},
                 "jobReference": {"projectId": "%s", "jobId": "job_1", "location": "US"},
                 "totalRows": "%d", "rows": [%s], "totalBytesProcessed": "0",
                 "jobComplete": %s, "cacheHit": false}""".formatted(fields, PROJECT, rows.size(),
                String.join(",", rows), complete);
    }

    private static String row(String... values) {
        return "{\"f\": [" + Arrays.stream(values).map(v -> v == null ? "{\"v\": null}" : "{\"v\": \"" + v + "\"}")
                .collect(Collectors.joining(",")) + "]}";
    }

    private static String job(String id) {
        return """
                {"kind": "bigquery#job", "id": "%1$s:US.%2$s",
                 "jobReference": {"projectId": "%1$s", "jobId": "%2$s", "location": "US"},
                 "configuration": {"query": {"query": "SELECT 1", "useLegacySql": false,
                   "destinationTable": {"projectId": "%1$s", "datasetId": "_anon_results",
                                        "tableId": "anon_%2$s"}}},
                 "status": {"state": "DONE"},
                 "statistics": {"creationTime": "1700000000000", "startTime": "1700000000100",
                   "endTime": "1700000000200", "query": {"statementType": "SELECT"}}}""".formatted(PROJECT, id);
    }
}
