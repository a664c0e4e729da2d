package com.zorahai.crm.web;

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
 * Calls of the clients API as a user of a tenant, for tests.
 */
final class ClientsApi {

    static final String CLIENTS = "/api/v1/clients";

    private final MockMvcTester mvc;
    private final TestTokens tokens;

    ClientsApi(MockMvcTester mvc, TestTokens tokens) {
        this.mvc = mvc;
        this.tokens = tokens;
    }

    /** A tenant id no other test uses. */
    static String newTenant() {
        return "crm-" + UUID.randomUUID().toString().substring(0, 8);
    }

    MvcTestResult get(String tenant, Role role, String path) {
        return mvc.get().uri(path).header("Authorization", tokens.bearer(tenant, role)).exchange();
    }

    MvcTestResult post(String tenant, Role role, String path, String json) {
        return mvc.post().uri(path).header("Authorization", tokens.bearer(tenant, role))
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    MvcTestResult post(String tenant, Role role, String path) {
        return mvc.post().uri(path).header("Authorization", tokens.bearer(tenant, role)).exchange();
    }

    MvcTestResult patch(String tenant, Role role, String path, String json) {
        return mvc.patch().uri(path).header("Authorization", tokens.bearer(tenant, role))
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    MvcTestResult delete(String tenant, Role role, String path) {
        return mvc.delete().uri(path).header("Authorization", tokens.bearer(tenant, role)).exchange();
    }

    /** Creates a client as a consultant and gives its id. */
    String create(String tenant, String json) {
        MvcTestResult result = post(tenant, Role.CONSULTANT, CLIENTS, json);
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return read(result, "$.id");
    }

    ClientRead read(String tenant, String id) {
        MvcTestResult result = get(tenant, Role.AGENT, CLIENTS + "/" + id);
        assertThat(result).hasStatusOk();
        return new ClientRead(body(result));
    }

    static <T> T read(MvcTestResult result, String path) {
        return JsonPath.read(body(result), path);
    }

    static String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString();
        } catch (UnsupportedEncodingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The JSON of a client. */
    record ClientRead(String json) {

        <T> T at(String path) {
            return JsonPath.read(json, path);
        }
    }
}
