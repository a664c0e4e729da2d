package com.zorahai.knowledge.internal;

import com.zorahai.knowledge.GoldenQuestion;
import com.zorahai.knowledge.KnowledgeDocument;
import com.zorahai.knowledge.QaPair;
import com.zorahai.tenancy.TenantId;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The knowledge tables. Every query names the tenant. */
@Repository
public class KnowledgeStore {

    private static final String DOCUMENT_COLUMNS = """
            id, doc_key, title, source, filename, content_type, format, size_bytes, sha256, chunk_count, created_at,
            updated_at""";
    private static final String QA_COLUMNS = "id, qa_key, question, answer, tags, source, created_at, updated_at";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    KnowledgeStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A stored document with its text and headings. */
    public record StoredDocument(KnowledgeDocument document, ExtractedDocument content) {

        public String text() {
            return content.text();
        }
    }

    /** The version of a tenant's knowledge, and of its latest snapshot. */
    record IndexState(long generation, Long snapshotGeneration, Instant seededAt) {
    }

    // --- documents

    /** Inserts the document; false when its key is taken in the tenant. */
    boolean insertDocument(TenantId tenant, KnowledgeDocument d, ExtractedDocument content) {
        return jdbc.sql("""
                insert into knowledge_documents (id, tenant_id, doc_key, title, source, filename, content_type, format,
                    size_bytes, sha256, text, headings, chunk_count, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
                on conflict (tenant_id, doc_key) do nothing""")
                .params(UUID.fromString(d.id()), tenant.value(), d.key(), d.title(), d.source(), d.filename(),
                        d.contentType(), d.format(), d.sizeBytes(), d.sha256(), content.text(),
                        json.writeValueAsString(content.headings()), d.chunkCount(),
                        ts(d.createdAt()), ts(d.updatedAt()))
                .update() == 1;
    }

    Optional<StoredDocument> findDocument(TenantId tenant, UUID id) {
        return jdbc.sql("select " + DOCUMENT_COLUMNS
                + ", text, headings from knowledge_documents where tenant_id = ? and id = ?")
                .params(tenant.value(), id)
                .query((rs, n) -> stored(rs))
                .optional();
    }

    List<KnowledgeDocument> documents(TenantId tenant, int offset, int limit) {
        return jdbc.sql("select " + DOCUMENT_COLUMNS + " " + """
                from knowledge_documents where tenant_id = ? order by created_at desc, id limit ? offset ?""")
                .params(tenant.value(), limit, offset)
                .query(DOCUMENT_MAPPER)
                .list();
    }

    long countDocuments(TenantId tenant) {
        return jdbc.sql("select count(*) from knowledge_documents where tenant_id = ?").param(tenant.value())
                .query(Long.class).single();
    }

    /** Every document of the tenant with its text, for a rebuild. */
    List<StoredDocument> allDocuments(TenantId tenant) {
        return jdbc.sql("select " + DOCUMENT_COLUMNS
                + ", text, headings from knowledge_documents where tenant_id = ? order by id")
                .param(tenant.value())
                .query((rs, n) -> stored(rs))
                .list();
    }

    boolean deleteDocument(TenantId tenant, UUID id) {
        return jdbc.sql("delete from knowledge_documents where tenant_id = ? and id = ?").params(tenant.value(), id)
                .update() == 1;
    }

    // --- Q&A

    boolean insertQa(TenantId tenant, QaPair qa) {
        return jdbc.sql("""
                insert into knowledge_qa_pairs (id, tenant_id, qa_key, question, answer, tags, source, created_at,
                    updated_at)
                values (?, ?, ?, ?, ?, ?::text[], ?, ?, ?)
                on conflict (tenant_id, qa_key) do nothing""")
                .params(UUID.fromString(qa.id()), tenant.value(), qa.key(), qa.question(), qa.answer(),
                        qa.tags().toArray(String[]::new), qa.source(), ts(qa.createdAt()), ts(qa.updatedAt()))
                .update() == 1;
    }

    boolean updateQa(TenantId tenant, QaPair qa) {
        return jdbc.sql("""
                update knowledge_qa_pairs set question = ?, answer = ?, tags = ?::text[], updated_at = ?
                where tenant_id = ? and id = ?""")
                .params(qa.question(), qa.answer(), qa.tags().toArray(String[]::new), ts(qa.updatedAt()),
                        tenant.value(), UUID.fromString(qa.id()))
                .update() == 1;
    }

    Optional<QaPair> findQa(TenantId tenant, UUID id) {
        return jdbc.sql("select " + QA_COLUMNS + " from knowledge_qa_pairs where tenant_id = ? and id = ?")
                .params(tenant.value(), id)
                .query(QA_MAPPER)
                .optional();
    }

    List<QaPair> qaPairs(TenantId tenant, String tag, int offset, int limit) {
        return jdbc.sql("select " + QA_COLUMNS + " " + """
                from knowledge_qa_pairs where tenant_id = ? and (cast(? as text) is null or ? = any(tags))
                order by created_at desc, id limit ? offset ?""")
                .params(tenant.value(), tag, tag, limit, offset)
                .query(QA_MAPPER)
                .list();
    }

    long countQa(TenantId tenant, String tag) {
        return jdbc
                .sql("""
                        select count(*) from knowledge_qa_pairs where tenant_id = ? and (cast(? as text) is null or ? = any(tags))""")
                .params(tenant.value(), tag, tag)
                .query(Long.class)
                .single();
    }

