package com.zorahai.booking.web;

import com.jayway.jsonpath.JsonPath;
import com.zorahai.TestTokens;
import com.zorahai.identity.Role;
import java.io.UnsupportedEncodingException;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Calls of the booking API as a member of a tenant, for tests.
 */
final class BookingApi {

    private final MockMvcTester mvc;
    private final TestTokens tokens;
    private final String tenant;

    BookingApi(MockMvcTester mvc, TestTokens tokens, String tenant) {
        this.mvc = mvc;
        this.tokens = tokens;
        this.tenant = tenant;
    }

    MvcTestResult get(Role role, String path) {
        return mvc.get().uri(path).header("Authorization", tokens.bearer(tenant, role)).exchange();
    }

    MvcTestResult post(Role role, String path, String json) {
        return mvc.post().uri(path).header("Authorization", tokens.bearer(tenant, role))
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    MvcTestResult put(Role role, String path, String json) {
        return mvc.put().uri(path).header("Authorization", tokens.bearer(tenant, role))
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    MvcTestResult patch(Role role, String path, String json) {
        return mvc.patch().uri(path).header("Authorization", tokens.bearer(tenant, role))
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    MvcTestResult delete(Role role, String path) {
        return mvc.delete().uri(path).header("Authorization", tokens.bearer(tenant, role)).exchange();
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
}
