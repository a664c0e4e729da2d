package com.zorahai.knowledge.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import com.zorahai.ai.Embeddings;
import com.zorahai.ai.FakeEmbeddings;
import com.zorahai.knowledge.HitKind;
import com.zorahai.knowledge.SearchOptions;
import com.zorahai.knowledge.gcs.GcsSnapshotStore;
import com.zorahai.tenancy.TenantId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshots through the Cloud Storage adapter, on the SDK's in-memory storage. */
class SnapshotTests {

    static final TenantId TENANT = TenantId.of("snap-clinic");

    @TempDir
    Path dir;

    private final Storage storage = LocalStorageHelper.getOptions().getService();
    private final GcsSnapshotStore store = new GcsSnapshotStore(storage, "zorah-index", "faiss/prod/");

    static IndexEntry chunk(String document, int ordinal, String title, String text) {
        return new IndexEntry(document + ":" + ordinal, HitKind.CHUNK, document, null, title, List.of(title), 0, text
                .length(), text);
    }

    /** Embeddings that count the texts they were asked for. */
    static final class CountingEmbeddings implements Embeddings {

        final AtomicInteger texts = new AtomicInteger();

        @Override
        public String model() {
            return "text-embedding-3-small";
        }

        @Override
        public int dimensions() {
            return FakeEmbeddings.dimensions();
        }

        @Override
        public EmbeddingBatch embed(List<String> input) {
            texts.addAndGet(input.size());
            List<float[]> vectors = new ArrayList<>();
            input.forEach(t -> vectors.add(FakeEmbeddings.vector(t, dimensions())));
            return new EmbeddingBatch(vectors, model(), input.size());
        }
    }

    @Test
    void anEmptyInstanceRestoresTheSnapshotWithItsVectorsInsteadOfReEmbedding() {
        CountingEmbeddings first = new CountingEmbeddings();
        try (KnowledgeIndex index = new KnowledgeIndex(dir.resolve("a"), first, store)) {
            index.replace(TENANT, "doc-1", List.of(chunk("doc-1", 0, "Payments", "We accept Visa and Mastercard."),
                    chunk("doc-1", 1, "Hours", "Open Monday to Saturday.")), 7);
            assertThat(index.snapshot(TENANT)).isEqualTo(7);
        }
        assertThat(first.texts).hasValue(2);
        assertThat(storage.get(BlobId.of("zorah-index", "faiss/prod/snap-clinic/index.zip"))).isNotNull();

        CountingEmbeddings second = new CountingEmbeddings();
        try (KnowledgeIndex fresh = new KnowledgeIndex(dir.resolve("b"), second, store)) {
            assertThat(fresh.isEmptyLocally(TENANT)).isTrue();
            assertThat(fresh.restore(TENANT)).contains(7L);

            var results = fresh.search(TENANT, "credit card", SearchOptions.defaults());

            assertThat(results.ranking()).isEqualTo("hybrid");
            assertThat(results.hits().get(0).id()).isEqualTo("doc-1:0");
            assertThat(fresh.generation(TENANT)).isEqualTo(7);
        }
        // only the query was embedded: the chunks' vectors came with the snapshot
        assertThat(second.texts).hasValue(1);
    }

    @Test
    void aDeletedDocumentIsGoneFromTheNextSnapshot() {
        try (KnowledgeIndex index = new KnowledgeIndex(dir.resolve("a"), null, store)) {
            index.replace(TENANT, "keep", List.of(chunk("keep", 0, "Hours", "Open Monday to Saturday.")), 1);
            index.replace(TENANT, "erase", List.of(chunk("erase", 0, "Client list", "Jane Roe owes 400 dollars.")),
                    2);
            index.snapshot(TENANT);
            index.delete(TENANT, "erase", 3);
            assertThat(index.idsOf(TENANT, "erase")).isEmpty();
            assertThat(index.snapshot(TENANT)).isEqualTo(3);
        }
        try (KnowledgeIndex restored = new KnowledgeIndex(dir.resolve("b"), null, store)) {
            restored.restore(TENANT);

            assertThat(restored.search(TENANT, "Jane Roe dollars", SearchOptions.defaults()).hits()).isEmpty();
            assertThat(restored.idsOf(TENANT, "erase")).isEmpty();
            assertThat(restored.idsOf(TENANT, "keep")).containsExactly("keep:0");
            assertThat(restored.size(TENANT)).isEqualTo(1);
        }
    }

    @Test
    void restoringOverAnOpenIndexReplacesIt() {
        try (KnowledgeIndex index = new KnowledgeIndex(dir.resolve("a"), null, store)) {
            index.replace(TENANT, "old", List.of(chunk("old", 0, "Old", "Old opening hours.")), 1);
            index.snapshot(TENANT);
            index.replace(TENANT, "new", List.of(chunk("new", 0, "New", "New opening hours.")), 2);
            assertThat(index.size(TENANT)).isEqualTo(2);

            assertThat(index.restore(TENANT)).contains(1L);

            assertThat(index.size(TENANT)).isEqualTo(1);
            assertThat(index.search(TENANT, "opening hours", SearchOptions.defaults()).hits()).extracting("id")
                    .containsExactly("old:0");
        }
    }

    @Test
    void vectorsOfOpenAisLengthIndexAndComeBackFromASnapshot() {
        Embeddings wide = new KnowledgeIndexBench.LocalEmbeddings();
        try (KnowledgeIndex index = new KnowledgeIndex(dir.resolve("a"), wide, store)) {
            index.replace(TENANT, "d", List.of(chunk("d", 0, "Payments", "We accept Visa and Mastercard.")), 1);
            index.snapshot(TENANT);
        }
        try (KnowledgeIndex restored = new KnowledgeIndex(dir.resolve("b"), wide, store)) {
            restored.restore(TENANT);
            var hit = restored.search(TENANT, "visa", SearchOptions.defaults()).hits().get(0);
            assertThat(wide.dimensions()).isEqualTo(1536);
            assertThat(hit.vectorScore()).isNotNull();
        }
    }

    @Test
    void noSnapshotMeansNothingToRestore() throws Exception {
        try (KnowledgeIndex index = new KnowledgeIndex(dir.resolve("a"), null, store)) {
            assertThat(index.restore(TenantId.of("never-indexed"))).isEmpty();
        }
        assertThat(store.delete(TenantId.of("never-indexed"))).isFalse();
        assertThat(store.description()).isEqualTo("gs://zorah-index/faiss/prod/");
    }

    @Test
    void theLocalFolderStoreKeepsOneSnapshotPerTenant() throws Exception {
        LocalSnapshotStore local = new LocalSnapshotStore(dir.resolve("snapshots"), "knowledge");
        try (KnowledgeIndex index = new KnowledgeIndex(dir.resolve("a"), null, local)) {
            index.replace(TENANT, "d", List.of(chunk("d", 0, "Hours", "Open daily.")), 1);
            index.snapshot(TENANT);
            index.snapshot(TENANT);
        }
        assertThat(dir.resolve("snapshots/knowledge/snap-clinic/index.zip")).isRegularFile();
        try (KnowledgeIndex restored = new KnowledgeIndex(dir.resolve("b"), null, local)) {
            assertThat(restored.restore(TENANT)).contains(1L);
            assertThat(restored.size(TENANT)).isEqualTo(1);
        }
        assertThat(local.delete(TENANT)).isTrue();
    }
}
