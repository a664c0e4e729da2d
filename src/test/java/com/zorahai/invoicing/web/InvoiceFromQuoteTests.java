package com.zorahai.invoicing.web;

import static com.zorahai.invoicing.InvoicesApi.INVOICES;
import static com.zorahai.invoicing.InvoicesApi.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.when;

import com.zorahai.TestTokens;
import com.zorahai.crm.ClientId;
import com.zorahai.crm.Clients;
import com.zorahai.identity.Role;
import com.zorahai.invoicing.InvoicesApi;
import com.zorahai.invoicing.InvoicingTest;
import com.zorahai.platform.Money;
import com.zorahai.platform.ProblemException;
import com.zorahai.quoting.AcceptedQuote;
import com.zorahai.quoting.QuoteAccepted;
import com.zorahai.quoting.QuoteId;
import com.zorahai.quoting.Quotes;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.Tenants;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

@InvoicingTest
class InvoiceFromQuoteTests {

    static final Currency ZAR = Currency.getInstance("ZAR");

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
    Quotes quotes;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    InvoicesApi api;

    @BeforeEach
    void setUp() {
        api = new InvoicesApi(mvc, tokens, tenants, clients);
    }

    /** Quote Q-000042 revision 2: 4500.00 + 2199.99 at 15 %, 241.00 untaxed. */
    static AcceptedQuote acceptedQuote(String tenant, QuoteId id, String client) {
        List<AcceptedQuote.Line> lines = List.of(
                new AcceptedQuote.Line("hotel", "Cape Town, 3 nights", new BigDecimal("3"), money("1500.00"),
                        money("4500.00"), new BigDecimal("15")),
                new AcceptedQuote.Line("flight", "JNB-CPT return", BigDecimal.ONE, money("2199.99"),
                        money("2199.99"), new BigDecimal("15")),
                new AcceptedQuote.Line("insurance", "Travel insurance", new BigDecimal("2"), money("120.50"),
                        money("241.00"), BigDecimal.ZERO));
        // 15 % of 6699.99 = 1004.9985 → 1005.00
        return new AcceptedQuote(TenantId.of(tenant), id, "Q-000042", 2, ClientId.parse(client, "client"), ZAR,
                LocalDate.of(2026, 12, 20), LocalDate.of(2026, 12, 23), lines, money("6940.99"), money("1005.00"),
                money("7945.99"), Instant.parse("2026-11-20T09:00:00Z"));
    }

    static Money money(String amount) {
        return Money.of(new BigDecimal(amount), ZAR);
    }

    private QuoteId accepted(String tenant, String client) {
        QuoteId id = QuoteId.of(UUID.randomUUID());
        when(quotes.accepted(TenantId.of(tenant), id)).thenReturn(Optional.of(acceptedQuote(tenant, id, client)));
        return id;
    }

    private MvcTestResult fromQuote(String tenant, Object quoteId) {
        return api.post(tenant, Role.CONSULTANT, INVOICES + ":from-quote", "{\"quote_id\": \"" + quoteId + "\"}");
    }

