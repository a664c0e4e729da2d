package com.zorahai.invoicing.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.documents.Pdfs;
import com.zorahai.identity.Role;
import com.zorahai.quoting.QuotingTestSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The whole way from a quote to a paid invoice with nothing played by a mock: the quote is sent, accepted through the
 * link in its email, invoiced from its accepted revision, issued, rendered and paid in two parts.
 */
class QuoteToInvoiceJourneyTests extends QuotingTestSupport {

    private static final Pattern TOKEN = Pattern.compile("/public/quotes/accept\\?token=([A-Za-z0-9_-]{43})");

    @Test
    void anAcceptedQuoteBecomesAnInvoiceThatIsPaidInTwoParts() {
        String quote = draft();
        assertThat(mvc.post().uri(QUOTES + "/" + quote + "/send").header("Authorization", auth(Role.CONSULTANT)))
                .hasStatusOk();
        String mail = jdbc.sql("select text_body from outbound_emails where tenant_id = ? and template = 'quote-sent'")
                .param(tenant).query(String.class).single();
        Matcher link = TOKEN.matcher(mail);
        assertThat(link.find()).isTrue();
        assertThat(mvc.post().uri("/public/quotes/accept").contentType(MediaType.APPLICATION_JSON).content(
                "{\"token\": \"" + link.group(1) + "\", \"name\": \"Ana Lima\", \"email\": \"ana@example.com\"}"))
                .hasStatusOk();

        MvcTestResult created = post("/api/v1/invoices:from-quote", "{\"quote_id\": \"" + quote + "\"}");
        assertThat(created).hasStatus(HttpStatus.CREATED).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.status").isEqualTo("draft");
            assertThat(json).extractingPath("$.lines[0].description").isEqualTo("Beach Hotel, 7 nights");
            assertThat(json).extractingPath("$.total").isEqualTo(1200.0);
        });
        String invoice = read(created, "$.id");
        assertThat(post("/api/v1/invoices:from-quote", "{\"quote_id\": \"" + quote + "\"}"))
                .hasStatus(HttpStatus.CONFLICT);

        assertThat(post("/api/v1/invoices/" + invoice + "/issue", "{}")).hasStatusOk().bodyJson()
                .extractingPath("$.number").isEqualTo("INV-000001");
        MvcTestResult pdf = mvc.get().uri("/api/v1/invoices/" + invoice + "/pdf")
                .header("Authorization", auth(Role.AGENT)).exchange();
        assertThat(pdf).hasStatusOk();
        assertThat(Pdfs.text(pdf.getResponse().getContentAsByteArray())).contains("INV-000001", "Ana Lima",
                "Beach Hotel, 7 nights");

        assertThat(post("/api/v1/invoices/" + invoice + "/payments",
                "{\"amount\": 200, \"method\": \"eft\", \"reference\": \"dep\"}")).hasStatus(HttpStatus.CREATED);
        assertThat(mvc.get().uri("/api/v1/invoices/" + invoice).header("Authorization", auth(Role.AGENT)))
                .bodyJson().extractingPath("$.status").isEqualTo("partially_paid");
        assertThat(post("/api/v1/invoices/" + invoice + "/payments",
                "{\"amount\": 1000, \"method\": \"eft\", \"reference\": \"rest\"}")).hasStatus(HttpStatus.CREATED);
        assertThat(mvc.get().uri("/api/v1/invoices/" + invoice).header("Authorization", auth(Role.AGENT)))
                .bodyJson().extractingPath("$.status").isEqualTo("paid");
    }
}
