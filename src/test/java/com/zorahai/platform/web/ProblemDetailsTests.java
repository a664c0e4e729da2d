package com.zorahai.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.IntegrationTest;
import com.zorahai.TestTokens;
import com.zorahai.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
class ProblemDetailsTests {

    private static final String PATH = "/api/v1/test-problems";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    @Test
    void validBodyPasses() {
        assertThat(post("{\"name\":\"Ada\",\"seats\":2,\"email\":\"ada@example.com\"}")).hasStatusOk()
                .bodyJson()
                .extractingPath("$.seats")
                .isEqualTo(2);
    }

    @Test
    void malformedJsonIsA400MalformedRequest() {
        MvcTestResult result = post("{\"name\": \"Ada\", ");
        assertProblem(result, HttpStatus.BAD_REQUEST, "malformed-request");
        assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("The request body is not valid JSON.");
    }

    @Test
    void missingBodyIsA400MalformedRequest() {
        assertProblem(mvc.post().uri(PATH).header("Authorization", bearer()).contentType(
                MediaType.APPLICATION_JSON).exchange(), HttpStatus.BAD_REQUEST, "malformed-request");
    }

    @Test
    void unknownFieldIsA400NamingTheField() {
        MvcTestResult result = post("{\"name\":\"Ada\",\"seats\":2,\"nickname\":\"A\"}");
        assertProblem(result, HttpStatus.BAD_REQUEST, "validation-failed");
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("nickname");
        assertThat(result).bodyJson().extractingPath("$.errors[0].reason").isEqualTo("is not a known field");
    }

    @Test
    void invalidFieldsAreEachListedWithTheirReason() {
        MvcTestResult result = post("{\"name\":\" \",\"seats\":11,\"email\":\"not-an-email\"}");
        assertProblem(result, HttpStatus.BAD_REQUEST, "validation-failed");
        assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactlyInAnyOrder("name",
                "seats", "email");
        assertThat(result).bodyJson().extractingPath("$.errors[?(@.field == 'seats')].reason").asArray()
                .containsExactly("must be less than or equal to 10");
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("seats: ");
    }

    @Test
    void invalidFieldsAreNamedAsTheJsonSpellsThem() {
        MvcTestResult result = post("{\"name\":\"Ada\",\"seats\":2,\"room_type\":\"presidential\"}");
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("room_type");
    }

    @Test
    void wrongTypeIsA400NamingTheField() {
        MvcTestResult result = post("{\"name\":\"Ada\",\"seats\":\"many\"}");
        assertProblem(result, HttpStatus.BAD_REQUEST, "validation-failed");
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("seats");
    }

    @Test
    void wrongTypeInsideAListNamesTheElement() {
        MvcTestResult result = post("{\"name\":\"Ada\",\"seats\":1,\"tags\":[\"a\",{\"b\":1}]}");
        assertProblem(result, HttpStatus.BAD_REQUEST, "validation-failed");
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("tags[1]");
    }

    @Test
    void wrongPathVariableTypeIsA400NamingIt() {
        MvcTestResult result = mvc.get().uri(PATH + "/abc").header("Authorization", bearer()).exchange();
        assertProblem(result, HttpStatus.BAD_REQUEST, "validation-failed");
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("number");
    }

    @Test
    void invalidRequestParameterIsA400NamingIt() {
        MvcTestResult result = mvc.get().uri(PATH + "/seats?count=0").header("Authorization", bearer()).exchange();
        assertProblem(result, HttpStatus.BAD_REQUEST, "validation-failed");
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("count");
        assertThat(result).bodyJson().extractingPath("$.errors[0].reason").isEqualTo(
                "must be greater than or equal to 1");
    }

    @Test
    void missingRequestParameterIsA400NamingIt() {
        MvcTestResult result = mvc.get().uri(PATH + "/seats").header("Authorization", bearer()).exchange();
        assertProblem(result, HttpStatus.BAD_REQUEST, "validation-failed");
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("count");
        assertThat(result).bodyJson().extractingPath("$.errors[0].reason").isEqualTo("is required");
    }

    @Test
    void missingRequestHeaderIsA400NamingIt() {
        MvcTestResult result = mvc.post().uri(PATH + "/idempotent").header("Authorization", bearer()).exchange();
        assertProblem(result, HttpStatus.BAD_REQUEST, "validation-failed");
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("Idempotency-Key");
    }

