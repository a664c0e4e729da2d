package com.zorahai.knowledge.web;

import static com.zorahai.knowledge.web.KnowledgeApiTests.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zorahai.IntegrationTest;
import com.zorahai.TestTokens;
import com.zorahai.identity.Role;
import com.zorahai.knowledge.Knowledge;
import com.zorahai.knowledge.NewQaPair;
import com.zorahai.knowledge.QaPair;
import com.zorahai.knowledge.SearchOptions;
import com.zorahai.knowledge.index.KnowledgeIndex;
import com.zorahai.knowledge.internal.KnowledgeSeeder;
import com.zorahai.knowledge.internal.KnowledgeService;
import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.TenantId;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Shipped knowledge, evaluations, snapshots and catching up an empty or stale local index. */
@IntegrationTest
class KnowledgeLifecycleTests {

    static final String BASE = "/api/v1/knowledge";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    @Autowired
    KnowledgeSeeder seeder;

    @Autowired
    KnowledgeService service;

    @Autowired
    KnowledgeIndex index;

    @Autowired
    Knowledge knowledge;

    @Autowired
    MeterRegistry meters;

    private double count(String name) {
        return meters.counter(name).count();
    }

    @Test
    void theShippedClinicKnowledgeIsLoadedOnceAndMeetsItsGoldenSet() {
        TenantId clinic = TenantId.of("demo-clinic");
        assertThat(seeder.seed(clinic)).isTrue();
        assertThat(seeder.seed(clinic)).isFalse();
        String owner = tokens.bearer("demo-clinic", Role.OWNER);

        MvcTestResult documents = mvc.get().uri(BASE + "/documents").header("Authorization", owner).exchange();
        assertThat(read(documents, "$.total").toString()).isEqualTo("1");
        assertThat(read(documents, "$.items[0].key").toString()).isEqualTo("knowledge_base.txt");
        assertThat(read(documents, "$.items[0].source").toString()).isEqualTo("shipped");
        MvcTestResult qa = mvc.get().uri(BASE + "/qa?tag=ar").header("Authorization", owner).exchange();
        assertThat(read(qa, "$.total").toString()).isEqualTo("4");
        assertThat(read(mvc.get().uri(BASE + "/style-guide").header("Authorization", owner).exchange(), "$.text")
                .toString()).contains("warm, calm");
        MvcTestResult golden = mvc.get().uri(BASE + "/golden-set").header("Authorization", owner).exchange();
        assertThat(read(golden, "$.questions.length()").toString()).isEqualTo("17");

        MvcTestResult evaluation = mvc.post().uri(BASE + "/evaluations").header("Authorization", owner).exchange();

        assertThat(evaluation).hasStatusOk();
        assertThat(read(evaluation, "$.questions").toString()).isEqualTo("17");
        assertThat((Double) read(evaluation, "$.hit_at1")).isGreaterThanOrEqualTo(0.7059);
        assertThat((Double) read(evaluation, "$.hit_at5")).isGreaterThanOrEqualTo(0.9412);
        assertThat((Double) read(evaluation, "$.mrr")).isGreaterThanOrEqualTo(0.8137);
        assertThat((Double) read(evaluation, "$.keyword_match")).isGreaterThanOrEqualTo(0.8);
        assertThat(read(evaluation, "$.answered_by").toString()).isEqualTo("retrieval");
        assertThat(read(evaluation, "$.results[0].sources[0]").toString()).isEqualTo("qa:hours");

        // the facade used by the assistant answers from the same index
        assertThat(knowledge.search(clinic, "كم سعر الليزر للساقين؟", SearchOptions.top(1)).hits().get(0).key())
                .isEqualTo("ar-price-legs");
        assertThat(knowledge.styleGuide(clinic)).get().asString().contains("US dollars");
    }

    @Test
    void theGoldenSetIsReplacedAndValidated() {
        String tenant = "kl-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = tokens.bearer(tenant, Role.ADMIN);
        assertThat(mvc.post().uri(BASE + "/evaluations").header("Authorization", admin))
                .hasStatus(HttpStatus.CONFLICT);
        knowledge.addQa(TenantId.of(tenant), new NewQaPair("Do you open on Sunday?", "No, closed on Sundays.",
                List.of(), "sunday", "api"));

        assertThat(mvc.put().uri(BASE + "/golden-set").header("Authorization", admin).contentType(
                MediaType.APPLICATION_JSON).content("{\"questions\": [{\"question\": \"\"}]}"))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.put().uri(BASE + "/golden-set").header("Authorization", admin).contentType(
                MediaType.APPLICATION_JSON).content("""
                        {"questions": [{"question": "Are you open on Sundays?", "expected_qa": ["sunday"],
                          "keywords": ["closed", "holidays"]}]}""")).hasStatusOk();

