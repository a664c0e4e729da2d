package com.zorahai.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.knowledge.EvaluationReport;
import com.zorahai.knowledge.index.KnowledgeIndex;
import com.zorahai.knowledge.index.LocalSnapshotStore;
import com.zorahai.tenancy.TenantId;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo tenants' golden sets against their shipped knowledge, ranked by BM25. The floors are the figures recorded
 * in docs/knowledge.md: a change that makes retrieval worse fails here.
 */
class RetrievalQualityTests {

    @TempDir
    Path dir;

    private EvaluationReport evaluate(String tenantId) {
        TenantId tenant = TenantId.of(tenantId);
        try (KnowledgeIndex index = new KnowledgeIndex(dir.resolve("index"), null, new LocalSnapshotStore(dir
                .resolve("snapshots"), ""))) {
            ShippedKnowledge shipped = ShippedIndex.load(index, tenant, Path.of("clients", tenantId, "knowledge"));
            EvaluationReport report = KnowledgeEvaluator.evaluate(shipped.goldenSet(), (q, o) -> index.search(tenant,
                    q, o), null);
            return report;
        }
    }

    @Test
    void demoClinicRetrievalStaysAtItsRecordedQuality() {
        EvaluationReport report = evaluate("demo-clinic");

        assertThat(report.questions()).isEqualTo(17);
        assertThat(report.hitAt1()).isGreaterThanOrEqualTo(0.7059);
        assertThat(report.hitAt5()).isGreaterThanOrEqualTo(0.9412);
        assertThat(report.mrr()).isGreaterThanOrEqualTo(0.8137);
    }

    @Test
    void demoTravelRetrievalStaysAtItsRecordedQuality() {
        EvaluationReport report = evaluate("demo-travel");

        assertThat(report.questions()).isEqualTo(11);
        assertThat(report.hitAt1()).isGreaterThanOrEqualTo(1.0);
        assertThat(report.hitAt5()).isGreaterThanOrEqualTo(1.0);
        assertThat(report.mrr()).isGreaterThanOrEqualTo(1.0);
    }
}
