package com.zorahai.crm.web;

import static com.zorahai.crm.web.ClientsApi.CLIENTS;
import static com.zorahai.crm.web.ClientsApi.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.IntegrationTest;
import com.zorahai.TestTokens;
import com.zorahai.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Tenant B never sees or changes a client of tenant A: every endpoint with a client id answers 404.
 */
@IntegrationTest
class ClientTenantIsolationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    @Test
    void anotherTenantGets404OnEveryClientEndpointAndChangesNothing() {
        ClientsApi api = new ClientsApi(mvc, tokens);
        String a = ClientsApi.newTenant();
        String b = ClientsApi.newTenant();
        String client = api.create(a, """
                {"name": "Tenant A Client", "emails": ["shared@example.com"], "phones": ["+14152345678"]}""");
        api.post(a, Role.AGENT, CLIENTS + "/" + client + "/activities", "{\"summary\": \"A's note\"}");
        String before = body(api.get(a, Role.OWNER, CLIENTS + "/" + client));
        String timelineBefore = body(api.get(a, Role.OWNER, CLIENTS + "/" + client + "/activities"));
        String other = api.create(b, "{\"name\": \"Tenant B Client\"}");
        String path = CLIENTS + "/" + client;

        notFound(api.get(b, Role.OWNER, path));
        notFound(api.patch(b, Role.OWNER, path, "{\"name\": \"Stolen\"}"));
        notFound(api.delete(b, Role.OWNER, path));
        notFound(api.post(b, Role.OWNER, path + "/merge", "{\"source_id\": \"" + other + "\"}"));
        notFound(api.post(b, Role.OWNER, CLIENTS + "/" + other + "/merge", "{\"source_id\": \"" + client + "\"}"));
        notFound(api.get(b, Role.OWNER, path + "/export"));
        notFound(api.post(b, Role.OWNER, path + "/erase"));
        notFound(api.get(b, Role.OWNER, path + "/activities"));
        notFound(api.post(b, Role.OWNER, path + "/activities", "{\"summary\": \"B's note\"}"));

        assertThat(api.get(b, Role.OWNER, CLIENTS + "?email=shared@example.com")).bodyJson()
                .extractingPath("$.total").isEqualTo(0);
        assertThat(api.get(b, Role.OWNER, CLIENTS + "?q=Tenant A")).bodyJson().extractingPath("$.total")
                .isEqualTo(0);
        // the same email is a different client in tenant B
        assertThat(api.post(b, Role.OWNER, CLIENTS + ":upsert", "{\"emails\": [\"shared@example.com\"]}"))
                .hasStatus(HttpStatus.CREATED);

        assertThat(body(api.get(a, Role.OWNER, path))).isEqualTo(before);
        assertThat(body(api.get(a, Role.OWNER, path + "/activities"))).isEqualTo(timelineBefore);
        assertThat(api.get(a, Role.OWNER, CLIENTS + "?email=shared@example.com")).bodyJson()
                .extractingPath("$.items[0].id").isEqualTo(client);
        assertThat(api.read(b, other).<String>at("$.status")).isEqualTo("active");
    }

    private static void notFound(MvcTestResult result) {
        assertThat(result).hasStatus(HttpStatus.NOT_FOUND).bodyJson().extractingPath("$.type")
                .isEqualTo("https://zorahai.com/problems/client-not-found");
    }
}
