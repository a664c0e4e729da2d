package com.zorahai.knowledge.index;

import com.zorahai.ai.AiCallFailed;
import com.zorahai.ai.Embeddings;
import com.zorahai.knowledge.HitKind;
import com.zorahai.knowledge.KnowledgeHit;
import com.zorahai.knowledge.SearchOptions;
import com.zorahai.knowledge.SearchResults;
import com.zorahai.tenancy.TenantId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene indexes of all tenants, one folder each under the index directory. Text is ranked with BM25 over
 * language-neutral and language-specific fields; when an embeddings provider is present every entry also gets an
 * HNSW vector, and a search fuses the text and vector rankings by reciprocal rank ({@value #RRF_K}). Snapshots of a
 * tenant's index go to the {@link SnapshotStore}.
 */
public class KnowledgeIndex implements AutoCloseable {

    static final int RRF_K = 60;
    static final String VECTOR = "vector";

    private static final Logger log = LoggerFactory.getLogger(KnowledgeIndex.class);
    private static final String ID = "id";
    private static final String KIND = "kind";
    private static final String DOCUMENT_ID = "document_id";
    private static final String KEY = "key";
    private static final String TEXT = "text";
    private static final String HEADINGS = "headings";
    private static final String START = "start";
    private static final String END = "end";
    private static final String HEADING_SEPARATOR = "\u001f";

    private final Path root;
    private final Embeddings embeddings;
    private final SnapshotStore snapshots;
    private final Analyzer analyzer = Analyzers.perField();
    private final Map<TenantId, TenantIndex> open = new ConcurrentHashMap<>();

    /**
     * @param root the index directory; each tenant's index lives in {@code root/<tenant>}
     * @param embeddings the embeddings provider, or null to rank by text alone
     */
    public KnowledgeIndex(Path root, Embeddings embeddings, SnapshotStore snapshots) {
        this.root = root.toAbsolutePath().normalize();
        this.embeddings = embeddings;
        this.snapshots = snapshots;
    }

    public boolean vectorsEnabled() {
        return embeddings != null;
    }

    public String snapshotDescription() {
        return snapshots.description();
    }

    /** Whether this instance has no committed index for the tenant on disk yet. */
    public boolean isEmptyLocally(TenantId tenant) {
        if (open.containsKey(tenant)) {
            return false;
        }
        try {
            return TenantIndex.isEmpty(dir(tenant));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The generation of the tenant's local index (0 when empty). */
    public long generation(TenantId tenant) {
        return index(tenant).generation();
    }

    /** Replaces everything indexed for {@code documentId} with {@code entries} (none: deletes it). */
    public void replace(TenantId tenant, String documentId, List<IndexEntry> entries, long generation) {
        List<Document> documents = documents(entries);
        write(tenant, writer -> {
            writer.deleteDocuments(new Term(DOCUMENT_ID, documentId));
            writer.addDocuments(documents);
        }, generation, !entries.isEmpty() && documents.stream().anyMatch(d -> d.getField(VECTOR) != null));
    }

    /** Removes everything indexed for {@code documentId}. */
    public void delete(TenantId tenant, String documentId, long generation) {
        write(tenant, writer -> writer.deleteDocuments(new Term(DOCUMENT_ID, documentId)), generation, false);
    }

    /** Replaces the tenant's whole index with these entries, embedding them again when vectors are on. */
    public void rebuild(TenantId tenant, List<IndexEntry> entries, long generation) {
        List<Document> documents = documents(entries);
        Map<String, String> metadata = new HashMap<>(Map.of(TenantIndex.GENERATION, Long.toString(generation)));
        if (documents.stream().anyMatch(d -> d.getField(VECTOR) != null)) {
            metadata.put(TenantIndex.EMBEDDING_MODEL, embeddings.model());
            metadata.put(TenantIndex.DIMENSIONS, Integer.toString(embeddings.dimensions()));
        }
        try {
            index(tenant).rebuild(writer -> writer.addDocuments(documents), metadata);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(TenantId tenant, TenantIndex.IndexChange change, long generation, boolean withVectors) {
        Map<String, String> metadata = new HashMap<>(Map.of(TenantIndex.GENERATION, Long.toString(generation)));
        if (withVectors) {
            metadata.put(TenantIndex.EMBEDDING_MODEL, embeddings.model());
            metadata.put(TenantIndex.DIMENSIONS, Integer.toString(embeddings.dimensions()));
        }
        try {
            index(tenant).change(change, metadata);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many chunks and pairs the tenant's index holds. */
    public int size(TenantId tenant) {
        try {
            return index(tenant).search(searcher -> searcher.getIndexReader().numDocs());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ids of every entry of a document (or pair) in the index, for checks. */
    public List<String> idsOf(TenantId tenant, String documentId) {
        try {
            return index(tenant).search(searcher -> {
                TopDocs top = searcher.search(new TermQuery(new Term(DOCUMENT_ID, documentId)), 10_000);
                List<String> ids = new ArrayList<>();
                for (ScoreDoc hit : top.scoreDocs) {
                    ids.add(searcher.storedFields().document(hit.doc).get(ID));
                }
                return ids;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SearchResults search(TenantId tenant, String query, SearchOptions options) {
        String language = Languages.detect(query);
        Optional<Query> text = textQuery(query, language);
        Query filter = options.kinds().size() == HitKind.values().length
                ? null
                : new TermInSetQuery(KIND, options.kinds().stream().map(k -> new BytesRef(k.value())).toList());
        TenantIndex index = index(tenant);
        float[] queryVector = queryVector(index, query);
        int depth = Math.max(options.limit() * 4, 40);
        try {
            return index.search(searcher -> {
                Map<Integer, Ranked> ranked = new LinkedHashMap<>();
                if (text.isPresent()) {
                    Query q = text.get();
                    if (filter != null) {
                        q = new BooleanQuery.Builder().add(q, BooleanClause.Occur.MUST).add(filter,
                                BooleanClause.Occur.FILTER).build();
                    }
                    ScoreDoc[] hits = searcher.search(q, depth).scoreDocs;
                    for (int rank = 0; rank < hits.length; rank++) {
                        ranked.computeIfAbsent(hits[rank].doc, Ranked::new).bm25(rank, hits[rank].score);
                    }
                }
                if (queryVector != null) {
                    ScoreDoc[] hits = searcher.search(new KnnFloatVectorQuery(VECTOR, queryVector, depth, filter),
                            depth).scoreDocs;
                    for (int rank = 0; rank < hits.length; rank++) {
                        ranked.computeIfAbsent(hits[rank].doc, Ranked::new).vector(rank, hits[rank].score);
                    }
                }
                boolean hybrid = queryVector != null;
                List<Ranked> best = ranked.values().stream()
                        .sorted(Comparator.comparingDouble((Ranked r) -> -r.score(hybrid)).thenComparingInt(
                                r -> r.doc))
                        .limit(options.limit())
                        .toList();
                List<KnowledgeHit> result = new ArrayList<>(best.size());
                for (Ranked r : best) {
                    result.add(hit(searcher, r, hybrid, query, language));
                }
                return new SearchResults(result, hybrid ? "hybrid" : "bm25", language);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Ranked {

        final int doc;
        Double bm25;
        Double vector;
        double rrf;

        Ranked(int doc) {
            this.doc = doc;
        }

        void bm25(int rank, float score) {
            bm25 = (double) score;
            rrf += 1.0 / (RRF_K + rank + 1);
        }

        void vector(int rank, float score) {
            vector = (double) score;
            rrf += 1.0 / (RRF_K + rank + 1);
        }

        double score(boolean hybrid) {
            return hybrid ? rrf : bm25 == null ? 0 : bm25;
        }
    }

    private KnowledgeHit hit(IndexSearcher searcher, Ranked r, boolean hybrid, String query, String language)
            throws IOException {
        Document d = searcher.storedFields().document(r.doc);
        String headings = d.get(HEADINGS);
        List<String> path = headings == null || headings.isEmpty()
                ? List.of()
                : Arrays.asList(headings.split(HEADING_SEPARATOR));
        String title = d.get(Analyzers.TITLE);
        String text = d.get(TEXT);
        String key = d.get(KEY);
        return new KnowledgeHit(d.get(ID), HitKind.valueOf(d.get(KIND).toUpperCase(Locale.ROOT)), d.get(DOCUMENT_ID),
                key == null || key.isEmpty() ? null : key, title, path, Snippets.of(text, query), text,
                d.getField(START).numericValue().intValue(), d.getField(END).numericValue().intValue(),
                r.score(hybrid), r.bm25, r.vector, coverage(query, language, title + "\n" + String.join("\n", path)
                        + "\n" + text));
    }

    /** The share of the query's content words (stemmed, stop words left out) found in {@code text}. */
    double coverage(String query, String language, String text) {
        String field = Analyzers.BODY + "_" + language;
        Set<String> wanted = Analyzers.terms(analyzer, field, query);
        if (wanted.isEmpty()) {
            return 0;
        }
        Set<String> present = Analyzers.terms(analyzer, field, text);
        long found = wanted.stream().filter(present::contains).count();
        return (double) found / wanted.size();
    }

    private Optional<Query> textQuery(String query, String language) {
        Map<String, Float> weights = new LinkedHashMap<>();
        weights.put(Analyzers.TITLE, 1.0f);
        weights.put(Analyzers.HEADING, 0.8f);
        weights.put(Analyzers.BODY, 1.0f);
        weights.put(Analyzers.TITLE + "_" + language, 1.3f);
        weights.put(Analyzers.BODY + "_" + language, 1.2f);
        SimpleQueryParser parser = new SimpleQueryParser(analyzer, weights,
                SimpleQueryParser.PHRASE_OPERATOR | SimpleQueryParser.PRECEDENCE_OPERATORS);
        String clean = query.length() > 1000 ? query.substring(0, 1000) : query;
        try {
            return Optional.ofNullable(parser.parse(clean));
        } catch (IndexSearcher.TooManyClauses e) {
            return Optional.ofNullable(parser.parse(clean.substring(0, Math.min(clean.length(), 200))));
        }
    }

    private float[] queryVector(TenantIndex index, String query) {
        if (embeddings == null || query.isBlank()) {
            return null;
        }
        String model = index.metadata(TenantIndex.EMBEDDING_MODEL);
        String dims = index.metadata(TenantIndex.DIMENSIONS);
        if (model == null || !model.equals(embeddings.model()) || !Integer.toString(embeddings.dimensions()).equals(
                dims)) {
            return null; // the index has no vectors of this model: text ranking alone
        }
        try {
            return embeddings.embed(List.of(query)).vectors().get(0);
        } catch (AiCallFailed e) {
            log.warn("Query embedding failed ({}); ranking by text alone", e.reason());
            return null;
        }
    }

    private List<Document> documents(List<IndexEntry> entries) {
        List<float[]> vectors = vectors(entries);
        List<Document> documents = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            documents.add(document(entries.get(i), vectors == null ? null : vectors.get(i)));
        }
        return documents;
    }

    private List<float[]> vectors(List<IndexEntry> entries) {
        if (embeddings == null || entries.isEmpty()) {
            return null;
        }
        try {
            return embeddings.embed(entries.stream().map(IndexEntry::embeddingText).toList()).vectors();
        } catch (AiCallFailed e) {
            log.warn("Embedding {} entries failed ({}); they are indexed for text search only", entries.size(),
                    e.reason());
            return null;
        }
    }

    private static Document document(IndexEntry entry, float[] vector) {
        String language = Languages.detect(entry.title() + "\n" + entry.text());
        Document d = new Document();
        d.add(new StringField(ID, entry.id(), Field.Store.YES));
        d.add(new StringField(KIND, entry.kind().value(), Field.Store.YES));
        d.add(new StringField(DOCUMENT_ID, entry.documentId(), Field.Store.YES));
        d.add(new StoredField(KEY, entry.key()));
        d.add(new TextField(Analyzers.TITLE, entry.title(), Field.Store.YES));
        d.add(new TextField(Analyzers.TITLE + "_" + language, entry.title(), Field.Store.NO));
        d.add(new StoredField(HEADINGS, String.join(HEADING_SEPARATOR, entry.headingPath())));
        d.add(new TextField(Analyzers.HEADING, String.join(" ", entry.headingPath()), Field.Store.NO));
        d.add(new StoredField(TEXT, entry.text()));
        d.add(new TextField(Analyzers.BODY, entry.text(), Field.Store.NO));
        d.add(new TextField(Analyzers.BODY + "_" + language, entry.text(), Field.Store.NO));
        d.add(new StoredField(START, entry.start()));
        d.add(new StoredField(END, entry.end()));
        if (vector != null) {
            d.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.COSINE));
        }
        return d;
    }

    // --- snapshots

    /**
     * Writes the tenant's current index to the snapshot store.
     *
     * @return the generation the snapshot holds
     */
    public long snapshot(TenantId tenant) {
        TenantIndex index = index(tenant);
        try {
            Path zip = Files.createTempFile("knowledge-" + tenant.value() + "-", ".zip");
            try {
                Map<String, String> metadata = index.snapshot(zip);
                snapshots.write(tenant, zip);
                return Long.parseLong(metadata.getOrDefault(TenantIndex.GENERATION, "0"));
            } finally {
                Files.deleteIfExists(zip);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Replaces the tenant's local index with its latest snapshot.
     *
     * @return the generation restored, or empty when the store has no snapshot of the tenant
     */
    public Optional<Long> restore(TenantId tenant) {
        try {
            Path zip = Files.createTempFile("knowledge-" + tenant.value() + "-", ".zip");
            try {
                if (!snapshots.read(tenant, zip)) {
                    return Optional.empty();
                }
                TenantIndex index = open.get(tenant);
                if (index == null) {
                    Path dir = dir(tenant);
                    TenantIndex.unzip(zip, Files.createDirectories(dir));
                    index = index(tenant);
                } else {
                    index.restore(zip);
                }
                return Optional.of(index.generation());
            } finally {
                Files.deleteIfExists(zip);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the tenant's snapshot (the tenant's knowledge is gone). */
    public void deleteSnapshot(TenantId tenant) {
        try {
            snapshots.delete(tenant);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the tenant's local index and deletes its folder (the database and snapshot stay). */
    public void evict(TenantId tenant) {
        TenantIndex index = open.remove(tenant);
        try {
            if (index != null) {
                index.close();
            }
            Path dir = dir(tenant);
            if (Files.isDirectory(dir)) {
                try (var files = Files.walk(dir)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Collection<TenantId> openTenants() {
        return List.copyOf(open.keySet());
    }

    private TenantIndex index(TenantId tenant) {
        return open.computeIfAbsent(tenant, t -> {
            try {
                return new TenantIndex(dir(t), analyzer);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private Path dir(TenantId tenant) {
        return root.resolve(tenant.value());
    }

    @Override
    public void close() {
        for (TenantIndex index : open.values()) {
            try {
                index.close();
            } catch (IOException e) {
                log.warn("Closing a knowledge index failed", e);
            }
        }
        open.clear();
    }
}
