package com.zorahai.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.IntegrationTest;
import com.zorahai.TestTokens;
import com.zorahai.tenancy.Tenants;
import com.zorahai.tenancy.internal.TenantRegistry;
import com.zorahai.tenancy.internal.TenantStore;
import com.zorahai.whatsapp.internal.OutboxWorker;
import com.zorahai.whatsapp.internal.WebhookSecurity;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

/** The shared application context, with helpers to post webhooks and read the channel's tables. */
@IntegrationTest
public abstract class WhatsAppTestSupport {

    @Autowired
    protected MockMvcTester mvc;

    @Autowired
    protected TestTokens tokens;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected WhatsAppMessages messages;

    @Autowired
    protected OutboxWorker worker;

    @Autowired
    protected WhatsAppEventRecorder recorder;

    @Autowired
    Tenants tenantRegistry;

    @Autowired
    TenantStore tenantStore;

    @Autowired
    TenantRegistry registry;

    @Autowired
    TransactionTemplate transactions;

    protected WhatsAppTenants tenants;

    @BeforeEach
    void tenantFactory() {
        tenants = new WhatsAppTenants(tenantRegistry, tenantStore, registry, transactions);
    }

    protected MvcTestResult post(String path, String body) {
        return mvc.post().uri(path).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    protected MvcTestResult postSigned(String path, String body, String secret) {
        return mvc.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Hub-Signature-256", WebhookSecurity.sign(body.getBytes(StandardCharsets.UTF_8), secret))
                .content(body)
                .exchange();
    }

    protected long inbound(String tenant) {
        return jdbc.sql("select count(*) from whatsapp_messages where tenant_id = :t and direction = 'inbound'")
                .param("t", tenant)
                .query(Long.class)
                .single();
    }

    protected UUID conversationOf(String tenant, String contactKey) {
        return jdbc.sql("select id from whatsapp_conversations where tenant_id = :t and contact_key = :k")
                .param("t", tenant)
                .param("k", contactKey)
                .query(UUID.class)
                .single();
    }

    protected String statusOf(UUID messageId) {
        return jdbc.sql("select status from whatsapp_messages where id = :id").param("id", messageId)
                .query(String.class).single();
    }

    protected String providerId(UUID messageId) {
        return jdbc.sql("select provider_message_id from whatsapp_messages where id = :id").param("id", messageId)
                .query(String.class).single();
    }

    /** Sends whatever is due now. */
    protected void drain() {
        worker.drain();
    }

    protected static String phone() {
        return "9613" + String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits())).substring(0, 7);
    }

    protected static String wamid() {
        return "wamid.HBgL" + UUID.randomUUID().toString().replace("-", "").toUpperCase();
    }

    protected static void assertOk(MvcTestResult result) {
        assertThat(result).hasStatusOk();
    }
}
