package com.zorahai.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.info.BuildProperties;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
class HealthEndpointsTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    HealthEndpointGroups groups;

    @Autowired
    BuildProperties build;

    @Test
    void healthReportsStatusAndVersion() {
        MvcTestResult result = mvc.get().uri("/health").exchange();
        assertThat(result).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("UP");
        assertThat(result).bodyJson().extractingPath("$.version").isEqualTo(build.getVersion());
        assertThat(build.getVersion()).isNotBlank();
    }

    @Test
    void healthHidesTheDetailsOfItsChecks() {
        assertThat(mvc.get().uri("/health")).bodyJson().doesNotHavePath("$.components");
        assertThat(mvc.get().uri("/health/ready")).bodyJson().doesNotHavePath("$.components").doesNotHavePath(
                "$.details");
    }

    @Test
    void livenessIsUpAndHasNoVersion() {
        MvcTestResult result = mvc.get().uri("/health/live").exchange();
        assertThat(result).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("UP");
        assertThat(result).bodyJson().doesNotHavePath("$.version");
    }

    @Test
    void readinessIsUpAndChecksTheDatabase() {
        assertThat(mvc.get().uri("/health/ready")).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo(
                "UP");
        assertThat(groups.get("ready").isMember("db")).isTrue();
        assertThat(groups.get("ready").isMember("readinessState")).isTrue();
        assertThat(groups.get("live").isMember("db")).isFalse();
    }

    @Test
    void unknownHealthGroupIsA404() {
        assertThat(mvc.get().uri("/health/nope")).hasStatus(404);
    }
}
