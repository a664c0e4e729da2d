package com.zorahai.knowledge.internal;

import com.zorahai.knowledge.KnowledgeDocument;
import com.zorahai.knowledge.NewQaPair;
import com.zorahai.knowledge.QaPair;
import com.zorahai.knowledge.index.IndexEntry;
import com.zorahai.knowledge.index.KnowledgeIndex;
import com.zorahai.tenancy.TenantId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Builds a bare index (no database) from a tenant's shipped knowledge files, as the seeder would. */
public final class ShippedIndex {

    private ShippedIndex() {
    }

    public static ShippedKnowledge load(KnowledgeIndex index, TenantId tenant, Path knowledgeDir) {
        ShippedKnowledge shipped = ShippedKnowledge.read(knowledgeDir);
        List<IndexEntry> entries = new ArrayList<>();
        Chunker chunker = new Chunker(1200, 200);
        for (ShippedKnowledge.ShippedFile file : shipped.documents()) {
            ExtractedDocument extracted = DocumentReader.read(file.format(), file.content());
            List<Chunker.Chunk> chunks = chunker.chunk(extracted);
            KnowledgeDocument document = new KnowledgeDocument(UUID.randomUUID().toString(), file.name(),
                    extracted.title() == null ? file.name() : extracted.title(), "shipped", file.name(),
                    file.format().contentType(), file.format().value(), file.content().length, "", chunks.size(),
                    Instant.now(), Instant.now());
            entries.addAll(KnowledgeService.entries(document, chunks));
        }
        for (NewQaPair pair : shipped.qaPairs()) {
            entries.add(KnowledgeService.entry(new QaPair(UUID.randomUUID().toString(), pair.key(), pair.question(),
                    pair.answer(), pair.tags(), "shipped", Instant.now(), Instant.now())));
        }
        index.rebuild(tenant, entries, 1);
        return shipped;
    }
}
