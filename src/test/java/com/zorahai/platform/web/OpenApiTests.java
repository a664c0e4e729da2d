package com.zorahai.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
class OpenApiTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void apiDocsArePublicAndDescribeBearerAuth() {
        MvcTestResult result = mvc.get().uri("/v3/api-docs").exchange();
        assertThat(result).hasStatusOk();
        var json = assertThat(result).bodyJson();
        json.extractingPath("$.openapi").asString().startsWith("3.1");
        json.extractingPath("$.info.title").isEqualTo("Zorah platform API");
        json.extractingPath("$.info.version").asString().isNotBlank();
        json.extractingPath("$.components.securitySchemes.bearerAuth.type").isEqualTo("http");
        json.extractingPath("$.components.securitySchemes.bearerAuth.scheme").isEqualTo("bearer");
        json.extractingPath("$.security[0].bearerAuth").asArray().isEmpty();
        json.extractingPath("$.servers[0].url").asString().startsWith("http");
        json.extractingPath("$.paths['/api/v1/test-problems'].post").isNotNull();
    }

    @Test
    void swaggerUiIsPublic() {
        MvcTestResult redirect = mvc.get().uri("/swagger-ui.html").exchange();
        assertThat(redirect).hasStatus(HttpStatus.FOUND);
        assertThat(redirect.getResponse().getHeader("Location")).contains("/swagger-ui/index.html");
        assertThat(mvc.get().uri("/swagger-ui/index.html")).hasStatusOk();
        assertThat(mvc.get().uri("/v3/api-docs/swagger-config")).hasStatusOk();
    }
}