    @Test
    void constraintViolationsAreListedByField() {
        MvcTestResult result = mvc.post().uri(PATH + "/checked").header("Authorization", bearer()).contentType(
                MediaType.APPLICATION_JSON).content("{\"name\":\"\",\"seats\":0}").exchange();
        assertProblem(result, HttpStatus.BAD_REQUEST, "validation-failed");
        assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactlyInAnyOrder("name",
                "seats");
    }

    @Test
    void problemExceptionsKeepTheirTypeAndProperties() {
        MvcTestResult invalid = mvc.post().uri(PATH + "/checked").header("Authorization", bearer()).contentType(
                MediaType.APPLICATION_JSON).content("{\"name\":\"Nobody\",\"seats\":1}").exchange();
        assertProblem(invalid, HttpStatus.BAD_REQUEST, "validation-failed");
        assertThat(invalid).bodyJson().extractingPath("$.errors[0].field").isEqualTo("name");

        MvcTestResult missing = mvc.get().uri(PATH + "/bookings/b-404").header("Authorization", bearer()).exchange();
        assertProblem(missing, HttpStatus.NOT_FOUND, "booking-not-found");
        assertThat(missing).bodyJson().extractingPath("$.title").isEqualTo("Booking not found");
    }

    @Test
    void forbiddenIsA403Problem() {
        assertProblem(mvc.get().uri(PATH + "/owners-only").header("Authorization", bearer()).exchange(),
                HttpStatus.FORBIDDEN, "forbidden");
        assertThat(mvc.get().uri(PATH + "/owners-only").header("Authorization", tokens.bearer("problems-tenant",
                Role.OWNER))).hasStatusOk();
    }

    @Test
    void unsupportedMediaTypeIsA415() {
        assertProblem(mvc.post().uri(PATH).header("Authorization", bearer()).contentType(MediaType.TEXT_PLAIN)
                .content("name=Ada").exchange(), HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type");
    }

    @Test
    void methodNotAllowedIsA405() {
        assertProblem(mvc.delete().uri(PATH).header("Authorization", bearer()).exchange(),
                HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed");
    }

    @Test
    void unknownPathIsA404Problem() {
        assertProblem(mvc.get().uri("/api/v1/test-problems-nowhere/1").header("Authorization", bearer()).exchange(),
                HttpStatus.NOT_FOUND, "not-found");
    }

    @Test
    void unexpectedFailureIsA500WithoutInternals() {
        MvcTestResult result = mvc.get().uri(PATH + "/failure").header("Authorization", bearer()).exchange();
        assertProblem(result, HttpStatus.INTERNAL_SERVER_ERROR, "internal-error");
        assertThat(result).body().asString().doesNotContain("hunter2", "db-internal", "IllegalStateException",
                "at com.zorahai", "trace");
    }

    @Test
    void unauthenticatedIsA401ProblemWithRequestId() {
        assertProblem(mvc.get().uri(PATH + "/1").exchange(), HttpStatus.UNAUTHORIZED, "unauthorized");
    }

    @Test
    void problemCarriesTheRequestIdOfTheResponse() {
        MvcTestResult result = mvc.post().uri(PATH).header("Authorization", bearer()).header("X-Request-ID",
                "trace-me-123").contentType(MediaType.APPLICATION_JSON).content("{").exchange();
        assertThat(result).hasHeader("X-Request-ID", "trace-me-123");
        assertThat(result).bodyJson().extractingPath("$.request_id").isEqualTo("trace-me-123");
    }

    private MvcTestResult post(String json) {
        return mvc.post().uri(PATH).header("Authorization", bearer()).contentType(MediaType.APPLICATION_JSON)
                .content(json).exchange();
    }

    private String bearer() {
        return tokens.bearer("problems-tenant", Role.AGENT);
    }

    static void assertProblem(MvcTestResult result, HttpStatus status, String type) {
        assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        var json = assertThat(result).bodyJson();
        json.extractingPath("$.type").isEqualTo("https://zorahai.com/problems/" + type);
        json.extractingPath("$.status").isEqualTo(status.value());
        json.extractingPath("$.title").asString().isNotBlank();
        json.extractingPath("$.detail").asString().isNotBlank();
        String requestId = result.getResponse().getHeader("X-Request-ID");
        assertThat(requestId).isNotBlank();
        json.extractingPath("$.request_id").isEqualTo(requestId);
    }
}
