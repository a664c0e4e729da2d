package com.zorahai.whatsapp.web;

import static com.zorahai.whatsapp.MetaPayloads.buttonReply;
import static com.zorahai.whatsapp.MetaPayloads.change;
import static com.zorahai.whatsapp.MetaPayloads.contacts;
import static com.zorahai.whatsapp.MetaPayloads.envelope;
import static com.zorahai.whatsapp.MetaPayloads.failed;
import static com.zorahai.whatsapp.MetaPayloads.messages;
import static com.zorahai.whatsapp.MetaPayloads.status;
import static com.zorahai.whatsapp.MetaPayloads.text;
import static com.zorahai.whatsapp.MetaPayloads.voiceNote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zorahai.whatsapp.MessageType;
import com.zorahai.whatsapp.WhatsAppMessageReceived;
import com.zorahai.whatsapp.WhatsAppTenants;
import com.zorahai.whatsapp.WhatsAppTestSupport;
import com.zorahai.whatsapp.internal.WebhookSecurity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

class WhatsAppWebhookTests extends WhatsAppTestSupport {

    @Test
    void theHandshakeEchoesTheChallengeOnlyForTheRightToken() {
        assertThat(mvc.get().uri("/webhook/whatsapp?hub.mode=subscribe&hub.verify_token=test-verify-token"
                + "&hub.challenge=1158201444")).hasStatusOk().hasBodyTextEqualTo("1158201444");
        assertThat(mvc.get().uri("/webhook/whatsapp?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1"))
                .hasStatus(403);
        assertThat(mvc.get().uri("/webhook/whatsapp?hub.mode=unsubscribe&hub.verify_token=test-verify-token"
                + "&hub.challenge=1")).hasStatus(403);
    }

    @Test
    void aTenantsOwnVerifyTokenAnswersOnItsPath() {
        String id = WhatsAppTenants.newId();
        tenants.create(id, "meta", "1" + System.nanoTime(), "app-secret",
                Map.of("api_token", "EAAG-token", "verify_token", "clinic-verify"));
        assertThat(mvc.get().uri("/webhook/whatsapp/{t}?hub.mode=subscribe&hub.verify_token=clinic-verify"
                + "&hub.challenge=42", id)).hasStatusOk().hasBodyTextEqualTo("42");
        assertThat(mvc.get().uri("/webhook/whatsapp/{t}?hub.mode=subscribe&hub.verify_token=test-verify-token"
                + "&hub.challenge=42", id)).hasStatus(403);
        assertThat(mvc.get().uri("/webhook/whatsapp/{t}?hub.mode=subscribe&hub.verify_token=x&hub.challenge=42",
                "no-such-tenant")).hasStatus(404);
    }

    @Test
    void aSandboxTenantTakesAnUnsignedMetaTextAndAnnouncesItOnce() {
        String id = WhatsAppTenants.newId();
        tenants.sandbox(id);
        String from = phone();
        String wamid = wamid();

        MvcTestResult result = post("/webhook/whatsapp/" + id, messages("1234", from, "Rima", text(wamid, from,
                "Hello, do you have a slot on Friday?")));

        assertThat(result).hasStatusOk().bodyJson().extractingPath("$.received").isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> recorder.received(id).size() == 1);
        WhatsAppMessageReceived event = recorder.received(id).getFirst();
        assertThat(event.contact().key()).isEqualTo(from);
        assertThat(event.contact().name()).isEqualTo("Rima");
        assertThat(event.message().type()).isEqualTo(MessageType.TEXT);
        assertThat(event.message().text()).isEqualTo("Hello, do you have a slot on Friday?");
        assertThat(event.message().providerMessageId()).isEqualTo(wamid);
        assertThat(event.botPaused()).isFalse();
        assertThat(messages.isWindowOpen(event.tenantId(), from)).isTrue();

