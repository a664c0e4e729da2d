package com.zorahai.documents;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.zorahai.IntegrationTest;
import com.zorahai.documents.internal.DocumentRenderer;
import com.zorahai.platform.Money;
import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.NewTenant;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantBrandings;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.TenantTemplates;
import com.zorahai.tenancy.Tenants;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

@IntegrationTest
class DocumentsTests {

    @Autowired
    Documents documents;

    @Autowired
    Tenants tenants;

    @Autowired
    TenantTemplates templates;

    @Autowired
    TenantBrandings brandings;

    @Autowired
    DocumentRenderer renderer;

    /** A South African agency with banking details, in its own tenant. */
    private TenantId agency() {
        TenantId id = TenantId.of("docs-" + UUID.randomUUID().toString().substring(0, 8));
        tenants.create(new NewTenant(id, "Kaapstad Reise", Set.of(Tenant.Feature.QUOTES, Tenant.Feature.INVOICES)));
        tenants.updateSettings(id, Map.of("currency", "ZAR", "locale", "en-ZA", "timezone", "Africa/Johannesburg",
                "banking", Map.of("bank_name", "First Rand Bank", "account_name", "Kaapstad Reise (Pty) Ltd",
                        "account_number", "62012345678", "branch_code", "250655", "swift", "FIRNZAJJ")));
        return id;
    }

    private static Money zar(String amount) {
        return Money.of(amount, "ZAR");
    }

    private static DocumentLine line(String description, String quantity, String unit) {
        Money price = zar(unit);
        return new DocumentLine(description, new BigDecimal(quantity), price,
                price.times(new BigDecimal(quantity)).rounded());
    }

    private static final DocumentClient CLIENT = new DocumentClient("Zoë Ødegård", "zoe@example.com", "+27 21 555 0100",
            "12 Long Street\nCape Town 8001");
    private static final List<String> TRAVELLERS = List.of("Zoë Ødegård", "Дмитрий Иванов", "Σοφία Παπαδοπούλου");

    static QuoteDocument quote(List<DocumentLine> lines) {
        return new QuoteDocument("Q-000123", LocalDate.of(2026, 11, 23), LocalDate.of(2026, 12, 7), CLIENT,
                "Cape Town", LocalDate.of(2027, 1, 12), LocalDate.of(2027, 1, 19), TRAVELLERS, lines,
                zar("17748.50"), zar("2662.28"), zar("20410.78"), "Breakfast included.",
                "https://app.example.com/public/quotes/accept/abc");
    }

    static InvoiceDocument invoice(Tenant.Banking banking) {
        return new InvoiceDocument("INV-000042", LocalDate.of(2026, 11, 24), LocalDate.of(2026, 12, 1), "Q-000123",
                CLIENT, "Cape Town", LocalDate.of(2027, 1, 12), LocalDate.of(2027, 1, 19), TRAVELLERS,
                List.of(line("Hotel, 7 nights", "7", "1850"), line("Return flights", "3", "1599.50")),
                zar("17748.50"), zar("2662.28"), zar("20410.78"),
                List.of(new DocumentPayment(LocalDate.of(2026, 11, 25), "EFT", "DEP-1", zar("6000"))),
                zar("14410.78"), "KR-INV42", banking, "Thank you.");
    }

    @Test
    void aQuoteShowsItsClientTripLinesAndTotals() {
        TenantId tenant = agency();

        byte[] pdf = documents.quotePdf(tenant, quote(List.of(line("Hotel, 7 nights, sea view", "7", "1850"),
                line("Return flights JNB – CPT", "3", "1599.50"))));

        String text = Pdfs.flat(pdf);
        assertThat(text).contains("Kaapstad Reise", "QUOTE", "Q-000123", "PREPARED FOR", "Zoë Ødegård",
                "zoe@example.com", "12 Long Street", "Cape Town 8001", "Valid until 7 December 2026",
                "Departure 12 January 2027", "Return 19 January 2027", "Дмитрий Иванов", "Σοφία Παπαδοπούλου",
                "Hotel, 7 nights, sea view 7 R1 850,00 R12 950,00",
                "Return flights JNB – CPT 3 R1 599,50 R4 798,50", "Subtotal R17 748,50", "Tax R2 662,28",
                "Total R20 410,78", "Breakfast included.", "https://app.example.com/public/quotes/accept/abc",
                "Page 1 of 1");
        assertThat(Pdfs.pages(pdf)).isEqualTo(1);
    }

