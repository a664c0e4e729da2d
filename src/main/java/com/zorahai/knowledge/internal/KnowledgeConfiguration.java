package com.zorahai.knowledge.internal;

import com.google.cloud.storage.StorageOptions;
import com.zorahai.ai.Embeddings;
import com.zorahai.knowledge.gcs.GcsSnapshotStore;
import com.zorahai.knowledge.index.KnowledgeIndex;
import com.zorahai.knowledge.index.LocalSnapshotStore;
import com.zorahai.knowledge.index.SnapshotStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Wires the index: vectors when an embeddings provider exists, snapshots in Cloud Storage when
 * {@code FAISS_BUCKET_NAME} is set (Application Default Credentials, project {@code GCP_PROJECT_ID} when set), in a
 * local folder otherwise. Says at startup which.
 */
@Configuration(proxyBeanMethods = false)
class KnowledgeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeConfiguration.class);

    @Bean
    SnapshotStore knowledgeSnapshotStore(KnowledgeProperties properties, Environment environment) {
        KnowledgeProperties.Snapshots snapshots = properties.snapshots();
        if (snapshots.bucket() != null && !snapshots.bucket().isBlank()) {
            StorageOptions.Builder options = StorageOptions.newBuilder();
            String project = environment.getProperty("GCP_PROJECT_ID");
            if (project != null && !project.isBlank()) {
                options.setProjectId(project);
            }
            return new GcsSnapshotStore(options.build().getService(), snapshots.bucket().strip(), snapshots.prefix());
        }
        return new LocalSnapshotStore(snapshots.localDir(), snapshots.prefix());
    }

    @Bean(destroyMethod = "close")
    KnowledgeIndex knowledgeIndex(KnowledgeProperties properties, ObjectProvider<Embeddings> embeddings,
            SnapshotStore knowledgeSnapshotStore) {
        Embeddings provider = embeddings.getIfAvailable();
        KnowledgeIndex index = new KnowledgeIndex(properties.indexDir(), provider, knowledgeSnapshotStore);
        log.info("Knowledge index under {}: {} ranking; snapshots in {}", properties.indexDir().toAbsolutePath()
                .normalize(),
                provider == null
                        ? "BM25 (no embeddings configured)"
                        : "hybrid BM25 + " + provider.model() + " vectors",
                knowledgeSnapshotStore.description());
        return index;
    }

    @Bean
    Chunker knowledgeChunker(KnowledgeProperties properties) {
        if (properties.chunkOverlap() >= properties.chunkSize()) {
            throw new IllegalStateException("zorah.knowledge.chunk-overlap must be smaller than "
                    + "zorah.knowledge.chunk-size");
        }
        return new Chunker(properties.chunkSize(), properties.chunkOverlap());
    }
}
