package com.zorahai.email.inbound.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.when;

import com.zorahai.TenantIsolation;
import com.zorahai.TestTokens;
import com.zorahai.email.EmailTestSupport;
import com.zorahai.email.InboundEmail;
import com.zorahai.email.InboundEmails;
import com.zorahai.email.inbound.DecodedEmail;
import com.zorahai.email.inbound.InboundEmailReceivedRecorder;
import com.zorahai.email.inbound.InboundMailbox;
import com.zorahai.email.inbound.InboundParsePosts;
import com.zorahai.identity.Role;
import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

class InboundParseControllerTests extends EmailTestSupport {

    private static final String PDF_HEAD = "%PDF-1.4\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    @Autowired
    InboundEmails inboundEmails;

    @Autowired
    InboundMailbox mailbox;

    @Autowired
    InboundEmailReceivedRecorder recorder;

    @Autowired
    MeterRegistry meters;

    @Test
    void aParsedPostToTheAddressRouteIsStoredOnceWithItsAttachmentAndAnnouncedOnce() throws Exception {
        Given given = tenant("s3cret-" + UUID.randomUUID());
        String messageId = "<CAF=" + UUID.randomUUID() + "@mail.example.com>";
        InboundParsePosts post = InboundParsePosts.parsed(given.address, messageId)
                .field("cc", "Bob <bob@example.com>, carol@example.com")
                .attachments(List.of(new InboundParsePosts.File("Itinerary (final).pdf", "application/pdf",
                        PDF_HEAD.getBytes(StandardCharsets.ISO_8859_1))));

        MvcTestResult first = postBasic("/webhooks/email/inbound", post, given.secret);
        assertThat(first).hasStatusOk().bodyJson().extractingPath("$.duplicate").isEqualTo(false);
        UUID id = UUID.fromString(first.getResponse().getContentAsString().replaceAll(".*\"id\":\"([^\"]+)\".*",
                "$1").trim());

        InboundEmail email = inboundEmails.find(given.id, id).orElseThrow();
        assertThat(email.messageId()).isEqualTo(messageId);
        assertThat(email.from()).isEqualTo("Jane Traveller <jane@example.com>");
        assertThat(email.to()).containsExactly("Demo Travel <" + given.address + ">");
        assertThat(email.cc()).containsExactly("Bob <bob@example.com>", "carol@example.com");
        assertThat(email.subject()).isEqualTo("Quote request: Cape Town in March");
        assertThat(email.text()).contains("5 nights in Cape Town");
        assertThat(email.html()).contains("<div dir=\"ltr\">");
        assertThat(email.headers()).contains("Message-ID: " + messageId);
        assertThat(email.spamScore()).isEqualByComparingTo(new BigDecimal("0.011"));
        assertThat(email.spf()).isEqualTo("pass");
        assertThat(email.dkim()).isEqualTo("{@example.com : pass}");
        assertThat(email.envelopeTo()).containsExactly(given.address);
        assertThat(email.status()).isEqualTo("received");
        assertThat(email.rawMime()).isFalse();
        assertThat(email.attachments()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("Itinerary (final).pdf");
            assertThat(a.contentType()).isEqualTo("application/pdf");
            assertThat(a.storageKey()).startsWith(given.id.value() + "/").endsWith("/1-itinerary_final_.pdf");
        });
        assertThat(inboundEmails.attachment(given.id, id, 0)).hasValueSatisfying(
                bytes -> assertThat(bytes).isEqualTo(PDF_HEAD.getBytes(StandardCharsets.ISO_8859_1)));
        await().atMost(Duration.ofSeconds(10)).until(() -> recorder.deliveries(id) == 1);

