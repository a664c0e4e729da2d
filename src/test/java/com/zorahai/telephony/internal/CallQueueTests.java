package com.zorahai.telephony.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zorahai.TenantIsolation;
import com.zorahai.crm.ClientSource;
import com.zorahai.crm.ClientUpsert;
import com.zorahai.crm.Clients;
import com.zorahai.identity.Role;
import com.zorahai.telephony.TelephonyEventsRecorder;
import com.zorahai.telephony.TelephonyProviderTest;
import com.zorahai.telephony.TelephonyTenants;
import com.zorahai.telephony.VapiPosts;
import com.zorahai.tenancy.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The outbound call queue: the API, calling hours in the callee's zone, the do-not-call list, retries by outcome
 * and the worker, with VAPI played by WireMock.
 */
class CallQueueTests extends TelephonyProviderTest {

    @Autowired
    CallQueueWorker worker;

    @Autowired
    CallQueueRunner runner;

    @Autowired
    CallQueueStore store;

    @Autowired
    Clients clients;

    @Autowired
    TelephonyEventsRecorder events;

    @BeforeEach
    void anyCall() {
        // calls of other tests' rows that become due: accepted, never reported
        VAPI.stubFor(post(urlEqualTo("/call")).atPriority(10).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"call-other\",\"status\":\"queued\"}")));
    }

    @Test
    void aQueuedCallIsListedReadAndCancelledByItsTenantOnly() {
        String tenant = openAllDay(TelephonyTenants.create(jdbc, "UTC"));
        String agent = tokens.bearer(tenant, Role.AGENT);

        MvcTestResult created = mvc.post().uri("/api/v1/call-queue").header("Authorization", agent)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"phone_number\":\"+27825551234\",\"purpose\":\"Follow up on the Zanzibar quote\","
                        + "\"max_attempts\":2}")
                .exchange();
        assertThat(created).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.status").isEqualTo("queued");
        assertThat(created).bodyJson().extractingPath("$.assistant").isEqualTo("outbound");
        assertThat(created).bodyJson().extractingPath("$.max_attempts").isEqualTo(2);
        String id = id(created);

        assertThat(mvc.get().uri("/api/v1/call-queue?status=queued").header("Authorization", agent)).hasStatusOk()
                .bodyJson().extractingPath("$.items[0].id").isEqualTo(id);
        TenantIsolation.of(mvc, tokens).record("/api/v1/call-queue/{id}", id).ownedBy(tenant).withoutUpdate()
                .assertInvisibleTo(TelephonyTenants.create(jdbc, "UTC"));

        assertThat(mvc.delete().uri("/api/v1/call-queue/{id}", id).header("Authorization", agent))
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(mvc.delete().uri("/api/v1/call-queue/{id}", id).header("Authorization", agent))
                .hasStatus(HttpStatus.CONFLICT);
        assertThat(mvc.get().uri("/api/v1/call-queue/{id}", id).header("Authorization", agent)).hasStatusOk()
                .bodyJson().extractingPath("$.status").isEqualTo("cancelled");
    }

    @Test
    void badRequestsNameTheField() {
        String tenant = TelephonyTenants.create(jdbc, "UTC");
        String admin = tokens.bearer(tenant, Role.ADMIN);
        Map<String, String> bad = Map.of(
                "{\"phone_number\":\"+27825551234\"}", "purpose",
                "{\"phone_number\":\"12\",\"purpose\":\"x\"}", "phone_number",
                "{\"purpose\":\"x\"}", "phone_number",
                "{\"phone_number\":\"+27825551234\",\"purpose\":\"x\",\"assistant\":\"nope\"}", "assistant",
                "{\"phone_number\":\"+27825551234\",\"purpose\":\"x\",\"time_zone\":\"Mars/Base\"}", "time_zone",
                "{\"phone_number\":\"+27825551234\",\"purpose\":\"x\",\"client_id\":\"" + UUID.randomUUID() + "\"}",
                "client_id",
                "{\"phone_number\":\"+27825551234\",\"purpose\":\"x\",\"max_attempts\":0}", "max_attempts",
                "{\"phone_number\":\"+27825551234\",\"purpose\":\"x\",\"latest_at\":\"2020-01-01T00:00:00Z\"}",
                "latest_at");
        bad.forEach((body, field) -> assertThat(mvc.post().uri("/api/v1/call-queue").header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON).content(body)).as(body).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo(field));
    }

    @Test
    void aCallToAClientUsesTheirPhoneAndIsPlannedInsideTheirCallingHours() {
        String tenant = TelephonyTenants.create(jdbc, "Africa/Johannesburg");
        String zone = zoneOutsideCallingHours();
        String phone = "+2782" + (5000000 + (int) (Math.random() * 999999));
        UUID client = clients.upsert(TenantId.of(tenant), ClientUpsert.byPhone(phone, "Naledi", ClientSource.PHONE))
                .clientId().value();

        MvcTestResult created = mvc.post().uri("/api/v1/call-queue")
                .header("Authorization", tokens.bearer(tenant, Role.CONSULTANT)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"client_id\":\"" + client + "\",\"purpose\":\"Visa reminder\",\"time_zone\":\"" + zone
                        + "\"}")
                .exchange();

        assertThat(created).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.phone_number")
                .isEqualTo(phone);
        Instant next = OffsetDateTime.parse(json(created, "next_attempt_at")).toInstant();
        assertThat(next).isAfter(Instant.now());
        assertThat(next.atZone(ZoneId.of(zone)).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
    }

    @Test
    void theWorkerDoesNotDialOutsideTheCalleesCallingHours() {
        String tenant = TelephonyTenants.create(jdbc, "UTC");
        activeNumber(tenant);
        String zone = zoneOutsideCallingHours();
        String phone = "+2782" + (5000000 + (int) (Math.random() * 999999));
        UUID id = enqueue(tenant, "{\"phone_number\":\"" + phone + "\",\"purpose\":\"Quiet hours\",\"time_zone\":\""
                + zone + "\"}");
        makeDue(id);

        worker.runOnce();

        VAPI.verify(0, postRequestedFor(urlEqualTo("/call"))
                .withRequestBody(matchingJsonPath("$.customer.number", equalTo(phone))));
        QueueEntry entry = store.find(TenantId.of(tenant), id).orElseThrow();
        assertThat(entry.status()).isEqualTo("queued");
        assertThat(entry.attempts()).isZero();
        assertThat(entry.lastError()).isEqualTo("outside calling hours");
        assertThat(entry.nextAttemptAt().atZone(ZoneId.of(zone)).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
    }

    @Test
    void numbersOnTheDoNotCallListAreNeverQueuedOrDialled() {
        String tenant = openAllDay(TelephonyTenants.create(jdbc, "UTC"));
        activeNumber(tenant);
        String admin = tokens.bearer(tenant, Role.ADMIN);
        String phone = "+2782" + (5000000 + (int) (Math.random() * 999999));
        UUID queued = enqueue(tenant, "{\"phone_number\":\"" + phone + "\",\"purpose\":\"Offer\"}");

        assertThat(mvc.post().uri("/api/v1/dnc").header("Authorization", tokens.bearer(tenant, Role.AGENT))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"phone_number\":\"" + phone + "\",\"reason\":\"Asked by email\"}"))
                .hasStatus(HttpStatus.CREATED);
        assertThat(mvc.post().uri("/api/v1/dnc").header("Authorization", admin).contentType(MediaType.APPLICATION_JSON)
                .content("{\"phone_number\":\"" + phone + "\"}")).hasStatusOk();
        assertThat(store.find(TenantId.of(tenant), queued).orElseThrow().status()).isEqualTo("blocked");
        assertThat(mvc.post().uri("/api/v1/call-queue").header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"phone_number\":\"" + phone + "\",\"purpose\":\"Offer\"}")).hasStatus(HttpStatus.CONFLICT)
                .bodyJson().extractingPath("$.type").isEqualTo("https://zorahai.com/problems/do-not-call");

        // a row that was already claimable when the number was listed is checked again before dialling
        jdbc.sql("update outbound_call_queue set status = 'queued', next_attempt_at = now() where id = ?")
                .param(queued).update();
        worker.runOnce();
        assertThat(store.find(TenantId.of(tenant), queued).orElseThrow().status()).isEqualTo("blocked");
        VAPI.verify(0, postRequestedFor(urlEqualTo("/call"))
                .withRequestBody(matchingJsonPath("$.customer.number", equalTo(phone))));

        MvcTestResult list = mvc.get().uri("/api/v1/dnc").header("Authorization", admin).exchange();
        assertThat(list).hasStatusOk().bodyJson().extractingPath("$.items[0].phone_number").isEqualTo(phone);
        String entry = id(list);
        assertThat(mvc.delete().uri("/api/v1/dnc/{id}", entry).header("Authorization", tokens.bearer(tenant,
                Role.AGENT))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.delete().uri("/api/v1/dnc/{id}", entry).header("Authorization", admin))
                .hasStatus(HttpStatus.NO_CONTENT);
    }

    @Test
    void noAnswerIsRetriedWithBackoffUntilTheAttemptsAreUsedUp() {
        String tenant = openAllDay(TelephonyTenants.create(jdbc, "UTC"));
        String vapiNumber = activeNumber(tenant);
        String phone = "+2782" + (5000000 + (int) (Math.random() * 999999));
        UUID id = enqueue(tenant, "{\"phone_number\":\"" + phone + "\",\"purpose\":\"Reminder\",\"max_attempts\":2}");
        String first = "call-" + UUID.randomUUID();
        stubCall(phone, first, 0);

        worker.runOnce();

        VAPI.verify(postRequestedFor(urlEqualTo("/call"))
                .withRequestBody(matchingJsonPath("$.customer.number", equalTo(phone)))
                .withRequestBody(matchingJsonPath("$.assistantId", equalTo("asst-outbound-" + tenant)))
                .withRequestBody(matchingJsonPath("$.phoneNumberId", equalTo(vapiNumber)))
                .withRequestBody(matchingJsonPath("$.metadata.queue_entry_id", equalTo(id.toString()))));
        QueueEntry placed = store.find(TenantId.of(tenant), id).orElseThrow();
        assertThat(placed.status()).isEqualTo("in_call");
        assertThat(placed.attempts()).isEqualTo(1);

        report(tenant, first, phone, "customer-did-not-answer", "{}");
        await().atMost(Duration.ofSeconds(20)).until(() -> "queued".equals(store.find(TenantId.of(tenant), id)
                .orElseThrow().status()));
        QueueEntry retry = store.find(TenantId.of(tenant), id).orElseThrow();
        assertThat(retry.lastOutcome()).isEqualTo("no_answer");
        assertThat(retry.nextAttemptAt()).isAfter(Instant.now().plus(Duration.ofMinutes(59)));
        assertThat(retry.callRecordId()).isNotNull();
        assertThat(jdbc.sql("select queue_entry_id from call_records where id = ?").param(retry.callRecordId())
                .query(UUID.class).single()).isEqualTo(id);

        // not dialled again before its time
        worker.runOnce();
        VAPI.verify(1, postRequestedFor(urlEqualTo("/call"))
                .withRequestBody(matchingJsonPath("$.customer.number", equalTo(phone))));

        makeDue(id);
        String second = "call-" + UUID.randomUUID();
        stubCall(phone, second, 0);
        worker.runOnce();
        report(tenant, second, phone, "customer-busy", "{}");
        await().atMost(Duration.ofSeconds(20)).until(() -> "exhausted".equals(store.find(TenantId.of(tenant), id)
                .orElseThrow().status()));
        QueueEntry done = store.find(TenantId.of(tenant), id).orElseThrow();
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(done.lastOutcome()).isEqualTo("busy");
    }

    @Test
    void voicemailIsRetriedAndACompletedCallFinishesTheEntryOnTheClientsTimeline() {
        String tenant = openAllDay(TelephonyTenants.create(jdbc, "UTC"));
        activeNumber(tenant);
        String phone = "+2782" + (5000000 + (int) (Math.random() * 999999));
        UUID client = clients.upsert(TenantId.of(tenant), ClientUpsert.byPhone(phone, "Pieter", ClientSource.PHONE))
                .clientId().value();
        UUID id = enqueue(tenant, "{\"client_id\":\"" + client + "\",\"purpose\":\"Deposit due\"}");
        String first = "call-" + UUID.randomUUID();
        stubCall(phone, first, 0);
        worker.runOnce();
        report(tenant, first, phone, "voicemail", "{}");
        await().atMost(Duration.ofSeconds(20)).until(() -> "voicemail".equals(store.find(TenantId.of(tenant), id)
                .orElseThrow().lastOutcome()));
        assertThat(store.find(TenantId.of(tenant), id).orElseThrow().status()).isEqualTo("queued");

        makeDue(id);
        String second = "call-" + UUID.randomUUID();
        stubCall(phone, second, 0);
        worker.runOnce();
        report(tenant, second, phone, "customer-ended-call", "{\"outcome\":\"completed\"}");
        await().atMost(Duration.ofSeconds(20)).until(() -> "completed".equals(store.find(TenantId.of(tenant), id)
                .orElseThrow().status()));
        await().atMost(Duration.ofSeconds(20)).until(() -> events.callsOf(second).size() == 1);
        assertThat(events.callsOf(second).getFirst().direction()).isEqualTo("outbound");
        assertThat(events.callsOf(second).getFirst().clientId().value()).isEqualTo(client);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from activities where tenant_id = ? and client_id = ? and type = 'call'")
                .params(tenant, client).query(Long.class).single() == 2);
    }

    @Test
    void aCalleeWhoRefusesIsDoneAndGoesOnTheDoNotCallList() {
        String tenant = openAllDay(TelephonyTenants.create(jdbc, "UTC"));
        activeNumber(tenant);
        String phone = "+2782" + (5000000 + (int) (Math.random() * 999999));
        UUID id = enqueue(tenant, "{\"phone_number\":\"" + phone + "\",\"purpose\":\"Offer\"}");
        String call = "call-" + UUID.randomUUID();
        stubCall(phone, call, 0);
        worker.runOnce();
        report(tenant, call, phone, "assistant-ended-call", "{\"outcome\":\"refused\",\"do_not_call\":true}");

        await().atMost(Duration.ofSeconds(20)).until(() -> "refused".equals(store.find(TenantId.of(tenant), id)
                .orElseThrow().status()));
        assertThat(jdbc.sql("select source from do_not_call where tenant_id = ? and phone_number = ?")
                .params(tenant, phone).query(String.class).single()).isEqualTo("call");
    }

    @Test
    void aCallVapiRefusesFailsTheEntryAndAnOutageKeepsItWaiting() {
        String tenant = openAllDay(TelephonyTenants.create(jdbc, "UTC"));
        activeNumber(tenant);
        String refused = "+2782" + (5000000 + (int) (Math.random() * 999999));
        String outage = "+2783" + (5000000 + (int) (Math.random() * 999999));
        UUID a = enqueue(tenant, "{\"phone_number\":\"" + refused + "\",\"purpose\":\"x\"}");
        UUID b = enqueue(tenant, "{\"phone_number\":\"" + outage + "\",\"purpose\":\"x\"}");
        VAPI.stubFor(post(urlEqualTo("/call")).withRequestBody(matchingJsonPath("$.customer.number",
                equalTo(refused))).willReturn(aResponse().withStatus(400)
                        .withHeader("Content-Type",
                                "application/json")
                        .withBody("{\"message\":[\"bad number\"],\"statusCode\":400}")));
        VAPI.stubFor(post(urlEqualTo("/call")).withRequestBody(matchingJsonPath("$.customer.number",
                equalTo(outage))).willReturn(aResponse().withStatus(503)));

        worker.runOnce();

        assertThat(store.find(TenantId.of(tenant), a).orElseThrow().status()).isEqualTo("failed");
        QueueEntry waiting = store.find(TenantId.of(tenant), b).orElseThrow();
        assertThat(waiting.status()).isEqualTo("queued");
        assertThat(waiting.attempts()).isZero();
        assertThat(waiting.nextAttemptAt()).isAfter(Instant.now());
    }

    @Test
    void anOverdueReportIsAskedOfVapi() {
        String tenant = openAllDay(TelephonyTenants.create(jdbc, "UTC"));
        activeNumber(tenant);
        String phone = "+2782" + (5000000 + (int) (Math.random() * 999999));
        UUID id = enqueue(tenant, "{\"phone_number\":\"" + phone + "\",\"purpose\":\"x\"}");
        String call = "call-" + UUID.randomUUID();
        stubCall(phone, call, 0);
        worker.runOnce();
        jdbc.sql("update outbound_call_queue set lease_until = now() - interval '1 minute' where id = ?").param(id)
                .update();
        VAPI.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/call/" + call))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"id\":\"" + call + "\",\"status\":\"ended\",\"endedReason\":\"customer-busy\"}")));

        worker.runOnce();

        QueueEntry entry = store.find(TenantId.of(tenant), id).orElseThrow();
        assertThat(entry.status()).isEqualTo("queued");
        assertThat(entry.lastOutcome()).isEqualTo("busy");
    }

    @Test
    void twoWorkersNeverClaimTheSameRow() throws Exception {
        String tenant = openAllDay(TelephonyTenants.create(jdbc, "UTC"));
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            UUID id = enqueue(tenant, "{\"phone_number\":\"+2782" + (5000000 + i) + "\",\"purpose\":\"x\"}");
            makeDue(id);
            ids.add(id);
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        Callable<List<UUID>> claim = () -> {
            start.await();
            List<UUID> mine = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                store.claim(5, Duration.ofMinutes(5)).forEach(e -> mine.add(e.id()));
            }
            return mine;
        };
        Future<List<UUID>> one = pool.submit(claim);
        Future<List<UUID>> two = pool.submit(claim);
        start.countDown();
        List<UUID> a = one.get();
        List<UUID> b = two.get();
        pool.shutdown();

        Set<UUID> overlap = new HashSet<>(a);
        overlap.retainAll(b);
        assertThat(overlap).isEmpty();
        assertThat(new HashSet<>(a).size()).isEqualTo(a.size());
        Set<UUID> both = new HashSet<>(a);
        both.addAll(b);
        assertThat(both).containsAll(ids);
    }

    @Test
    void twoInstancesPollingAtOnceDialEachCallOnce() throws Exception {
        String tenant = openAllDay(TelephonyTenants.create(jdbc, "UTC"));
        activeNumber(tenant);
        String phone = "+2782" + (5000000 + (int) (Math.random() * 999999));
        UUID id = enqueue(tenant, "{\"phone_number\":\"" + phone + "\",\"purpose\":\"x\"}");
        stubCall(phone, "call-" + UUID.randomUUID(), 1500);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        Callable<Boolean> poll = () -> {
            start.await();
            return runner.runLocked();
        };
        Future<Boolean> one = pool.submit(poll);
        Future<Boolean> two = pool.submit(poll);
        start.countDown();
        List<Boolean> ran = List.of(one.get(), two.get());
        pool.shutdown();

        assertThat(ran).containsExactlyInAnyOrder(true, false);
        VAPI.verify(1, postRequestedFor(urlEqualTo("/call"))
                .withRequestBody(matchingJsonPath("$.customer.number", equalTo(phone))));
        assertThat(store.find(TenantId.of(tenant), id).orElseThrow().status()).isEqualTo("in_call");
    }

    private String openAllDay(String tenant) {
        assertThat(mvc.put().uri("/api/v1/telephony/settings").header("Authorization", tokens.bearer(tenant,
                Role.OWNER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"calling_hours_start\":\"00:00\",\"calling_hours_end\":\"23:59:59\",\"calling_days\":"
                        + "[\"MON\",\"TUE\",\"WED\",\"THU\",\"FRI\",\"SAT\",\"SUN\"],\"retry_backoff_minutes\":60}"))
                .hasStatusOk();
        return tenant;
    }

    private String activeNumber(String tenant) {
        String vapiId = "pn-" + UUID.randomUUID();
        jdbc.sql("""
                insert into phone_numbers (id, tenant_id, phone_number, twilio_sid, twilio_account_sid,
                    vapi_phone_number_id, status)
                values (?, ?, ?, ?, 'AC00000000000000000000000000000000', ?, 'active')""")
                .params(UUID.randomUUID(), tenant, "+1415" + (2000000 + (int) (Math.random() * 7999999)),
                        "PN" + UUID.randomUUID().toString().replace("-", ""), vapiId)
                .update();
        return vapiId;
    }

    private UUID enqueue(String tenant, String body) {
        MvcTestResult created = mvc.post().uri("/api/v1/call-queue").header("Authorization", tokens.bearer(tenant,
                Role.ADMIN)).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
        assertThat(created).hasStatus(HttpStatus.CREATED);
        return UUID.fromString(id(created));
    }

    private void makeDue(UUID id) {
        jdbc.sql("update outbound_call_queue set next_attempt_at = now() - interval '1 second' where id = ?")
                .param(id).update();
    }

    private static void stubCall(String phone, String callId, int delayMs) {
        VAPI.stubFor(post(urlEqualTo("/call")).withRequestBody(matchingJsonPath("$.customer.number", equalTo(phone)))
                .willReturn(aResponse().withStatus(201).withFixedDelay(delayMs)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"" + callId + "\",\"type\":\"outboundPhoneCall\",\"status\":\"queued\"}")));
    }

    private void report(String tenant, String callId, String phone, String endedReason, String structured) {
        Map<String, String> values = new HashMap<>();
        values.put("CALL_ID", callId);
        values.put("CUSTOMER", phone);
        values.put("ENDED_REASON", endedReason);
        values.put("CALL_TYPE", "outboundPhoneCall");
        values.put("PHONE_ID", "pn-x");
        values.put("NUMBER", "+15005550006");
        values.put("STRUCTURED", structured);
        assertThat(mvc.post().uri("/webhooks/vapi/{t}", tenant).header("X-Vapi-Secret", TelephonyTenants
                .secretOf(tenant)).contentType(MediaType.APPLICATION_JSON).content(VapiPosts.of("end-of-call-report",
                        values)))
                .hasStatusOk();
    }

    /** A zone where it is now between 21:00 and 07:00, so 09:00-20:00 calling hours are closed. */
    private static String zoneOutsideCallingHours() {
        for (String zone : List.of("Pacific/Kiritimati", "Asia/Tokyo", "Asia/Kolkata", "Europe/London",
                "America/New_York", "Pacific/Honolulu", "Pacific/Pago_Pago")) {
            int hour = Instant.now().atZone(ZoneId.of(zone)).getHour();
            if (hour >= 21 || hour < 7) {
                return zone;
            }
        }
        throw new IllegalStateException("no zone outside calling hours");
    }

    private static String id(MvcTestResult result) {
        return json(result, "id");
    }

    private static String json(MvcTestResult result, String field) {
        try {
            return result.getResponse().getContentAsString().replaceAll(".*?\"" + field + "\":\"([^\"]+)\".*", "$1");
        } catch (java.io.UnsupportedEncodingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
