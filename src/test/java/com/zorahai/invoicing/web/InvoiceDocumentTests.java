package com.zorahai.invoicing.web;

import static com.zorahai.invoicing.InvoicesApi.INVOICES;
import static com.zorahai.invoicing.InvoicesApi.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.zorahai.TestTokens;
import com.zorahai.crm.ClientSource;
import com.zorahai.crm.ClientUpsert;
import com.zorahai.crm.Clients;
import com.zorahai.documents.Pdfs;
import com.zorahai.identity.Role;
import com.zorahai.invoicing.InvoicesApi;
import com.zorahai.invoicing.InvoicingTest;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.Tenants;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The invoice PDF comes from the documents module's {@code documents/invoice} template; sending queues it by email.
 */
@InvoicingTest
class InvoiceDocumentTests {

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

    InvoicesApi api;

    @BeforeEach
    void setUp() {
        api = new InvoicesApi(mvc, tokens, tenants, clients);
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePdfIsRenderedFromTheInvoiceModel() {
        String tenant = api.newAgency();
        String client = api.client(tenant, "pdf@example.com");
        String id = api.draft(tenant, """
                {"client_id": "%s", "notes": "Bring your passport", "lines": [
                  {"type": "hotel", "description": "Lodge", "quantity": 2, "unit_price": 100, "tax_rate": 15}]}"""
                .formatted(client));
        api.post(tenant, Role.CONSULTANT, INVOICES + "/" + id + "/travelers", """
                {"full_name": "Pat Doe", "date_of_birth": "1990-01-01", "passport_number": "P9876543"}""");
        api.issue(tenant, id);
        api.pay(tenant, id, "{\"amount\": 30, \"method\": \"card\", \"reference\": \"slip 7\"}");

        MvcTestResult pdf = api.get(tenant, Role.AGENT, INVOICES + "/" + id + "/pdf");
        assertThat(pdf).hasStatusOk().hasContentType("application/pdf").hasHeader("Cache-Control", "no-store");
        assertThat(pdf.getResponse().getHeader("Content-Disposition")).isEqualTo(
                "inline; filename=\"INV-000001.pdf\"");
        String text = Pdfs.text(pdf.getResponse().getContentAsByteArray());
        assertThat(text).contains("INV-000001", "Bring your passport", "Pat Doe", "Lodge", "Client pdf@example.com",
                "pdf@example.com", "Test Bank", "62000000001", "slip 7").contains("230.00", "200.00");
        assertThat(text).doesNotContain("P9876543", "1990");
    }

    @Test
    void aDraftPdfIsMarkedAsDraftAndNamedAfterItsId() {
        String tenant = api.newAgency();
        String id = api.draft(tenant, api.client(tenant, "draft-pdf@example.com"), "10");
        MvcTestResult pdf = api.get(tenant, Role.AGENT, INVOICES + "/" + id + "/pdf");
        assertThat(pdf).hasStatusOk();
        assertThat(pdf.getResponse().getHeader("Content-Disposition")).contains("draft-invoice-" + id + ".pdf");
    }

    @Test
    void sendingQueuesThePdfByEmailOnce() {
        String tenant = api.newAgency();
        String id = api.draft(tenant, api.client(tenant, "send@example.com"), "10");
        assertThat(api.post(tenant, Role.CONSULTANT, INVOICES + "/" + id + "/send"))
                .hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.type")
                .isEqualTo("https://zorahai.com/problems/invoice-not-sendable");
        api.issue(tenant, id);

        MvcTestResult sent = api.post(tenant, Role.CONSULTANT, INVOICES + "/" + id + "/send");
        assertThat(sent).hasStatus(HttpStatus.ACCEPTED).bodyJson().extractingPath("$.to")
                .isEqualTo("send@example.com");
        String emailId = read(sent, "$.email_id");
        Map<String, Object> email = jdbc.sql("""
                select array_to_string(to_addresses, ',') as recipients, subject, template, html_body
                from outbound_emails where id = ?::uuid""").param(emailId).query().singleRow();
        assertThat(email).containsEntry("recipients", "send@example.com")
                .containsEntry("subject", "Invoice INV-000001 from Agency " + tenant)
                .containsEntry("template", "email/invoice");
        assertThat((String) email.get("html_body")).contains("INV-000001", "ZAR 23.00", "Test Bank",
                "Client send@example.com");
        Map<String, Object> attachment = jdbc.sql("""
                select filename, content_type, content from outbound_email_attachments where email_id = ?::uuid""")
                .param(emailId).query().singleRow();
        assertThat(attachment).containsEntry("filename", "INV-000001.pdf")
                .containsEntry("content_type", "application/pdf");
        assertThat(Pdfs.text((byte[]) attachment.get("content"))).contains("INV-000001");

        // sending again answers the same email
        assertThat(api.post(tenant, Role.ADMIN, INVOICES + "/" + id + "/send", "{\"to\": \"other@example.com\"}"))
                .hasStatus(HttpStatus.ACCEPTED).bodyJson().extractingPath("$.email_id").isEqualTo(emailId);
        assertThat(jdbc.sql("select count(*) from outbound_emails where tenant_id = ?").param(tenant)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void sendingNeedsARecipient() {
        String tenant = api.newAgency();
        String phoneOnly = clients.upsert(TenantId.of(tenant), ClientUpsert.byPhone("+14155550199", "No Mail",
                ClientSource.PHONE)).clientId().toString();
        String id = api.draft(tenant, phoneOnly, "10");
        api.issue(tenant, id);
        assertThat(api.post(tenant, Role.CONSULTANT, INVOICES + "/" + id + "/send"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().extractingPath("$.type")
                .isEqualTo("https://zorahai.com/problems/invoice-no-recipient");
        assertThat(api.post(tenant, Role.CONSULTANT, INVOICES + "/" + id + "/send", "{\"to\": \"not an address\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("to");
        MvcTestResult given = api.post(tenant, Role.CONSULTANT, INVOICES + "/" + id + "/send",
                "{\"to\": \"accounts@example.com\"}");
        assertThat(given).hasStatus(HttpStatus.ACCEPTED).bodyJson().extractingPath("$.to")
                .isEqualTo("accounts@example.com");
    }
}