    @Test
    void anAcceptedQuoteBecomesADraftWithItsLinesAndTotals() {
        String tenant = api.newAgency();
        String client = api.client(tenant, "from-quote@example.com");
        QuoteId quote = accepted(tenant, client);

        MvcTestResult created = fromQuote(tenant, quote);
        assertThat(created).hasStatus(HttpStatus.CREATED).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.status").isEqualTo("draft");
            assertThat(json).extractingPath("$.quote_id").isEqualTo(quote.toString());
            assertThat(json).extractingPath("$.quote_revision").isEqualTo(2);
            assertThat(json).extractingPath("$.client_id").isEqualTo(client);
            assertThat(json).extractingPath("$.currency").isEqualTo("ZAR");
            assertThat(json).extractingPath("$.lines[*].type").asArray().containsExactly("hotel", "flight",
                    "insurance");
            assertThat(json).extractingPath("$.lines[0].description").isEqualTo("Cape Town, 3 nights");
            assertThat(json).extractingPath("$.lines[0].quantity").isEqualTo(3);
            assertThat(json).extractingPath("$.lines[0].unit_price").isEqualTo(1500);
            assertThat(json).extractingPath("$.lines[0].tax_rate").isEqualTo(15);
            assertThat(json).extractingPath("$.lines[1].total").isEqualTo(2199.99);
            assertThat(json).extractingPath("$.lines[2].total").isEqualTo(241.00);
            assertThat(json).extractingPath("$.subtotal").isEqualTo(6940.99);
            assertThat(json).extractingPath("$.tax").isEqualTo(1005.00);
            assertThat(json).extractingPath("$.total").isEqualTo(7945.99);
        });
        String id = read(created, "$.id");
        assertThat(api.issue(tenant, id)).isEqualTo("INV-000001");
        assertThat(api.get(tenant, Role.AGENT, INVOICES + "/" + id)).bodyJson().extractingPath("$.total")
                .isEqualTo(7945.99);
    }

    @Test
    void aQuoteGivesOneInvoiceUntilThatInvoiceIsVoided() {
        String tenant = api.newAgency();
        QuoteId quote = accepted(tenant, api.client(tenant, "once@example.com"));
        String first = read(fromQuote(tenant, quote), "$.id");

        MvcTestResult again = fromQuote(tenant, quote);
        assertThat(again).hasStatus(HttpStatus.CONFLICT).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.type").isEqualTo("https://zorahai.com/problems/quote-already-invoiced");
            assertThat(json).extractingPath("$.invoice_id").isEqualTo(first);
        });

        api.issue(tenant, first);
        assertThat(api.post(tenant, Role.ADMIN, INVOICES + "/" + first + "/void", "{\"reason\": \"Wrong dates\"}"))
                .hasStatusOk();
        MvcTestResult corrected = fromQuote(tenant, quote);
        assertThat(corrected).hasStatus(HttpStatus.CREATED);
        assertThat((String) read(corrected, "$.id")).isNotEqualTo(first);
        assertThat(fromQuote(tenant, quote)).hasStatus(HttpStatus.CONFLICT);
    }

    @Test
    void aQuoteThatIsNotAcceptedOrNotTheTenantsGivesNoInvoice() {
        String tenant = InvoicesApi.newTenant();
        String other = InvoicesApi.newTenant();
        QuoteId notAccepted = QuoteId.of(UUID.randomUUID());
        assertThat(fromQuote(tenant, notAccepted)).hasStatus(HttpStatus.CONFLICT).bodyJson()
                .extractingPath("$.type").isEqualTo("https://zorahai.com/problems/quote-not-accepted");

        // the quote exists for another tenant only
        QuoteId elsewhere = accepted(other, api.client(other, "elsewhere@example.com"));
        when(quotes.accepted(TenantId.of(tenant), elsewhere)).thenThrow(ProblemException.notFound("quote",
                elsewhere));
        assertThat(fromQuote(tenant, elsewhere)).hasStatus(HttpStatus.NOT_FOUND).bodyJson().extractingPath("$.type")
                .isEqualTo("https://zorahai.com/problems/quote-not-found");
        // and should the quotes module ever answer with another tenant's quote, it is still not found
        QuoteId leaked = QuoteId.of(UUID.randomUUID());
        AcceptedQuote othersQuote = acceptedQuote(other, leaked, api.client(other, "leaked@example.com"));
        when(quotes.accepted(TenantId.of(tenant), leaked)).thenReturn(Optional.of(othersQuote));
        assertThat(fromQuote(tenant, leaked)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(jdbc.sql("select count(*) from invoices where tenant_id = ?").param(tenant).query(Long.class)
                .single()).isZero();

        assertThat(fromQuote(tenant, "nope")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .extractingPath("$.errors[0].field").isEqualTo("quote_id");
        assertThat(api.post(tenant, Role.CONSULTANT, INVOICES + ":from-quote", "{}"))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void concurrentRequestsForOneQuoteMakeOneInvoice() throws Exception {
        String tenant = InvoicesApi.newTenant();
        QuoteId quote = accepted(tenant, api.client(tenant, "race@example.com"));
        List<String> bearers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            bearers.add(tokens.bearer(tenant, Role.CONSULTANT));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> calls = bearers.stream().<Callable<Integer>>map(bearer -> () -> mvc.post()
                    .uri(INVOICES + ":from-quote").header("Authorization", bearer)
                    .contentType("application/json").content("{\"quote_id\": \"" + quote + "\"}")
                    .exchange().getResponse().getStatus()).toList();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(calls)) {
                statuses.add(status.get());
            }
            assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from invoices where tenant_id = ?").param(tenant).query(Long.class)
                .single()).isEqualTo(1);
    }

    @Test
    void anAcceptedQuoteEventMakesADraftOnce() {
        String tenant = api.newAgency();
        String client = api.client(tenant, "event@example.com");
        QuoteId quote = accepted(tenant, client);
        QuoteAccepted event = new QuoteAccepted(TenantId.of(tenant), quote, "Q-000042", 2,
                ClientId.parse(client, "client"), Instant.now());

        transactions.executeWithoutResult(status -> events.publishEvent(event));
        await().atMost(Duration.ofSeconds(20)).until(() -> invoicesOf(quote) == 1);
        transactions.executeWithoutResult(status -> events.publishEvent(event));
        // completed publications are deleted: none left for this quote means the second delivery was handled
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                select count(*) from event_publication where serialized_event like ?
                  and listener_id like '%InvoicingListeners%'""").param("%" + quote + "%").query(Long.class)
                .single() == 0);
        assertThat(invoicesOf(quote)).isEqualTo(1);
        String id = jdbc.sql("select id::text from invoices where quote_id = ?").param(quote.value())
                .query(String.class).single();
        assertThat(api.get(tenant, Role.AGENT, INVOICES + "/" + id)).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.status").isEqualTo("draft");
            assertThat(json).extractingPath("$.total").isEqualTo(7945.99);
            assertThat(json).extractingPath("$.created_by").isNull();
        });
        // the consultant's own request now finds the draft already there
        assertThat(fromQuote(tenant, quote)).hasStatus(HttpStatus.CONFLICT);
    }

    private long invoicesOf(QuoteId quote) {
        return jdbc.sql("select count(*) from invoices where quote_id = ?").param(quote.value()).query(Long.class)
                .single();
    }
}