    @Test
    void anInvoiceShowsPaymentsBalanceAndTheTenantsBankingDetails() {
        TenantId tenant = agency();

        byte[] pdf = documents.invoicePdf(tenant, invoice(null));

        String text = Pdfs.flat(pdf);
        assertThat(text).contains("INVOICE", "INV-000042", "BILL TO", "Zoë Ødegård", "Due date 1 December 2026",
                "Quote Q-000123", "Hotel, 7 nights 7 R1 850,00 R12 950,00", "Total R20 410,78",
                "PAYMENTS RECEIVED", "25 November 2026 EFT DEP-1 R6 000,00", "Balance due R14 410,78",
                "PAYMENT DETAILS", "Bank First Rand Bank", "Account name Kaapstad Reise (Pty) Ltd",
                "Account number 62012345678", "Branch code 250655", "SWIFT FIRNZAJJ", "Reference KR-INV42",
                "Pay by 1 December 2026", "Дмитрий Иванов", "Page 1 of 1");
        assertThat(text).doesNotContain("IBAN");
    }

    @Test
    void bankingDetailsOnTheInvoiceWinOverTheTenants() {
        TenantId tenant = agency();

        byte[] pdf = documents.invoicePdf(tenant, invoice(new Tenant.Banking("Other Bank", "Trust account", null,
                null, null, "GB33BUKB20201555555555")));

        assertThat(Pdfs.flat(pdf)).contains("Bank Other Bank", "IBAN GB33BUKB20201555555555")
                .doesNotContain("First Rand Bank");
    }

    @Test
    void manyLinesFlowOntoMorePagesWithPageNumbers() {
        TenantId tenant = agency();
        List<DocumentLine> lines = new ArrayList<>();
        for (int i = 1; i <= 80; i++) {
            lines.add(line("Excursion day " + i, "1", "100"));
        }

        byte[] pdf = documents.quotePdf(tenant, quote(lines));

        int pages = Pdfs.pages(pdf);
        assertThat(pages).isGreaterThan(1);
        assertThat(Pdfs.flat(pdf)).contains("Excursion day 1 ", "Excursion day 80 ", "Page 1 of " + pages,
                "Page " + pages + " of " + pages);
    }

    @Test
    void theTenantsOwnTemplateWinsOverTheDefault() {
        TenantId tenant = agency();
        TenantId other = agency();
        templates.save(tenant, Documents.QUOTE_TEMPLATE, """
                <html><body><h1>Offerte <span th:text="${quote.number}">n</span></h1>
                <p th:text="|Totaal: ${quote.total}|">t</p><p th:text="${tenant.name}">t</p></body></html>
                """);

        String own = Pdfs.flat(documents.quotePdf(tenant, quote(List.of())));
        String otherText = Pdfs.flat(documents.quotePdf(other, quote(List.of())));

        assertThat(own).contains("Offerte Q-000123", "Totaal: R20 410,78", "Kaapstad Reise")
                .doesNotContain("PREPARED FOR");
        assertThat(otherText).contains("PREPARED FOR").doesNotContain("Offerte");
    }

    @Test
    void brandingColoursAndTheUploadedLogoAreApplied() throws IOException {
        TenantId tenant = agency();
        brandings.update(tenant, new TenantBrandings.BrandingUpdate("#7a3e9d", "#f2c14e", null));
        brandings.uploadLogo(tenant, png(0x00aa55));

        byte[] pdf = documents.invoicePdf(tenant, invoice(null));

        assertThat(Pdfs.images(pdf, 0)).isEqualTo(1);
        assertThat(Pdfs.hasColour(pdf, 0, 0x7a3e9d, 50)).isTrue();
        assertThat(Pdfs.hasColour(pdf, 0, 0xf2c14e, 50)).isTrue();
        assertThat(Pdfs.flat(pdf)).contains("Kaapstad Reise", "Balance due R14 410,78");
    }

    @Test
    void withoutBrandingTheDefaultColoursApply() {
        TenantId tenant = agency();

        byte[] pdf = documents.quotePdf(tenant, quote(List.of(line("Hotel", "1", "100"))));

        assertThat(Pdfs.images(pdf, 0)).isZero();
        assertThat(Pdfs.hasColour(pdf, 0, 0x0f4c81, 50)).isTrue();
    }