    List<QaPair> allQa(TenantId tenant) {
        return jdbc.sql("select " + QA_COLUMNS + " from knowledge_qa_pairs where tenant_id = ? order by id")
                .param(tenant.value())
                .query(QA_MAPPER)
                .list();
    }

    boolean deleteQa(TenantId tenant, UUID id) {
        return jdbc.sql("delete from knowledge_qa_pairs where tenant_id = ? and id = ?").params(tenant.value(), id)
                .update() == 1;
    }

    // --- style guide

    Optional<String> styleGuide(TenantId tenant) {
        return jdbc.sql("select text from knowledge_style_guides where tenant_id = ?").param(tenant.value())
                .query(String.class).optional();
    }

    Optional<Instant> styleGuideUpdatedAt(TenantId tenant) {
        return jdbc.sql("select updated_at from knowledge_style_guides where tenant_id = ?").param(tenant.value())
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).optional();
    }

    void saveStyleGuide(TenantId tenant, String text, Instant now) {
        jdbc.sql("""
                insert into knowledge_style_guides (tenant_id, text, updated_at) values (?, ?, ?)
                on conflict (tenant_id) do update set text = excluded.text, updated_at = excluded.updated_at""")
                .params(tenant.value(), text, ts(now))
                .update();
    }

    // --- golden set

    List<GoldenQuestion> goldenSet(TenantId tenant) {
        return jdbc.sql("""
                select question, expected_documents, expected_qa, keywords from knowledge_golden_questions
                where tenant_id = ? order by position""")
                .param(tenant.value())
                .query((rs, n) -> new GoldenQuestion(rs.getString("question"), list(rs.getArray(
                        "expected_documents")), list(rs.getArray("expected_qa")), list(rs.getArray("keywords"))))
                .list();
    }

    void replaceGoldenSet(TenantId tenant, List<GoldenQuestion> questions) {
        jdbc.sql("delete from knowledge_golden_questions where tenant_id = ?").param(tenant.value()).update();
        int position = 0;
        for (GoldenQuestion q : questions) {
            jdbc.sql("""
                    insert into knowledge_golden_questions (id, tenant_id, position, question, expected_documents,
                        expected_qa, keywords)
                    values (?, ?, ?, ?, ?::text[], ?::text[], ?::text[])""")
                    .params(UUID.randomUUID(), tenant.value(), position++, q.question(),
                            q.expectedDocuments().toArray(String[]::new), q.expectedQa().toArray(String[]::new),
                            q.keywords().toArray(String[]::new))
                    .update();
        }
    }

    // --- index state

    /** Bumps the tenant's knowledge generation (creating its row) and returns the new value. */
    long bumpGeneration(TenantId tenant) {
        return jdbc.sql("""
                insert into knowledge_index_state (tenant_id, generation) values (?, 1)
                on conflict (tenant_id) do update set generation = knowledge_index_state.generation + 1
                returning generation""")
                .param(tenant.value())
                .query(Long.class)
                .single();
    }

    IndexState state(TenantId tenant) {
        return jdbc.sql("""
                select generation, snapshot_generation, seeded_at from knowledge_index_state where tenant_id = ?""")
                .param(tenant.value())
                .query((rs, n) -> new IndexState(rs.getLong("generation"), (Long) rs.getObject(
                        "snapshot_generation"), instant(rs, "seeded_at")))
                .optional()
                .orElse(new IndexState(0, null, null));
    }

    void snapshotTaken(TenantId tenant, long generation, Instant at) {
        jdbc.sql("""
                update knowledge_index_state set snapshot_generation = ?, snapshot_at = ?
                where tenant_id = ? and (snapshot_generation is null or snapshot_generation <= ?)""")
                .params(generation, ts(at), tenant.value(), generation)
                .update();
    }

    /** Claims the first load of the shipped files for this tenant; false when it was done (or is being done). */
    boolean claimSeed(TenantId tenant, Instant now) {
        jdbc.sql("insert into knowledge_index_state (tenant_id) values (?) on conflict (tenant_id) do nothing")
                .param(tenant.value()).update();
        return jdbc.sql("update knowledge_index_state set seeded_at = ? where tenant_id = ? and seeded_at is null")
                .params(ts(now), tenant.value())
                .update() == 1;
    }

    private StoredDocument stored(ResultSet rs) throws SQLException {
        KnowledgeDocument document = document(rs);
        List<ExtractedDocument.Heading> headings = json.readValue(rs.getString("headings"), HEADINGS);
        return new StoredDocument(document, new ExtractedDocument(document.title(), rs.getString("text"),
                headings));
    }

    private static final TypeReference<List<ExtractedDocument.Heading>> HEADINGS = new TypeReference<>() {
    };

    private static final RowMapper<KnowledgeDocument> DOCUMENT_MAPPER = (rs, n) -> document(rs);

    private static KnowledgeDocument document(ResultSet rs) throws SQLException {
        return new KnowledgeDocument(rs.getString("id"), rs.getString("doc_key"), rs.getString("title"), rs
                .getString("source"), rs.getString("filename"), rs.getString("content_type"), rs.getString("format"),
                rs.getLong("size_bytes"), rs.getString("sha256"), rs.getInt("chunk_count"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static final RowMapper<QaPair> QA_MAPPER = (rs, n) -> new QaPair(rs.getString("id"), rs.getString(
            "qa_key"), rs.getString("question"), rs.getString("answer"), list(rs.getArray("tags")),
            rs.getString(
                    "source"),
            instant(rs, "created_at"), instant(rs, "updated_at"));

    private static List<String> list(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