        assertThat(postBasic("/webhooks/email/inbound", post, given.secret)).hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.id").isEqualTo(id.toString());
                    assertThat(json).extractingPath("$.duplicate").isEqualTo(true);
                });
        assertThat(rows(given.id)).isEqualTo(1);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> recorder.deliveries(id) == 1);
    }

    @Test
    void theTenantRouteTakesTheSecretAsATokenAndKnowsTheTenantWithoutARecipient() {
        Given given = tenant("tok-" + UUID.randomUUID());
        InboundParsePosts post = InboundParsePosts.parsed("someone-else@elsewhere.example",
                "<" + UUID.randomUUID() + "@x>");

        assertThat(mvc.post().uri("/webhooks/email/inbound/{tenant}?token={token}", given.id.value(), given.secret)
                .multipart().part(post.parts()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.duplicate")
                .isEqualTo(false);
        assertThat(rows(given.id)).isEqualTo(1);
    }

    @Test
    void aRawPostIsParsedWithItsCharsetsAndKeptWhole() {
        Given given = tenant("raw-" + UUID.randomUUID());
        String messageId = "<raw-" + UUID.randomUUID() + "@mail.example.fr>";
        String mime = """
                Received: from mail.example.fr (mail.example.fr [192.0.2.10]) by mx.sendgrid.net
                From: =?ISO-8859-1?Q?Jos=E9_Mu=F1oz?= <jose@example.com>
                To: Reservations <%s>
                Cc: =?UTF-8?B?w4lsb8Ovc2U=?= <eloise@example.com>
                Subject: =?ISO-8859-1?Q?R=E9servation_=E0_Gen=E8ve?=
                Date: Mon, 23 Nov 2026 10:00:00 +0100
                Message-ID: %s
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="outer"

                --outer
                Content-Type: multipart/alternative; boundary="inner"

                --inner
                Content-Type: text/plain; charset=ISO-8859-1
                Content-Transfer-Encoding: quoted-printable

                Bonjour, nous souhaitons r=E9server deux chambres =E0 Gen=E8ve.
                Cr=E8me br=FBl=E9e incluse ?
                --inner
                Content-Type: text/html; charset=windows-1252
                Content-Transfer-Encoding: quoted-printable

                <p>Le budget est de 500 =80 par nuit, =93petit-d=E9jeuner compris=94.</p>
                --inner--
                --outer
                Content-Type: text/csv; name="voyageurs.csv"
                Content-Disposition: attachment; filename="voyageurs.csv"
                Content-Transfer-Encoding: base64

                bm9tLHByZW5vbQpNdW5veixKb3NlCg==
                --outer--
                """.formatted(given.address, messageId).replace("\n", "\r\n");

        MvcTestResult result = postBasic("/webhooks/email/inbound", InboundParsePosts.raw(given.address, mime),
                given.secret);

        assertThat(result).hasStatusOk();
        InboundEmail email = only(given.id);
        assertThat(email.messageId()).isEqualTo(messageId);
        assertThat(email.from()).isEqualTo("José Muñoz <jose@example.com>");
        assertThat(email.cc()).containsExactly("Éloïse <eloise@example.com>");
        assertThat(email.subject()).isEqualTo("Réservation à Genève");
        assertThat(email.text()).contains("réserver deux chambres à Genève").contains("Crème brûlée");
        assertThat(email.html()).isEqualTo("<p>Le budget est de 500 € par nuit, “petit-déjeuner compris”.</p>");
        assertThat(email.rawMime()).isTrue();
        assertThat(email.spf()).isEqualTo("softfail");
        assertThat(email.attachments()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("voyageurs.csv");
            assertThat(a.contentType()).isEqualTo("text/csv");
        });
        assertThat(inboundEmails.attachment(given.id, email.id(), 0)).hasValueSatisfying(
                bytes -> assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("nom,prenom\nMunoz,Jose\n"));
        byte[] stored = jdbc.sql("select raw_mime from inbound_emails where id = :id").param("id", email.id())
                .query(byte[].class).single();
        assertThat(stored).isEqualTo(mime.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void parsedBodiesAreDecodedWithTheCharsetsSendGridNames() {
        Given given = tenant("cs-" + UUID.randomUUID());
        Charset latin1 = StandardCharsets.ISO_8859_1;
        Charset cp1252 = Charset.forName("windows-1252");
        InboundParsePosts latin = InboundParsePosts.parsed(given.address, "<l-" + UUID.randomUUID() + "@x>")
                .field("text", "Olá, gostaria de um orçamento para São Paulo.", latin1)
                .field("html", "<p>Café “Müller” – 250 €</p>", cp1252)
                .field("charsets", "{\"to\":\"UTF-8\",\"html\":\"windows-1252\",\"subject\":\"UTF-8\","
                        + "\"from\":\"UTF-8\",\"text\":\"iso-8859-1\"}");
        // Outlook labels Windows-1252 text as ISO-8859-1
        InboundParsePosts outlook = InboundParsePosts.parsed(given.address, "<o-" + UUID.randomUUID() + "@x>")
                .field("text", "It’s “about” 99 €", cp1252)
                .field("charsets", "{\"text\":\"iso-8859-1\",\"html\":\"UTF-8\"}");
        InboundParsePosts unknown = InboundParsePosts.parsed(given.address, "<u-" + UUID.randomUUID() + "@x>")
                .field("text", "Grüße", latin1)
                .field("charsets", "{\"text\":\"x-no-such-charset\"}");

        assertThat(postBasic("/webhooks/email/inbound", latin, given.secret)).hasStatusOk();
        assertThat(postBasic("/webhooks/email/inbound", outlook, given.secret)).hasStatusOk();
        assertThat(postBasic("/webhooks/email/inbound", unknown, given.secret)).hasStatusOk();

        List<InboundEmail> emails = all(given.id);
        assertThat(emails).extracting(InboundEmail::text).containsExactlyInAnyOrder(
                "Olá, gostaria de um orçamento para São Paulo.", "It’s “about” 99 €", "Grüße");
        assertThat(emails).extracting(InboundEmail::html).contains("<p>Café “Müller” – 250 €</p>");
    }

    @Test
    void aTooLargePostIs413AndNothingIsStored() {
        Given given = tenant("big-" + UUID.randomUUID());
        InboundParsePosts post = InboundParsePosts.parsed(given.address, "<big-" + UUID.randomUUID() + "@x>")
                .attachments(List.of(new InboundParsePosts.File("scan.tif", "image/tiff", new byte[1100 * 1024])));
        double before = rejected("too-large");

        assertThat(postBasic("/webhooks/email/inbound/" + given.id.value(), post, given.secret))
                .hasStatus(HttpStatus.CONTENT_TOO_LARGE)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("https://zorahai.com/problems/payload-too-large");
        assertThat(rows(given.id)).isZero();
        assertThat(rejected("too-large")).isEqualTo(before + 1);
    }

    @Test
    void anAttachmentOverItsLimitIsSkippedAndNotedWhileTheMessageIsKept() {
        Given given = tenant("skip-" + UUID.randomUUID());
        InboundParsePosts post = InboundParsePosts.parsed(given.address, "<skip-" + UUID.randomUUID() + "@x>")
                .attachments(List.of(new InboundParsePosts.File("photo.jpg", "image/jpeg", new byte[100 * 1024]),
                        new InboundParsePosts.File("notes.txt", "text/plain", "hello".getBytes())));

        assertThat(postBasic("/webhooks/email/inbound", post, given.secret)).hasStatusOk();

        InboundEmail email = only(given.id);
        assertThat(email.attachments()).hasSize(2);
        assertThat(email.attachments().get(0).kept()).isFalse();
        assertThat(email.attachments().get(0).skippedReason()).isEqualTo("larger than 64KB");
        assertThat(email.attachments().get(0).sizeBytes()).isEqualTo(100 * 1024);
        assertThat(email.attachments().get(1).kept()).isTrue();
        assertThat(inboundEmails.attachment(given.id, email.id(), 0)).isEmpty();
        assertThat(inboundEmails.attachment(given.id, email.id(), 1)).hasValue("hello".getBytes());
    }

    @Test
    void aMissingOrWrongSecretIs401AndNothingIsStored() {
        Given given = tenant("auth-" + UUID.randomUUID());
        Given noSecret = tenant(null);
        InboundParsePosts post = InboundParsePosts.parsed(given.address, "<a-" + UUID.randomUUID() + "@x>");
        double before = rejected("unauthorized");

        assertThat(mvc.post().uri("/webhooks/email/inbound").multipart().part(post.parts()))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .satisfies(json -> assertThat(json).extractingPath("$.detail").asString()
                        .doesNotContain(given.secret));
        assertThat(postBasic("/webhooks/email/inbound", post, given.secret + "x"))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.post().uri("/webhooks/email/inbound/{t}?token=wrong", given.id.value()).multipart()
                .part(post.parts())).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.post().uri("/webhooks/email/inbound/{t}", noSecret.id.value())
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("inbound:".getBytes()))
                .multipart()
                .part(InboundParsePosts.parsed(noSecret.address, "<n@x>").parts()))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.post().uri("/webhooks/email/inbound/{t}", given.id.value())
                .header("Authorization", "Basic not-base64!").multipart().part(post.parts()))
                .hasStatus(HttpStatus.UNAUTHORIZED);

        assertThat(rows(given.id)).isZero();
        assertThat(rows(noSecret.id)).isZero();
        assertThat(rejected("unauthorized")).isEqualTo(before + 5);
    }

    @Test
    void anUnknownTenantIs404AndAnUnknownRecipientIsAcknowledgedAndDropped() {
        when(tenants.forWebhook(anyString())).thenThrow(ProblemException.of(HttpStatus.NOT_FOUND,
                "tenant-not-found", "Tenant not found", "No such tenant."));
        InboundParsePosts post = InboundParsePosts.parsed("nobody@inbound.example", "<d-" + UUID.randomUUID()
                + "@x>");
        double before = rejected("unknown-recipient");

        assertThat(mvc.post().uri("/webhooks/email/inbound/no-such-tenant").multipart().part(post.parts()))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("https://zorahai.com/problems/tenant-not-found");
        assertThat(mvc.post().uri("/webhooks/email/inbound").multipart().part(post.parts()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.dropped")
                .isEqualTo(true);
        assertThat(rejected("unknown-recipient")).isEqualTo(before + 1);
    }

    @Test
    void withoutAMessageIdThePostItselfIsTheKey() {
        Given given = tenant("hash-" + UUID.randomUUID());
        InboundParsePosts post = InboundParsePosts.parsed(given.address, null);
        InboundParsePosts other = InboundParsePosts.parsed(given.address, null).field("text", "Another question");

        assertThat(postBasic("/webhooks/email/inbound", post, given.secret)).bodyJson()
                .extractingPath("$.duplicate").isEqualTo(false);
        assertThat(postBasic("/webhooks/email/inbound", post, given.secret)).bodyJson()
                .extractingPath("$.duplicate").isEqualTo(true);
        assertThat(postBasic("/webhooks/email/inbound", other, given.secret)).bodyJson()
                .extractingPath("$.duplicate").isEqualTo(false);

        assertThat(rows(given.id)).isEqualTo(2);
        assertThat(all(given.id)).extracting(InboundEmail::messageId).containsOnlyNulls();
        assertThat(jdbc.sql("select dedupe_key from inbound_emails where tenant_id = :t").param("t",
                given.id.value()).query(String.class).list()).allMatch(k -> k.matches("sha256:[0-9a-f]{64}"));
    }

    @Test
    void concurrentRedeliveriesStoreOneRowAndAnnounceItOnce() throws Exception {
        TenantId tenant = TenantId.of(newTenantId());
        DecodedEmail email = new DecodedEmail("<same-" + UUID.randomUUID() + "@x>", null, "a@example.com",
                List.of("b@example.com"), List.of(), "Hi", "Hello", null, null, null, null, null, null, List.of(),
                null, List.of(new DecodedEmail.Attachment("a.txt", "text/plain", null, "x".getBytes())));
        DecodedEmail keyed = new DecodedEmail(email.messageId(), email.messageId(), email.from(), email.to(),
                email.cc(), email.subject(), email.text(), email.html(), email.headers(), email.spamScore(),
                email.spf(), email.dkim(), email.envelopeJson(), email.envelopeTo(), email.rawMime(),
                email.attachments());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<InboundMailbox.Receipt>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(() -> mailbox.receive(tenant, keyed));
            }
            List<InboundMailbox.Receipt> receipts = new ArrayList<>();
            for (Future<InboundMailbox.Receipt> future : pool.invokeAll(calls)) {
                receipts.add(future.get());
            }
            assertThat(receipts).extracting(InboundMailbox.Receipt::id).containsOnly(receipts.getFirst().id());
            assertThat(receipts).filteredOn(r -> !r.duplicate()).hasSize(1);
            assertThat(rows(tenant)).isEqualTo(1);
            UUID id = receipts.getFirst().id();
            await().atMost(Duration.ofSeconds(10)).until(() -> recorder.deliveries(id) == 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theDebugEndpointDecodesForAdminsAndStoresNothing() {
        Given given = tenant("dbg-" + UUID.randomUUID());
        InboundParsePosts post = InboundParsePosts.parsed(given.address, "<dbg-" + UUID.randomUUID() + "@x>")
                .attachments(List.of(new InboundParsePosts.File("a.pdf", "application/pdf", new byte[10])));
        String tenantOfAdmin = newTenantId();

        assertThat(mvc.post().uri("/webhooks/email/debug").multipart().part(post.parts()))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.post().uri("/webhooks/email/debug").header("Authorization", tokens.bearer(tenantOfAdmin,
                Role.CONSULTANT)).multipart().part(post.parts()))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/webhooks/email/debug").header("Authorization", tokens.bearer(tenantOfAdmin,
                Role.ADMIN)).multipart().part(post.parts()))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    // the mail routes to another tenant: its id is not shown to this tenant's admin
                    assertThat(json).extractingPath("$.detected_tenant").isNull();
                    assertThat(json).extractingPath("$.recipient_routes").isEqualTo("another_tenant");
                    assertThat(json).extractingPath("$.subject").isEqualTo("Quote request: Cape Town in March");
                    assertThat(json).extractingPath("$.from").isEqualTo("Jane Traveller <jane@example.com>");
                    assertThat(json).extractingPath("$.attachments[0].filename").isEqualTo("a.pdf");
                    assertThat(json).extractingPath("$.attachments[0].size_bytes").isEqualTo(10);
                    assertThat(json).extractingPath("$.extraction.classification").isEqualTo("new_travel_request");
                    assertThat(json).extractingPath("$.extraction.engine").isEqualTo("rules");
                    assertThat(json).extractingPath("$.extraction.destinations[0].value").isEqualTo("Cape Town");
                    assertThat(json).extractingPath("$.extraction.destinations[0].confidence").asNumber()
                            .satisfies(c -> assertThat(c.doubleValue()).isBetween(0.5, 1.0));
                    assertThat(json).extractingPath("$.extraction.destinations[0].span.text").isEqualTo(
                            "Cape Town");
                    assertThat(json).extractingPath("$.extraction.fields.adults.value").isEqualTo(2);
                    assertThat(json).extractingPath("$.extraction.fields.nights.value").isEqualTo(5);
                    assertThat(json).extractingPath("$.extraction.fields.check_in.value").isNull();
                    assertThat(json).extractingPath("$.extraction.fields.check_in.confidence").isEqualTo(0.0);
                    assertThat(json).extractingPath("$.extraction.cleaned_text").asString()
                            .contains("5 nights in Cape Town");
                });
        assertThat(rows(given.id)).isZero();
        assertThat(jdbc.sql("select count(*) from outbound_emails where tenant_id in (?, ?)")
                .params(given.id.value(), tenantOfAdmin).query(Long.class).single()).isZero();
    }

    @Test
    void staffListAndReadTheirTenantsInboundEmailsOnly() {
        Given given = tenant("api-" + UUID.randomUUID());
        postBasic("/webhooks/email/inbound", InboundParsePosts.parsed(given.address, "<1-" + UUID.randomUUID()
                + "@x>"), given.secret);
        postBasic("/webhooks/email/inbound", InboundParsePosts.parsed(given.address, "<2-" + UUID.randomUUID()
                + "@x>"), given.secret);
        List<InboundEmail> emails = all(given.id);
        inboundEmails.markProcessed(given.id, emails.get(0).id());
        inboundEmails.markFailed(given.id, emails.get(1).id(), "No quote details found");
        String auth = tokens.bearer(given.id.value(), Role.CONSULTANT);

        assertThat(mvc.get().uri("/api/v1/inbound-emails?status=failed").header("Authorization", auth))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.total").isEqualTo(1);
                    assertThat(json).extractingPath("$.items[0].id").isEqualTo(emails.get(1).id().toString());
                    assertThat(json).extractingPath("$.items[0].status").isEqualTo("failed");
                    assertThat(json).doesNotHavePath("$.items[0].text");
                });
        assertThat(mvc.get().uri("/api/v1/inbound-emails?size=1").header("Authorization", auth))
                .hasStatusOk().bodyJson().extractingPath("$.total").isEqualTo(2);
        assertThat(mvc.get().uri("/api/v1/inbound-emails/{id}", emails.get(0).id()).header("Authorization", auth))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.status").isEqualTo("processed");
                    assertThat(json).extractingPath("$.text").asString().contains("Cape Town");
                    assertThat(json).extractingPath("$.envelope_to[0]").isEqualTo(given.address);
                });
        assertThat(mvc.get().uri("/api/v1/inbound-emails?status=lost").header("Authorization", auth))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("status");
        assertThat(mvc.get().uri("/api/v1/inbound-emails").header("Authorization", tokens.bearer(given.id.value(),
                Role.AGENT))).hasStatus(HttpStatus.FORBIDDEN);
        TenantIsolation.of(mvc, tokens)
                .record("/api/v1/inbound-emails/{id}", emails.get(0).id())
                .ownedBy(given.id.value())
                .withoutUpdate()
                .withoutDelete()
                .assertInvisibleTo(newTenantId());
    }

    private MvcTestResult postBasic(String uri, InboundParsePosts post, String secret) {
        return mvc.post().uri(uri)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("inbound:" + secret)
                        .getBytes(StandardCharsets.UTF_8)))
                .multipart()
                .part(post.parts())
                .exchange();
    }

    /** A tenant receiving mail at its own address, with this inbound secret ({@code null}: none). */
    private Given tenant(String secret) {
        String id = newTenantId();
        String address = id + "@inbound.zorahai.test";
        Tenant tenant = new Tenant(TenantId.of(id), "Acme Travel", Currency.getInstance("ZAR"),
                // email intake off: these tests are about storing and reading mail, not about acting on it
                ZoneId.of("Africa/Johannesburg"), Locale.ENGLISH, Set.of(),
                new Tenant.Email(null, "hello@acme.example", "Acme Travel", null, address, null, secret), null,
                null, null, null, null, null, null, new Tenant.Branding("#aa3300", null, null), Tenant.Source.FILE);
        when(tenants.find(tenant.id())).thenReturn(Optional.of(tenant));
        when(tenants.forWebhook(id)).thenReturn(tenant);
        when(tenants.findByInboundAddress(argThat(a -> a != null && a.toLowerCase(Locale.ROOT).contains(address))))
                .thenReturn(Optional.of(tenant));
        return new Given(tenant.id(), address, secret);
    }

    private record Given(TenantId id, String address, String secret) {
    }

    private long rows(TenantId tenant) {
        return jdbc.sql("select count(*) from inbound_emails where tenant_id = :t").param("t", tenant.value())
                .query(Long.class).single();
    }

    private List<InboundEmail> all(TenantId tenant) {
        return mailbox.list(tenant, Optional.empty(), 0, 100).stream()
                .map(e -> inboundEmails.find(tenant, e.id()).orElseThrow())
                .toList();
    }

    private InboundEmail only(TenantId tenant) {
        List<InboundEmail> emails = all(tenant);
        assertThat(emails).hasSize(1);
        return emails.getFirst();
    }

    private double rejected(String reason) {
        var counter = meters.find("zorah.email.inbound.rejected").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }
}