    @Test
    void aTenantTemplatePointingOutsideFetchesNothing() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        try {
            server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("x")));
            TenantId tenant = agency();
            templates.save(tenant, "documents/outside", """
                    <html><head><link rel="stylesheet" href="%1$s/style.css"/>
                    <style>@import url("%1$s/import.css"); body { background: url("%1$s/bg.png"); }</style></head>
                    <body><img src="%1$s/track.png"/><img th:src="${'%1$s/' + tenant.id}"/>
                    <p th:text="${tenant.name}">name</p></body></html>
                    """.formatted(server.baseUrl()));

            byte[] pdf = documents.pdf(tenant, "documents/outside", Map.of());

            assertThat(Pdfs.text(pdf)).contains("Kaapstad Reise");
            assertThat(server.getAllServeEvents()).isEmpty();
        } finally {
            server.stop();
        }
    }

    @Test
    void modelValuesAreWrittenOutAndTheModulesOwnEntriesWin() {
        TenantId tenant = agency();
        templates.save(tenant, "documents/letter", """
                <p th:text="|${amount} ${day} ${tenant.name} ${tenant.currency} ${tenant.banking.branchCode}|">x</p>
                <p th:text="${generatedAt}">x</p>
                """);
        Map<String, Object> model = new HashMap<>();
        model.put("amount", zar("1234.5"));
        model.put("day", LocalDate.of(2027, 3, 1));
        model.put("tenant", "spoofed");

        String text = Pdfs.flat(documents.pdf(tenant, "documents/letter", model));

        assertThat(text).contains("R1 234,50 1 March 2027 Kaapstad Reise ZAR 250655").doesNotContain("spoofed");
        assertThat(text).containsPattern("\\d{1,2} \\w+ 20\\d\\d, \\d\\d:\\d\\d");
    }

    @Test
    void anUnknownTemplateIsNotFound() {
        TenantId tenant = agency();

        assertThatThrownBy(() -> documents.pdf(tenant, "documents/nothing-here", Map.of()))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.NOT_FOUND);
                    assertThat(problem.type()).isEqualTo("document-template-not-found");
                });
        assertThatThrownBy(() -> documents.pdf(tenant, "../etc/passwd", Map.of()))
                .isInstanceOfSatisfying(ProblemException.class,
                        problem -> assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST));
    }

    @Test
    void aTemplateThatFailsToRenderIsNamedInA422() {
        TenantId tenant = agency();
        templates.save(tenant, "documents/broken", "<p th:text=\"${quote.number.nothing.here}\">x</p>");

        assertThatThrownBy(() -> documents.pdf(tenant, "documents/broken", Map.of()))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
                    assertThat(problem.type()).isEqualTo("document-template-invalid");
                    assertThat(problem.properties()).containsEntry("template", "documents/broken");
                    assertThat(problem.detail()).contains("documents/broken")
                            .doesNotContain("SpelEvaluationException", "Exception");
                });
    }

    @Test
    void aSourceReachingForJavaTypesIsRefusedAtRenderTimeToo() {
        TenantId tenant = agency();

        for (String source : List.of("<p th:text=\"${T(java.lang.System).getenv()}\">x</p>",
                "<p th:text=\"${new java.io.File('/etc/passwd').exists()}\">x</p>",
                "<p th:text=\"${@tenants.all()}\">x</p>")) {
            assertThatThrownBy(() -> renderer.render(tenant, "documents/probe", source, Map.of()))
                    .isInstanceOfSatisfying(ProblemException.class, problem -> {
                        assertThat(problem.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
                        assertThat(problem.type()).isEqualTo("document-template-invalid");
                        assertThat(problem.detail()).contains("documents/probe", "expressions may only read");
                    });
        }
    }

    @Test
    void aTemplateProducingTooMuchHtmlIsStopped() {
        TenantId tenant = agency();
        templates.save(tenant, "documents/huge",
                "<p th:each=\"i : ${#numbers.sequence(1, 200000)}\">A line of text that repeats a lot</p>");

        assertThatThrownBy(() -> documents.pdf(tenant, "documents/huge", Map.of()))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
                    assertThat(problem.type()).isEqualTo("document-too-large");
                });
    }

    static byte[] png(int rgb) throws IOException {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 8; x++) {
            for (int y = 0; y < 8; y++) {
                image.setRGB(x, y, rgb);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
