package com.zorahai.invoicing.web;

import static com.zorahai.invoicing.InvoicesApi.INVOICES;
import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.TestTokens;
import com.zorahai.crm.Clients;
import com.zorahai.identity.Role;
import com.zorahai.invoicing.InvoicePaid;
import com.zorahai.invoicing.InvoiceVoided;
import com.zorahai.invoicing.InvoicesApi;
import com.zorahai.invoicing.InvoicingTest;
import com.zorahai.tenancy.Tenants;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@InvoicingTest
@RecordApplicationEvents
class InvoicePaymentTests {

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
    ApplicationEvents events;

    InvoicesApi api;
    String tenant;

    @BeforeEach
    void setUp() {
        api = new InvoicesApi(mvc, tokens, tenants, clients);
        tenant = InvoicesApi.newTenant();
    }

    /** An issued invoice of 2 × 50.00 + 15 % = 115.00 USD. */
    private String issued() {
        String id = api.draft(tenant, api.client(tenant, "payer-" + System.nanoTime() + "@example.com"), "50");
        api.issue(tenant, id);
        return id;
    }

    @Test
    void partialPaymentsThenTheLastOnePayTheInvoice() {
        String id = issued();
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        MvcTestResult first = api.pay(tenant, id, """
                {"amount": 40.50, "currency": "USD", "date": "%s", "method": "eft", "reference": "FNB 123"}"""
                .formatted(yesterday));
        assertThat(first).hasStatus(HttpStatus.CREATED).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.payment.amount").isEqualTo(40.50);
            assertThat(json).extractingPath("$.payment.currency").isEqualTo("USD");
            assertThat(json).extractingPath("$.payment.date").isEqualTo(yesterday);
            assertThat(json).extractingPath("$.payment.method").isEqualTo("eft");
            assertThat(json).extractingPath("$.payment.reference").isEqualTo("FNB 123");
            assertThat(json).extractingPath("$.payment.recorded_by").isNotNull();
            assertThat(json).extractingPath("$.invoice.status").isEqualTo("partially_paid");
            assertThat(json).extractingPath("$.invoice.amount_paid").isEqualTo(40.50);
            assertThat(json).extractingPath("$.invoice.balance").isEqualTo(74.50);
        });
        assertThat(events.stream(InvoicePaid.class)).isEmpty();

        assertThat(api.pay(tenant, id, "{\"amount\": \"74.49\", \"method\": \"card\"}")).hasStatus(HttpStatus.CREATED)
                .bodyJson().extractingPath("$.invoice.status").isEqualTo("partially_paid");
        MvcTestResult last = api.pay(tenant, id, "{\"amount\": 0.01, \"method\": \"cash\"}");
        assertThat(last).hasStatus(HttpStatus.CREATED).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.invoice.status").isEqualTo("paid");
            assertThat(json).extractingPath("$.invoice.balance").isEqualTo(0.00);
            assertThat(json).extractingPath("$.invoice.paid_at").isNotNull();
            assertThat(json).extractingPath("$.payment.date").isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        });
        assertThat(events.stream(InvoicePaid.class)).singleElement()
                .satisfies(paid -> assertThat(paid.total().amount()).isEqualByComparingTo("115.00"));

        assertThat(api.get(tenant, Role.AGENT, INVOICES + "/" + id + "/payments")).hasStatusOk().bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.total").isEqualTo(3);
                    assertThat(json).extractingPath("$.items[*].method").asArray().containsExactly("eft", "card",
                            "cash");
                    assertThat(json).extractingPath("$.items[*].amount").asArray().containsExactly(40.50, 74.49,
                            0.01);
                });
        // a paid invoice is overpaid by any payment and cannot be voided
        assertThat(api.pay(tenant, id, "{\"amount\": 0.01, \"method\": \"cash\"}"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(api.post(tenant, Role.OWNER, INVOICES + "/" + id + "/void", "{\"reason\": \"Refund\"}"))
                .hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.type")
                .isEqualTo("https://zorahai.com/problems/invoice-not-voidable");
    }

    @Test
    void aPaymentAboveTheBalanceIsRefused() {
        String id = issued();
        api.pay(tenant, id, "{\"amount\": 100, \"method\": \"eft\"}");
        MvcTestResult over = api.pay(tenant, id, "{\"amount\": 15.01, \"method\": \"eft\"}");
        assertThat(over).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.type").isEqualTo("https://zorahai.com/problems/invoice-overpayment");
            assertThat(json).extractingPath("$.balance").isEqualTo(15.00);
            assertThat(json).extractingPath("$.currency").isEqualTo("USD");
        });
        assertThat(jdbc.sql("select count(*) from invoice_payments where invoice_id = ?::uuid").param(id)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void paymentsAreInTheInvoiceCurrencyAtItsScale() {
        String id = issued();
        assertThat(api.pay(tenant, id, "{\"amount\": 10, \"currency\": \"EUR\", \"method\": \"eft\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.errors[0].field").isEqualTo("currency");
                    assertThat(json).extractingPath("$.errors[0].reason")
                            .isEqualTo("must be the invoice currency USD");
                });
        assertThat(api.pay(tenant, id, "{\"amount\": 10.001, \"method\": \"eft\"}")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("amount");
        assertThat(api.pay(tenant, id, "{\"amount\": 10.000, \"currency\": \"usd\", \"method\": \"EFT\"}"))
                .hasStatus(HttpStatus.CREATED);
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();
        assertThat(api.pay(tenant, id, "{\"amount\": -1, \"method\": \"bitcoin\", \"date\": \"" + tomorrow + "\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[*].field").asArray()
                .containsExactlyInAnyOrder("amount", "method", "date");
        assertThat(api.pay(tenant, id, "{\"method\": \"eft\", \"reference\": \"" + "r".repeat(101) + "\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[*].field").asArray()
                .containsExactlyInAnyOrder("amount", "reference");
        assertThat(api.pay(tenant, id, "{\"amount\": 1, \"method\": \"eft\", \"date\": \"yesterday\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("date");
    }

    @Test
    void draftsAndVoidInvoicesTakeNoPayments() {
        String draft = api.draft(tenant, api.client(tenant, "draft-pay@example.com"), "10");
        assertThat(api.pay(tenant, draft, "{\"amount\": 1, \"method\": \"eft\"}")).hasStatus(HttpStatus.CONFLICT)
                .bodyJson().extractingPath("$.type").isEqualTo("https://zorahai.com/problems/invoice-not-payable");

        String id = issued();
        api.pay(tenant, id, "{\"amount\": 15, \"method\": \"eft\"}");
        assertThat(api.post(tenant, Role.ADMIN, INVOICES + "/" + id + "/void", "{\"reason\": \" \"}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("reason");
        MvcTestResult voided = api.post(tenant, Role.ADMIN, INVOICES + "/" + id + "/void",
                "{\"reason\": \"Trip cancelled\"}");
        assertThat(voided).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.status").isEqualTo("void");
            assertThat(json).extractingPath("$.void_reason").isEqualTo("Trip cancelled");
            assertThat(json).extractingPath("$.voided_at").isNotNull();
            assertThat(json).extractingPath("$.number").isEqualTo("INV-000001");
            assertThat(json).extractingPath("$.amount_paid").isEqualTo(15.00);
        });
        assertThat(events.stream(InvoiceVoided.class)).hasSize(1);
        assertThat(api.pay(tenant, id, "{\"amount\": 1, \"method\": \"eft\"}")).hasStatus(HttpStatus.CONFLICT);
        assertThat(api.post(tenant, Role.OWNER, INVOICES + "/" + id + "/void", "{\"reason\": \"Again\"}"))
                .hasStatus(HttpStatus.CONFLICT);
        assertThat(api.delete(tenant, Role.OWNER, INVOICES + "/" + id)).hasStatus(HttpStatus.CONFLICT);
        assertThat(api.get(tenant, Role.AGENT, INVOICES + "/" + id + "/payments")).bodyJson()
                .extractingPath("$.total").isEqualTo(1);
        assertThat(api.post(tenant, Role.OWNER, INVOICES + "/" + draft + "/void", "{\"reason\": \"x\"}"))
                .hasStatus(HttpStatus.CONFLICT);
    }
}
