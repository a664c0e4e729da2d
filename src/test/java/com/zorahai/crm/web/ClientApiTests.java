package com.zorahai.crm.web;

import static com.zorahai.crm.web.ClientsApi.CLIENTS;
import static com.zorahai.crm.web.ClientsApi.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.IntegrationTest;
import com.zorahai.TestTokens;
import com.zorahai.identity.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
class ClientApiTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    ClientsApi api;
    String tenant;

    @BeforeEach
    void setUp() {
        api = new ClientsApi(mvc, tokens);
        tenant = ClientsApi.newTenant();
    }

    @Test
    void createsAClientWithNormalisedContactData() {
        MvcTestResult created = api.post(tenant, Role.AGENT, CLIENTS,
                """
                        {"name": "  Ana   Lima ", "emails": ["Ana.Lima@Example.COM", "ana.lima@example.com", "ana@work.example"],
                         "phones": ["(415) 234-5678", "whatsapp:+27 82 123 4567"], "tags": ["VIP", "vip", " Family "],
                         "address": {"line1": "1 Main St", "city": "Cape Town", "postal_code": "8001", "country": "za"},
                         "notes": "Prefers morning calls", "source": "web",
                         "consent": {"marketing_email": true, "marketing_whatsapp": false},
                         "assigned_consultant": "5b1c9a1e-0d4f-4a55-9a55-0a4b2b7f6c11"}""");
        assertThat(created).hasStatus(HttpStatus.CREATED);
        String id = read(created, "$.id");
        assertThat(created.getResponse().getHeader("Location")).endsWith(CLIENTS + "/" + id);

        ClientsApi.ClientRead client = api.read(tenant, id);
        assertThat(client.<String>at("$.name")).isEqualTo("Ana Lima");
        assertThat(client.<String>at("$.status")).isEqualTo("active");
        assertThat(client.<List<String>>at("$.emails")).containsExactly("ana.lima@example.com", "ana@work.example");
        assertThat(client.<List<String>>at("$.phones")).containsExactly("+14152345678", "+27821234567");
        assertThat(client.<List<String>>at("$.tags")).containsExactly("vip", "family");
        assertThat(client.<Map<String, Object>>at("$.address")).containsEntry("line1", "1 Main St")
                .containsEntry("postal_code", "8001")
                .containsEntry("country", "ZA");
        assertThat(client.<String>at("$.source")).isEqualTo("web");
        assertThat(client.<Boolean>at("$.consent.marketing_email.granted")).isTrue();
        assertThat(client.<String>at("$.consent.marketing_email.updated_at")).isNotNull();
        assertThat(client.<Boolean>at("$.consent.marketing_whatsapp.granted")).isFalse();
        assertThat(client.<String>at("$.consent.marketing_whatsapp.updated_at")).isNotNull();
        assertThat(client.<String>at("$.consent.marketing_sms.updated_at")).isNull();
        assertThat(client.<String>at("$.assigned_consultant")).isEqualTo("5b1c9a1e-0d4f-4a55-9a55-0a4b2b7f6c11");
        assertThat(client.<String>at("$.created_at")).isNotNull();
    }

    @Test
    void nationalNumbersAreReadInTheTenantsRegion() {
        // demo-travel's locale is en-ZA
        String id = api.create("demo-travel", """
                {"name": "Region Test", "phones": ["082 555 0199"]}""");
        assertThat(api.read("demo-travel", id).<List<String>>at("$.phones")).containsExactly("+27825550199");
        assertThat(api.read("demo-travel", id).<String>at("$.source")).isEqualTo("manual");
    }

    @Test
    void invalidFieldsAnswer400NamingEachField() {
        assertThat(api.post(tenant, Role.AGENT, CLIENTS, """
                {"name": "X", "emails": ["ok@example.com", "not-an-email"]}""")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.type").isEqualTo(
                            "https://zorahai.com/problems/validation-failed");
                    assertThat(json).extractingPath("$.errors[0].field").isEqualTo("emails[1]");
                });
        assertThat(api.post(tenant, Role.AGENT, CLIENTS, """
                {"name": "X", "phones": ["12345"]}""")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("phones[0]");
        assertThat(api.post(tenant, Role.AGENT, CLIENTS, """
                {"name": "X", "nickname": "x"}""")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.errors[0].field").isEqualTo("nickname");
                    assertThat(json).extractingPath("$.errors[0].reason").isEqualTo("is not a known field");
                });
        assertThat(api.post(tenant, Role.AGENT, CLIENTS, """
                {"name": " ", "source": "fax", "address": {"country": "Narnia"}, "tags": [""]}"""))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactlyInAnyOrder("name", "source", "address.country", "tags[0]");
        assertThat(api.post(tenant, Role.AGENT, CLIENTS, """
                {"name": "X", "assigned_consultant": "bob"}""")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("assigned_consultant");
        assertThat(api.post(tenant, Role.AGENT, CLIENTS, "{nope")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(api.get(tenant, Role.AGENT, CLIENTS + "/not-a-uuid")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("id");
        assertThat(api.get(tenant, Role.AGENT, CLIENTS + "?phone=abc")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void anEmailOrPhoneBelongsToOneClient() {
        String first = api.create(tenant, """
                {"name": "First", "emails": ["same@example.com"], "phones": ["+14152345678"]}""");
        assertThat(api.post(tenant, Role.AGENT, CLIENTS, """
                {"name": "Second", "emails": ["other@example.com", "SAME@example.com"]}"""))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.type").isEqualTo("https://zorahai.com/problems/contact-in-use");
                    assertThat(json).extractingPath("$.errors[0].field").isEqualTo("emails[1]");
                    assertThat(json).extractingPath("$.errors[0].client_id").isEqualTo(first);
                });
        String second = api.create(tenant, """
                {"name": "Second", "emails": ["second@example.com"]}""");
        assertThat(api.patch(tenant, Role.AGENT, CLIENTS + "/" + second, """
                {"phones": ["415 234 5678"]}""")).hasStatus(HttpStatus.CONFLICT)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("phones[0]");
        assertThat(api.read(tenant, second).<List<String>>at("$.phones")).isEmpty();
    }

    @Test
    void patchChangesOnlyTheFieldsItNames() {
        String id = api.create(tenant, """
                {"name": "Patch Me", "emails": ["old@example.com"], "phones": ["+14152345678"], "notes": "n",
                 "tags": ["a"], "address": {"city": "Durban"}}""");
        MvcTestResult patched = api.patch(tenant, Role.AGENT, CLIENTS + "/" + id, """
                {"name": "Patched", "emails": ["new@example.com"], "notes": null, "address": null,
                 "consent": {"marketing_sms": true}}""");
        assertThat(patched).hasStatusOk();
        ClientsApi.ClientRead client = api.read(tenant, id);
        assertThat(client.<String>at("$.name")).isEqualTo("Patched");
        assertThat(client.<List<String>>at("$.emails")).containsExactly("new@example.com");
        assertThat(client.<List<String>>at("$.phones")).containsExactly("+14152345678");
        assertThat(client.<List<String>>at("$.tags")).containsExactly("a");
        assertThat(client.<Object>at("$.notes")).isNull();
        assertThat(client.<Object>at("$.address")).isNull();
        assertThat(client.<Boolean>at("$.consent.marketing_sms.granted")).isTrue();

        // the old email is free again, the new one is taken
        api.create(tenant, """
                {"name": "Takes old", "emails": ["old@example.com"]}""");
        assertThat(api.post(tenant, Role.AGENT, CLIENTS, """
                {"name": "Takes new", "emails": ["new@example.com"]}""")).hasStatus(HttpStatus.CONFLICT);

        assertThat(api.patch(tenant, Role.AGENT, CLIENTS + "/" + id, "{\"name\": null}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("name");
        assertThat(api.patch(tenant, Role.AGENT, CLIENTS + "/" + id, "{\"colour\": \"red\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("colour");
        assertThat(api.patch(tenant, Role.AGENT, CLIENTS + "/" + id, "{\"address\": {\"postal_code\": 5}}"))
                .hasStatusOk();
        assertThat(api.patch(tenant, Role.AGENT, CLIENTS + "/" + id, "{\"tags\": \"x\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("tags");
        assertThat(api.patch(tenant, Role.AGENT, CLIENTS + "/" + id, "[]")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(api.patch(tenant, Role.AGENT, CLIENTS + "/" + java.util.UUID.randomUUID(), "{}"))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void onlyOwnersAndAdminsDelete() {
        String id = api.create(tenant, """
                {"name": "Delete Me", "emails": ["gone@example.com"]}""");
        assertThat(api.delete(tenant, Role.AGENT, CLIENTS + "/" + id)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(api.delete(tenant, Role.CONSULTANT, CLIENTS + "/" + id)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(api.delete(tenant, Role.ADMIN, CLIENTS + "/" + id)).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(api.get(tenant, Role.ADMIN, CLIENTS + "/" + id)).hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson().extractingPath("$.type").isEqualTo("https://zorahai.com/problems/client-not-found");
        assertThat(api.delete(tenant, Role.OWNER, CLIENTS + "/" + id)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(api.get(tenant, Role.AGENT, CLIENTS + "?email=gone@example.com")).bodyJson()
                .extractingPath("$.total").isEqualTo(0);
        // its email is free for a new client
        api.create(tenant, """
                {"name": "New owner", "emails": ["gone@example.com"]}""");
    }

    @Test
    void searchesByNameEmailPhoneAndTagWithPagesAndSorting() {
        String alpha = api.create(tenant, """
                {"name": "Alpha Smith", "emails": ["alpha@one.example"], "tags": ["gold"]}""");
        String beta = api.create(tenant, """
                {"name": "beta Jones", "emails": ["beta@two.example"], "phones": ["+1 415 234 5678"]}""");
        String gamma = api.create(tenant, """
                {"name": "Gamma Smith", "emails": ["gamma@two.example"], "tags": ["gold", "new"]}""");
        api.create(ClientsApi.newTenant(), """
                {"name": "Alpha Smith", "emails": ["alpha@one.example"]}""");

        assertThat(ids(search("?q=smith"))).containsExactly(alpha, gamma);
        assertThat(ids(search("?q=two.example&sort=name,desc"))).containsExactly(gamma, beta);
        assertThat(ids(search("?q=234-56"))).containsExactly(beta);
        assertThat(ids(search("?email=BETA@two.example"))).containsExactly(beta);
        assertThat(ids(search("?phone=(415) 234-5678"))).containsExactly(beta);
        assertThat(ids(search("?tag=Gold&sort=created_at,desc"))).containsExactly(gamma, alpha);
        assertThat(ids(search("?q=50%25"))).isEmpty();
        assertThat(ids(search("?sort=name"))).containsExactly(alpha, beta, gamma);

        MvcTestResult page = search("?sort=created_at,asc&page=1&size=2");
        assertThat(page).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.page").isEqualTo(1);
            assertThat(json).extractingPath("$.size").isEqualTo(2);
            assertThat(json).extractingPath("$.total").isEqualTo(3);
        });
        assertThat(ids(page)).containsExactly(gamma);

        assertThat(api.get(tenant, Role.AGENT, CLIENTS + "?sort=email")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("sort");
        assertThat(api.get(tenant, Role.AGENT, CLIENTS + "?sort=name,up")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("sort");
        assertThat(api.get(tenant, Role.AGENT, CLIENTS + "?size=1000")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("size");
        assertThat(api.get(tenant, Role.AGENT, CLIENTS + "?page=-1")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("page");
        assertThat(api.get(tenant, Role.AGENT, CLIENTS + "?page=x")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("page");
        assertThat(api.get(tenant, Role.AGENT, CLIENTS + "?email=nope")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("email");
    }

    @Test
    void requiresABearerToken() {
        assertThat(mvc.get().uri(CLIENTS)).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    private MvcTestResult search(String query) {
        MvcTestResult result = api.get(tenant, Role.AGENT, CLIENTS + query);
        assertThat(result).hasStatusOk();
        return result;
    }

    private static List<String> ids(MvcTestResult result) {
        return read(result, "$.items[*].id");
    }
}
