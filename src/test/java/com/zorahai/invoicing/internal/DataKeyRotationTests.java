package com.zorahai.invoicing.internal;

import static com.zorahai.invoicing.InvoicesApi.INVOICES;
import static com.zorahai.invoicing.InvoicesApi.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.TestTokens;
import com.zorahai.crm.Clients;
import com.zorahai.identity.Role;
import com.zorahai.invoicing.InvoiceId;
import com.zorahai.invoicing.InvoicesApi;
import com.zorahai.invoicing.InvoicingTest;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.Tenants;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * After a rotation, travellers written under the old key are read with it and rewritten under the current one.
 */
@InvoicingTest
class DataKeyRotationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    @Autowired
    Tenants tenants;

    @Autowired
    Clients clients;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TravelerStore store;

    @Autowired
    InvoiceStore invoices;

    @Autowired
    InvoiceRecords records;

    @Autowired
    InvoicingProperties properties;

    @Autowired
    DataKeyRotation rotation;

    @Test
    void rowsUnderAnOldKeyAreRewrittenUnderTheCurrentOne() throws Exception {
        InvoicesApi api = new InvoicesApi(mvc, tokens, tenants, clients);
        String tenant = InvoicesApi.newTenant();
        String invoice = api.draft(tenant, api.client(tenant, "rotation@example.com"), "10");

        byte[] old = new byte[32];
        new SecureRandom().nextBytes(old);
        byte[] current = Base64.getDecoder().decode(Files.readString(Path.of(properties.dataKey().file())).trim());
        FieldCipher oldCipher = new FieldCipher(DataKeys.of(old));
        TravelerRecords before = new TravelerRecords(store, invoices, oldCipher, records, Clock.systemUTC());
        Traveler written = before.add(TenantId.of(tenant), InvoiceId.parse(invoice, "id"), new TravelerDraft(
                "Old Key", LocalDate.of(1970, 1, 1), "OLD12345", null), UUID.randomUUID());
        assertThat(keyOf(written.id())).isEqualTo(oldCipher.keyId());

        TravelerRecords after = new TravelerRecords(store, invoices, new FieldCipher(DataKeys.of(current, old)),
                records, Clock.fixed(Instant.now(), java.time.ZoneOffset.UTC));
        while (after.reencryptBatch(50) > 0) {
            // until every row is under the current key
        }
        assertThat(keyOf(written.id())).isEqualTo(DataKeys.idOf(current));
        // the application, which knows only the current key, reads it
        assertThat(api.get(tenant, Role.ADMIN, INVOICES + "/" + invoice + "/travelers/" + written.id()))
                .hasStatusOk().bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.full_name").isEqualTo("Old Key");
                    assertThat(json).extractingPath("$.passport_number").isEqualTo("OLD12345");
                    assertThat(json).extractingPath("$.date_of_birth").isEqualTo("1970-01-01");
                });
        // and the start-up pass finds nothing left to do
        rotation.rotate();
        assertThat(jdbc.sql("select count(*) from invoice_travelers where key_id <> ?")
                .param(DataKeys.idOf(current)).query(Long.class).single()).isZero();
        assertThat((String) read(api.get(tenant, Role.AGENT, INVOICES + "/" + invoice + "/travelers"),
                "$.items[0].passport_number")).isEqualTo("****2345");
    }

    private String keyOf(UUID traveler) {
        return jdbc.sql("select key_id from invoice_travelers where id = ?").param(traveler).query(String.class)
                .single();
    }
}
