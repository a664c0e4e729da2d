package com.zorahai.platform.storage;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

class SupabaseObjectStorageTests {

    private static final String KEY = "service-role-key";
    private static final String OBJECT = "/storage/v1/object/tenant-assets/acme/logo-1.png";

    private final WireMockServer supabase = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private SupabaseObjectStorage storage;

    @BeforeEach
    void start() {
        supabase.start();
        storage = new SupabaseObjectStorage(RestClient.builder(), new StorageProperties.Supabase(supabase.baseUrl()
                + "/", KEY, Duration.ofSeconds(15), 3, Duration.ofMillis(10)));
    }

    @AfterEach
    void stop() {
        supabase.stop();
    }

    @Test
    void uploadsWithServiceKeyAndUpsert() {
        supabase.stubFor(post(OBJECT).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(
                        "{\"Id\":\"5d2b0b1e-9c1d-4c5e-a7f0-2f1c1c1c1c1c\",\"Key\":\"tenant-assets/acme/logo-1.png\"}")));
        storage.put("tenant-assets", "acme/logo-1.png", new byte[]{1, 2, 3}, "image/png");
        supabase.verify(postRequestedFor(urlEqualTo(OBJECT))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withHeader("apikey", equalTo(KEY))
                .withHeader("x-upsert", equalTo("true"))
                .withHeader("Content-Type", equalTo("image/png"))
                .withRequestBody(binaryEqualTo(new byte[]{1, 2, 3})));
    }

    @Test
    void createsAMissingBucketThenUploads() {
        supabase.stubFor(post(OBJECT).inScenario("bucket").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"statusCode\":\"404\",\"error\":\"Bucket not found\","
                                + "\"message\":\"Bucket not found\"}")));
        supabase.stubFor(post("/storage/v1/bucket").inScenario("bucket").willSetStateTo("created")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"name\":\"tenant-assets\"}")));
        supabase.stubFor(post(OBJECT).inScenario("bucket").whenScenarioStateIs("created")
                .willReturn(aResponse().withStatus(200).withBody("{\"Key\":\"tenant-assets/acme/logo-1.png\"}")));
        storage.put("tenant-assets", "acme/logo-1.png", new byte[]{9}, "image/png");
        supabase.verify(postRequestedFor(urlEqualTo("/storage/v1/bucket")).withRequestBody(equalToJson(
                "{\"id\":\"tenant-assets\",\"name\":\"tenant-assets\",\"public\":false}")));
        supabase.verify(2, postRequestedFor(urlEqualTo(OBJECT)));
    }

    @Test
    void downloadsWithTheStoredContentType() {
        supabase.stubFor(get(OBJECT).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "image/png")
                .withBody(new byte[]{7, 8})));
        assertThat(storage.get("tenant-assets", "acme/logo-1.png")).hasValueSatisfying(object -> {
            assertThat(object.content()).containsExactly(7, 8);
            assertThat(object.contentType()).isEqualTo("image/png");
        });
        supabase.verify(getRequestedFor(urlEqualTo(OBJECT)).withHeader("apikey", equalTo(KEY)));
    }

    @Test
    void missingObjectsAreEmptyInBothErrorShapes() {
        supabase.stubFor(get(OBJECT).willReturn(aResponse().withStatus(400).withHeader("Content-Type",
                "application/json").withBody(
                        "{\"statusCode\":\"404\",\"error\":\"not_found\","
                                + "\"message\":\"Object not found\"}")));
        supabase.stubFor(get("/storage/v1/object/tenant-assets/other").willReturn(aResponse().withStatus(404)
                .withBody("{\"statusCode\":\"404\",\"error\":\"not_found\",\"message\":\"Object not found\"}")));
        assertThat(storage.get("tenant-assets", "acme/logo-1.png")).isEmpty();
        assertThat(storage.get("tenant-assets", "other")).isEmpty();
    }

    @Test
    void deletesAndReportsMissingObjects() {
        supabase.stubFor(delete(OBJECT).willReturn(aResponse().withStatus(200).withBody(
                "{\"message\":\"Successfully deleted\"}")));
        supabase.stubFor(delete("/storage/v1/object/tenant-assets/gone").willReturn(aResponse().withStatus(400)
                .withBody("{\"statusCode\":\"404\",\"error\":\"not_found\",\"message\":\"Object not found\"}")));
        assertThat(storage.delete("tenant-assets", "acme/logo-1.png")).isTrue();
        assertThat(storage.delete("tenant-assets", "gone")).isFalse();
        supabase.verify(deleteRequestedFor(urlEqualTo(OBJECT)).withHeader("Authorization", equalTo("Bearer "
                + KEY)));
    }

    @Test
    void retriesServerErrorsThenReportsStorageUnavailable() {
        supabase.stubFor(get(OBJECT).willReturn(aResponse().withStatus(503).withBody("upstream down")));
        assertThatThrownBy(() -> storage.get("tenant-assets", "acme/logo-1.png"))
                .isInstanceOf(StorageUnavailableException.class)
                .hasMessageNotContaining(KEY);
        supabase.verify(3, getRequestedFor(urlEqualTo(OBJECT)));
    }

    @Test
    void doesNotRetryRefusals() {
        supabase.stubFor(post(OBJECT).willReturn(aResponse().withStatus(403).withBody(
                "{\"statusCode\":\"403\",\"error\":\"Unauthorized\",\"message\":\"new row violates row-level "
                        + "security policy\"}")));
        assertThatThrownBy(() -> storage.put("tenant-assets", "acme/logo-1.png", new byte[]{1}, "image/png"))
                .isInstanceOf(StorageUnavailableException.class);
        supabase.verify(1, postRequestedFor(urlEqualTo(OBJECT)));
    }

    @Test
    void recoversFromATransientError() {
        supabase.stubFor(get(OBJECT).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("ok").willReturn(aResponse().withStatus(502)));
        supabase.stubFor(get(OBJECT).inScenario("flaky").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "image/svg+xml")
                        .withBody("<svg/>")));
        assertThat(storage.get("tenant-assets", "acme/logo-1.png")).isPresent();
    }

    @Test
    void checksKeysBeforeCalling() {
        assertThatIllegalArgumentException().isThrownBy(() -> storage.get("tenant-assets", "../x"));
        assertThat(storage.description()).contains(supabase.baseUrl()).doesNotContain(KEY);
        assertThat(supabase.getAllServeEvents()).isEmpty();
    }
}