        assertThat(post("/webhook/whatsapp/" + id, messages("1234", from, "Rima", text(wamid, from, "Hello"))))
                .hasStatusOk().bodyJson().extractingPath("$.duplicates").isEqualTo(1);
        assertThat(inbound(id)).isEqualTo(1);
    }

    @Test
    void metaNeedsAValidSignatureOverTheRawBytesAndStoresNothingWithout() {
        String id = WhatsAppTenants.newId();
        String number = "10" + System.nanoTime();
        tenants.create(id, "meta", number, "meta-app-secret", Map.of("api_token", "EAAG-token"));
        String from = phone();
        // escaped unicode and an @: re-serialising would change the bytes
        String body = messages(number, from, "Zoé", text(wamid(), from, "caf\\u00e9 @ 5pm?"));

        assertThat(post("/webhook/whatsapp/" + id, body)).hasStatus(401);
        assertThat(postSigned("/webhook/whatsapp/" + id, body, "another-secret")).hasStatus(401);
        String signatureOfBody = WebhookSecurity.sign(body.getBytes(StandardCharsets.UTF_8), "meta-app-secret");
        assertThat(mvc.post().uri("/webhook/whatsapp/" + id).contentType(MediaType.APPLICATION_JSON)
                .header("X-Hub-Signature-256", signatureOfBody).content(body + " ")).hasStatus(401)
                .bodyJson().extractingPath("$.type").isEqualTo("https://zorahai.com/problems/unauthorized");
        assertThat(inbound(id)).isZero();

        assertThat(postSigned("/webhook/whatsapp/" + id, body, "meta-app-secret")).hasStatusOk();
        assertThat(messages.recentMessages(tenants(id), conversationOf(id, from), 5)).singleElement()
                .satisfies(m -> assertThat(m.message().text()).isEqualTo("café @ 5pm?"));
    }

    @Test
    void theSharedPathRoutesEachChangeByPhoneNumberIdAndDropsUnknownNumbers() {
        String a = WhatsAppTenants.newId();
        String b = WhatsAppTenants.newId();
        String numberA = "20" + System.nanoTime();
        String numberB = "21" + System.nanoTime();
        tenants.create(a, "meta", numberA, "secret-a", Map.of("api_token", "token-a"));
        tenants.create(b, "sandbox", numberB, null, null);
        String fromA = phone();
        String fromB = phone();
        String body = envelope(
                change(numberA, contacts(fromA, null, "Ali"), "\"messages\": [" + text(wamid(), fromA, "one") + ","
                        + text(wamid(), fromA, "two") + "]"),
                change(numberB, contacts(fromB, null, "Bea"), "\"messages\": [" + text(wamid(), fromB, "three")
                        + "]"),
                change("999000999", contacts(phone(), null, "Nobody"), "\"messages\": [" + text(wamid(), phone(),
                        "lost") + "]"));

        assertThat(post("/webhook/whatsapp", body)).as("tenant a needs its signature").hasStatus(401);
        assertThat(postSigned("/webhook/whatsapp", body, "secret-a")).hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.received").isEqualTo(3);
                    assertThat(json).extractingPath("$.dropped").isEqualTo(1);
                });
        assertThat(inbound(a)).isEqualTo(2);
        assertThat(inbound(b)).isEqualTo(1);
    }

    @Test
    void aBatchOfEntriesWithMessagesAndStatusesIsReadWhole() {
        String id = WhatsAppTenants.newId();
        tenants.sandbox(id);
        String rima = phone();
        String omar = phone();
        String first = wamid();
        String body = envelope(
                change("555", contacts(rima, null, "Rima"), "\"messages\": [" + text(first, rima, "hi") + ","
                        + voiceNote(wamid(), rima, "1479537139650973") + "]"),
                change("555", contacts(omar, null, "Omar"), "\"messages\": [" + buttonReply(wamid(), omar,
                        "book-friday", "Friday", first) + "]"),
                change("555", null, "\"statuses\": [" + status("wamid.unknown." + id, "delivered", rima) + ","
                        + failed("wamid.unknown2." + id, omar, 131047, "Re-engagement message") + "]"));

        assertThat(post("/webhook/whatsapp/" + id, body)).hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.received").isEqualTo(3);
                    assertThat(json).extractingPath("$.statuses").isEqualTo(2);
                });
        await().atMost(Duration.ofSeconds(10)).until(() -> recorder.received(id).size() == 3);
        assertThat(recorder.received(id)).extracting(e -> e.message().type())
                .containsExactlyInAnyOrder(MessageType.TEXT, MessageType.AUDIO, MessageType.INTERACTIVE);
        WhatsAppMessageReceived voice = recorder.received(id).stream()
                .filter(e -> e.message().type() == MessageType.AUDIO).findFirst().orElseThrow();
        assertThat(voice.message().media().voice()).isTrue();
        assertThat(voice.message().media().storageKey()).startsWith(id + "/").endsWith(".ogg");
        WhatsAppMessageReceived reply = recorder.received(id).stream()
                .filter(e -> e.message().type() == MessageType.INTERACTIVE).findFirst().orElseThrow();
        assertThat(reply.message().reply().id()).isEqualTo("book-friday");
        assertThat(reply.message().contextMessageId()).isEqualTo(first);
        assertThat(jdbc.sql("select count(*) from whatsapp_conversations where tenant_id = :t").param("t", id)
                .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select error_code from whatsapp_status_events where tenant_id = :t and status = 'failed'")
                .param("t", id).query(Integer.class).single()).isEqualTo(131047);
    }

    @Test
    void parallelRedeliveriesOfOneMessageStoreOneRowAndAllAnswer200() throws Exception {
        String id = WhatsAppTenants.newId();
        tenants.sandbox(id);
        String from = phone();
        String body = messages("777", from, "Lina", text(wamid(), from, "same message, delivered 8 times"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> posts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                posts.add(() -> post("/webhook/whatsapp/" + id, body).getResponse().getStatus());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> future : pool.invokeAll(posts)) {
                statuses.add(future.get());
            }
            assertThat(statuses).containsOnly(200);
        } finally {
            pool.shutdownNow();
        }
        assertThat(inbound(id)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> recorder.received(id).size() == 1);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> recorder.received(id).size() == 1);
        assertThat(jdbc.sql("select unread_count from whatsapp_conversations where tenant_id = :t").param("t", id)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void badInputIsAProblemNotAFailure() {
        String id = WhatsAppTenants.newId();
        tenants.sandbox(id);
        assertThat(post("/webhook/whatsapp/" + id, "not json")).hasStatus(400);
        assertThat(post("/webhook/whatsapp/" + id, "[1,2]")).hasStatus(400);
        assertThat(post("/webhook/whatsapp/" + id, "{\"object\":\"whatsapp_business_account\"}")).hasStatusOk();
        assertThat(post("/webhook/whatsapp/Bad_Tenant", "{}")).hasStatus(404);
        assertThat(post("/webhook/whatsapp/" + id, "{\"pad\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}"))
                .hasStatus(413);
    }

    private static com.zorahai.tenancy.TenantId tenants(String id) {
        return com.zorahai.tenancy.TenantId.of(id);
    }
}
