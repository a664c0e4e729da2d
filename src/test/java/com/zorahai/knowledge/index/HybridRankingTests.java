package com.zorahai.knowledge.index;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.zorahai.ai.FakeEmbeddings;
import com.zorahai.ai.openai.OpenAiEmbeddings;
import com.zorahai.knowledge.HitKind;
import com.zorahai.knowledge.SearchOptions;
import com.zorahai.knowledge.SearchResults;
import com.zorahai.tenancy.TenantId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BM25 and vectors fused by reciprocal rank, with the OpenAI embeddings adapter against a fake embeddings server. */
class HybridRankingTests {

    static final TenantId TENANT = TenantId.of("hybrid-clinic");

    @TempDir
    Path dir;

    WireMockServer openai;
    OpenAIClient client;
    KnowledgeIndex hybrid;
    KnowledgeIndex bm25;

    static final List<IndexEntry> ENTRIES = List.of(
            SnapshotTests.chunk("payments", 0, "Payments", "We accept cash in US dollars, Visa and Mastercard."),
            SnapshotTests.chunk("hours", 0, "Opening hours", "Monday to Friday 9 to 7, Saturday 9 to 3."),
            SnapshotTests.chunk("aftercare", 0, "Aftercare", "Avoid saunas and swimming pools for 48 hours."),
            new IndexEntry("qa-cards", HitKind.QA, "qa-cards", "gift", "Do you sell gift cards?", List.of(), 0, 24,
                    "Yes, gift cards start at 50 dollars."));

    @BeforeEach
    void start() {
        openai = new WireMockServer(wireMockConfig().dynamicPort().extensions(new FakeEmbeddings()));
        openai.start();
        openai.stubFor(post(urlEqualTo("/v1/embeddings")).willReturn(aResponse().withTransformers(
                FakeEmbeddings.NAME)));
        client = OpenAIOkHttpClient.builder().apiKey("sk-test").baseUrl(openai.baseUrl() + "/v1").timeout(Duration
                .ofSeconds(20)).maxRetries(0).build();
        var embeddings = new OpenAiEmbeddings(client, "text-embedding-3-small", FakeEmbeddings.dimensions());
        hybrid = new KnowledgeIndex(dir.resolve("hybrid"), embeddings, new LocalSnapshotStore(dir.resolve("s"), ""));
        bm25 = new KnowledgeIndex(dir.resolve("bm25"), null, new LocalSnapshotStore(dir.resolve("s2"), ""));
        hybrid.rebuild(TENANT, ENTRIES, 1);
        bm25.rebuild(TENANT, ENTRIES, 1);
    }

    @AfterEach
    void stop() {
        hybrid.close();
        bm25.close();
        client.close();
        openai.stop();
    }

    @Test
    void vectorsFindWhatTheWordsMiss() {
        SearchResults words = bm25.search(TENANT, "can I pay by credit card", SearchOptions.defaults());
        SearchResults fused = hybrid.search(TENANT, "can I pay by credit card", SearchOptions.defaults());

        // BM25 alone matches "cards" of the gift-card pair and never the payments chunk
        assertThat(words.ranking()).isEqualTo("bm25");
        assertThat(words.hits()).extracting("id").doesNotContain("payments:0");
        assertThat(fused.ranking()).isEqualTo("hybrid");
        assertThat(fused.hits()).extracting("id").contains("payments:0");
        assertThat(fused.hits().stream().filter(h -> h.id().equals("payments:0")).findFirst().orElseThrow()
                .vectorScore()).isNotNull();
    }

    @Test
    void fusedScoresAreReciprocalRanksAndBothRankingsCount() {
        SearchResults fused = hybrid.search(TENANT, "saunas after treatment", SearchOptions.defaults());

        var top = fused.hits().get(0);
        assertThat(top.id()).isEqualTo("aftercare:0");
        // first in both rankings: 1/(60+1) twice
        assertThat(top.bm25Score()).isNotNull();
        assertThat(top.vectorScore()).isNotNull();
        assertThat(top.score()).isCloseTo(2.0 / 61, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(fused.hits()).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
    }

    @Test
    void kindsFilterBothRankings() {
        SearchResults onlyQa = hybrid.search(TENANT, "credit card", new SearchOptions(5, Set.of(HitKind.QA)));

        assertThat(onlyQa.hits()).isNotEmpty().allSatisfy(h -> assertThat(h.kind()).isEqualTo(HitKind.QA));
    }

    @Test
    void whenTheEmbeddingsServerFailsSearchFallsBackToWords() {
        openai.resetAll();
        openai.stubFor(post(urlEqualTo("/v1/embeddings")).willReturn(aResponse().withStatus(503)));

        SearchResults results = hybrid.search(TENANT, "saunas", SearchOptions.defaults());

        assertThat(results.ranking()).isEqualTo("bm25");
        assertThat(results.hits().get(0).id()).isEqualTo("aftercare:0");
    }
}
