package com.zorahai.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.zorahai.TestTokens;
import com.zorahai.identity.Role;
import java.io.UnsupportedEncodingException;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Calls of the tickets API as a user of a tenant, for tests.
 */
public final class TicketsApi {

    public static final String TICKETS = "/api/v1/tickets";

    private final MockMvcTester mvc;
    private final TestTokens tokens;

    public TicketsApi(MockMvcTester mvc, TestTokens tokens) {
        this.mvc = mvc;
        this.tokens = tokens;
    }

    /** A tenant id no other test uses. */
    public static String newTenant() {
        return "tickets-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public MvcTestResult get(String tenant, Role role, String path) {
        return mvc.get().uri(path).header("Authorization", tokens.bearer(tenant, role)).exchange();
    }

    public MvcTestResult post(String tenant, Role role, String path, String json) {
        return mvc.post().uri(path).header("Authorization", tokens.bearer(tenant, role))
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    public MvcTestResult post(String tenant, Role role, String path) {
        return mvc.post().uri(path).header("Authorization", tokens.bearer(tenant, role)).exchange();
    }

    public MvcTestResult put(String tenant, Role role, String path, String json) {
        return mvc.put().uri(path).header("Authorization", tokens.bearer(tenant, role))
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    public MvcTestResult patch(String tenant, Role role, String path, String json) {
        return mvc.patch().uri(path).header("Authorization", tokens.bearer(tenant, role))
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    public MvcTestResult delete(String tenant, Role role, String path) {
        return mvc.delete().uri(path).header("Authorization", tokens.bearer(tenant, role)).exchange();
    }

    /** Creates a ticket as an agent and gives its id. */
    public String create(String tenant, String json) {
        MvcTestResult result = post(tenant, Role.AGENT, TICKETS, json);
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return read(result, "$.id");
    }

    /** Sets the ticket's status as an agent, expecting success. */
    public void status(String tenant, String id, String status) {
        assertThat(patch(tenant, Role.AGENT, TICKETS + "/" + id, "{\"status\": \"" + status + "\"}")).hasStatusOk()
                .bodyJson().extractingPath("$.status").isEqualTo(status);
    }

    public static <T> T read(MvcTestResult result, String path) {
        return JsonPath.read(body(result), path);
    }

    public static String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString();
        } catch (UnsupportedEncodingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