        MvcTestResult evaluation = mvc.post().uri(BASE + "/evaluations").header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON).content("{\"with_answers\": false}").exchange();
        assertThat((Double) read(evaluation, "$.hit_at1")).isEqualTo(1.0);
        assertThat((Double) read(evaluation, "$.keyword_match")).isEqualTo(0.5);
        assertThat(read(evaluation, "$.results[0].keywords_missing[0]").toString()).isEqualTo("holidays");

        // with answers: the keywords are looked for in what the helpdesk would answer
        MvcTestResult answered = mvc.post().uri(BASE + "/evaluations").header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON).content("{\"with_answers\": true}").exchange();
        assertThat(read(answered, "$.answered_by").toString()).isEqualTo("answers");
        assertThat(read(answered, "$.results[0].keywords_found[0]").toString()).isEqualTo("closed");
    }

    @Test
    void aPairAddedIfAbsentTwiceAtOnceIsAddedOnceAndSearchable() throws Exception {
        TenantId tenant = TenantId.of("kl-" + UUID.randomUUID().toString().substring(0, 8));
        NewQaPair pair = new NewQaPair("Do you treat on public holidays?", "No, the clinic is closed on public "
                + "holidays.", List.of("hours"), "unanswered-holidays", "analytics");
        List<Callable<Optional<QaPair>>> adds = List.of(
                () -> knowledge.addQaIfAbsent(tenant, pair), () -> knowledge.addQaIfAbsent(tenant, pair),
                () -> knowledge.addQaIfAbsent(tenant, pair));
        try (var pool = Executors.newFixedThreadPool(3)) {
            List<Optional<QaPair>> results = pool.invokeAll(adds).stream()
                    .map(future -> {
                        try {
                            return future.get();
                        } catch (Exception ex) {
                            throw new AssertionError(ex);
                        }
                    }).toList();
            assertThat(results.stream().filter(Optional::isPresent).count()).isEqualTo(1);
        }
        assertThat(knowledge.addQaIfAbsent(tenant, pair)).isEmpty();
        assertThat(knowledge.search(tenant, "are you open on public holidays", SearchOptions.top(1)).hits().get(0)
                .key()).isEqualTo("unanswered-holidays");
        // the plain add still refuses a taken key
        assertThatThrownBy(() -> knowledge.addQa(tenant, pair))
                .isInstanceOf(ProblemException.class).hasMessageContaining("unanswered-holidays");
    }

    private String addDocument(String tenant, String title, String text) {
        MvcTestResult created = mvc.post().uri(BASE + "/documents").header("Authorization", tokens.bearer(tenant,
                Role.ADMIN)).contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"" + title
                        + "\", \"text\": \"" + text + "\"}")
                .exchange();
        assertThat(created).hasStatus(HttpStatus.CREATED);
        return read(created, "$.id");
    }

    @Test
    void anEmptyLocalIndexIsRestoredFromTheSnapshot() {
        TenantId tenant = TenantId.of("kl-" + UUID.randomUUID().toString().substring(0, 8));
        addDocument(tenant.value(), "Parking", "Valet parking is free for clients.");
        service.flushSnapshots();
        index.evict(tenant);
        service.forget(tenant);
        double restores = count("zorah.knowledge.index.restores");
        double rebuilds = count("zorah.knowledge.index.rebuilds");

        assertThat(knowledge.search(tenant, "valet parking", SearchOptions.defaults()).hits()).hasSize(1);

        assertThat(count("zorah.knowledge.index.restores")).isEqualTo(restores + 1);
        assertThat(count("zorah.knowledge.index.rebuilds")).isEqualTo(rebuilds);
    }

    @Test
    void anEmptyInstanceWhoseFirstRequestIsAChangeStillRestores() {
        TenantId tenant = TenantId.of("kl-" + UUID.randomUUID().toString().substring(0, 8));
        addDocument(tenant.value(), "Parking", "Valet parking is free for clients.");
        service.flushSnapshots();
        index.evict(tenant);
        service.forget(tenant);
        double restores = count("zorah.knowledge.index.restores");
        double rebuilds = count("zorah.knowledge.index.rebuilds");

        addDocument(tenant.value(), "Wifi", "Guest wifi password is at the reception.");

        assertThat(count("zorah.knowledge.index.restores")).isEqualTo(restores + 1);
        assertThat(count("zorah.knowledge.index.rebuilds")).isEqualTo(rebuilds);
        assertThat(knowledge.search(tenant, "valet parking", SearchOptions.defaults()).hits()).hasSize(1);
        assertThat(knowledge.search(tenant, "wifi reception", SearchOptions.defaults()).hits()).hasSize(1);
    }

    @Test
    void aSnapshotOlderThanTheDatabaseLeadsToARebuild() {
        TenantId tenant = TenantId.of("kl-" + UUID.randomUUID().toString().substring(0, 8));
        addDocument(tenant.value(), "Parking", "Valet parking is free for clients.");
        service.flushSnapshots();
        addDocument(tenant.value(), "Wifi", "Guest wifi password is at the reception.");
        index.evict(tenant);
        service.forget(tenant);
        double rebuilds = count("zorah.knowledge.index.rebuilds");

        assertThat(knowledge.search(tenant, "wifi reception", SearchOptions.defaults()).hits()).hasSize(1);
        assertThat(knowledge.search(tenant, "valet parking", SearchOptions.defaults()).hits()).hasSize(1);
        assertThat(count("zorah.knowledge.index.rebuilds")).isEqualTo(rebuilds + 1);
    }

    @Test
    void aDeletedDocumentDoesNotComeBackFromTheSnapshot() {
        TenantId tenant = TenantId.of("kl-" + UUID.randomUUID().toString().substring(0, 8));
        String id = addDocument(tenant.value(), "Debts", "Client Jane Roe owes four hundred dollars.");
        addDocument(tenant.value(), "Hours", "Open daily from nine.");
        service.flushSnapshots();
        assertThat(mvc.delete().uri(BASE + "/documents/{id}", id).header("Authorization", tokens.bearer(tenant
                .value(), Role.OWNER))).hasStatus(HttpStatus.NO_CONTENT);
        service.flushSnapshots();
        index.evict(tenant);
        service.forget(tenant);

        assertThat(knowledge.search(tenant, "Jane Roe owes", SearchOptions.defaults()).hits()).isEmpty();
        assertThat(knowledge.search(tenant, "open daily", SearchOptions.defaults()).hits()).hasSize(1);
    }
}
