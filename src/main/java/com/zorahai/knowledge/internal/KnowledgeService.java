package com.zorahai.knowledge.internal;

import com.zorahai.knowledge.GoldenQuestion;
import com.zorahai.knowledge.HitKind;
import com.zorahai.knowledge.KnowledgeDocument;
import com.zorahai.knowledge.NewQaPair;
import com.zorahai.knowledge.QaPair;
import com.zorahai.knowledge.SearchOptions;
import com.zorahai.knowledge.SearchResults;
import com.zorahai.knowledge.index.IndexEntry;
import com.zorahai.knowledge.index.KnowledgeIndex;
import com.zorahai.platform.FieldErrors;
import com.zorahai.platform.Page;
import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.TenantId;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Everything the knowledge API does. The database is the truth; each change bumps the tenant's generation in the
 * same transaction and is then applied to the local index, which records the generation it holds. An index that is
 * behind (a failed write, a change made by another instance, an empty folder at start) catches up from the latest
 * snapshot when that is as new, or by a rebuild from the database. Changed tenants are snapshotted after a delay.
 */
@Service
public class KnowledgeService {

    public static final int MAX_TITLE = 300;
    public static final int MAX_KEY = 200;
    public static final int MAX_QUESTION = 1000;
    public static final int MAX_ANSWER = 8000;
    public static final int MAX_STYLE_GUIDE = 20000;
    public static final int MAX_QUERY = 1000;
    static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

    private static final Logger log = LoggerFactory.getLogger(KnowledgeService.class);

    private final KnowledgeStore store;
    private final KnowledgeIndex index;
    private final Chunker chunker;
    private final KnowledgeProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock = Clock.systemUTC();
    private final Set<TenantId> ready = ConcurrentHashMap.newKeySet();
    private final Set<TenantId> dirty = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<TenantId, Object> locks = new ConcurrentHashMap<>();

    private final MeterRegistry meters;

    KnowledgeService(KnowledgeStore store, KnowledgeIndex index, Chunker chunker, KnowledgeProperties properties,
            TransactionTemplate transactions, MeterRegistry meters) {
        this.meters = meters;
        this.store = store;
        this.index = index;
        this.chunker = chunker;
        this.properties = properties;
        this.transactions = transactions;
    }

    // --- documents

    /** A document to add: the raw bytes and what the caller says about them. */
    public record Upload(String filename, String contentType, byte[] content, String title, String key,
            String source) {
    }

    public KnowledgeDocument addDocument(TenantId tenant, Upload upload) {
        prepare(tenant);
        FieldErrors errors = new FieldErrors();
        String title = errors.text("title", upload.title(), MAX_TITLE, false);
        String key = key(errors, "key", upload.key());
        String filename = upload.filename() == null || upload.filename().isBlank()
                ? null
                : stripPath(upload.filename());
        if (filename != null && filename.length() > 255) {
            errors.add("file", "its name must be at most 255 characters");
        }
        errors.throwIfAny();
        if (upload.content() == null || upload.content().length == 0) {
            throw ProblemException.invalidField("file", "is empty");
        }
        if (upload.content().length > properties.maxUploadSize().toBytes()) {
            throw ProblemException.of(HttpStatus.CONTENT_TOO_LARGE, "document-too-large", "Document too large",
                    "A document may be at most " + properties.maxUploadSize().toMegabytes() + " MB.")
                    .with("max_bytes", properties.maxUploadSize().toBytes());
        }
        DocumentFormat format = DocumentFormat.detect(upload.contentType(), filename)
                .orElseThrow(() -> ProblemException.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-document-type",
                        "Unsupported document type",
                        "Upload text/plain, text/markdown, text/html, application/pdf or a DOCX document.")
                        .with("errors", List.of(java.util.Map.of("field", "file", "reason",
                                "must be plain text, Markdown, HTML, PDF or DOCX"))));
        ExtractedDocument extracted = DocumentReader.read(format, upload.content());
        if (extracted.text().isBlank()) {
            throw DocumentReader.unreadable("The document has no text.");
        }
        String finalTitle = title != null
                ? title
                : extracted.title() != null && !extracted.title().isBlank()
                        ? truncate(extracted.title(), MAX_TITLE)
                        : filename != null ? truncate(baseName(filename), MAX_TITLE) : "Untitled";
        List<Chunker.Chunk> chunks = chunker.chunk(extracted);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        KnowledgeDocument document = new KnowledgeDocument(UUID.randomUUID().toString(), key, finalTitle,
                upload.source() == null ? "upload" : upload.source(), filename, format.contentType(), format.value(),
                upload.content().length, sha256(upload.content()), chunks.size(), now, now);
        long generation = transactions.execute(status -> {
            if (!store.insertDocument(tenant, document, extracted)) {
                throw ProblemException.of(HttpStatus.CONFLICT, "document-key-taken", "Document key taken",
                        "Another document of this tenant has the key " + key + ".").with("errors",
                                List.of(
                                        java.util.Map.of("field", "key", "reason", "is taken by another document")));
            }
            return store.bumpGeneration(tenant);
        });
        applyToIndex(tenant, () -> index.replace(tenant, document.id(), entries(document, chunks), generation));
        log.info("Knowledge document {} added for tenant {}: {} ({}, {} chunks)", document.id(), tenant.value(),
                format.value(), document.sizeBytes(), chunks.size());
        return document;
    }

    public Page<KnowledgeDocument> documents(TenantId tenant, Integer page, Integer size) {
        int p = page(page);
        int s = size(size);
        return new Page<>(store.documents(tenant, p * s, s), p, s, store.countDocuments(tenant));
    }

    public KnowledgeStore.StoredDocument document(TenantId tenant, String id) {
        return parse(id).flatMap(uuid -> store.findDocument(tenant, uuid))
                .orElseThrow(() -> ProblemException.notFound("document", id));
    }

    /** The chunks of a stored document, as they are indexed. */
    public List<Chunker.Chunk> chunks(KnowledgeStore.StoredDocument document) {
        return chunker.chunk(document.content());
    }

    public void deleteDocument(TenantId tenant, String id) {
        prepare(tenant);
        UUID uuid = parse(id).orElseThrow(() -> ProblemException.notFound("document", id));
        long generation = transactions.execute(status -> {
            if (!store.deleteDocument(tenant, uuid)) {
                throw ProblemException.notFound("document", id);
            }
            return store.bumpGeneration(tenant);
        });
        applyToIndex(tenant, () -> index.delete(tenant, uuid.toString(), generation));
        log.info("Knowledge document {} deleted for tenant {}", id, tenant.value());
    }

    // --- Q&A

    public QaPair addQa(TenantId tenant, NewQaPair pair) {
        QaPair qa = validQa(pair, null, null);
        return insertQa(tenant, qa).orElseThrow(() -> ProblemException.of(HttpStatus.CONFLICT, "qa-key-taken",
                "Q&A key taken", "Another Q&A pair of this tenant has the key " + qa.key() + ".")
                .with("errors", List.of(java.util.Map.of("field", "key", "reason", "is taken by another Q&A pair"))));
    }

    /**
     * Adds the pair unless one with its key exists already, in which case nothing changes and the result is empty. Safe
     * for redelivered events: two adds of the same key at once add one pair, and neither fails.
     */
    public Optional<QaPair> addQaIfAbsent(TenantId tenant, NewQaPair pair) {
        return insertQa(tenant, validQa(pair, null, null));
    }

    private Optional<QaPair> insertQa(TenantId tenant, QaPair qa) {
        prepare(tenant);
        Long generation = transactions.execute(status -> store.insertQa(tenant, qa)
                ? store.bumpGeneration(tenant)
                : null);
        if (generation == null) {
            return Optional.empty();
        }
        applyToIndex(tenant, () -> index.replace(tenant, qa.id(), List.of(entry(qa)), generation));
        return Optional.of(qa);
    }

    /** The outcome of an import: pairs added, and pairs skipped because their key already existed. */
    public record ImportResult(int added, int skipped) {
    }

    /** Adds many pairs in one transaction; every invalid pair is reported (as {@code [i].question}) and none added. */
    public ImportResult importQa(TenantId tenant, List<NewQaPair> pairs, String source) {
        prepare(tenant);
        if (pairs.isEmpty()) {
            throw ProblemException.invalidField("body", "must list at least one question and answer");
        }
        if (pairs.size() > 5000) {
            throw ProblemException.invalidField("body", "must list at most 5000 pairs");
        }
        FieldErrors errors = new FieldErrors();
        List<QaPair> valid = new ArrayList<>();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        for (int i = 0; i < pairs.size(); i++) {
            NewQaPair p = pairs.get(i);
            if (p == null) {
                errors.add("[" + i + "]", "must be an object with question and answer");
                continue;
            }
            valid.add(qa(errors, "[" + i + "].", new NewQaPair(p.question(), p.answer(), p.tags(), p.key(), source),
                    UUID.randomUUID().toString(), now, now));
        }
        errors.throwIfAny();
        List<QaPair> added = new ArrayList<>();
        long generation = transactions.execute(status -> {
            for (QaPair qa : valid) {
                if (store.insertQa(tenant, qa)) {
                    added.add(qa);
                }
            }
            return added.isEmpty() ? store.state(tenant).generation() : store.bumpGeneration(tenant);
        });
        if (!added.isEmpty()) {
            applyToIndex(tenant, () -> {
                for (QaPair qa : added) {
                    index.replace(tenant, qa.id(), List.of(entry(qa)), generation);
                }
            });
        }
        return new ImportResult(added.size(), valid.size() - added.size());
    }

    public QaPair updateQa(TenantId tenant, String id, NewQaPair pair) {
        prepare(tenant);
        QaPair existing = qa(tenant, id);
        QaPair qa = validQa(new NewQaPair(pair.question(), pair.answer(), pair.tags(), existing.key(), existing
                .source()), existing.id(), existing.createdAt());
        long generation = transactions.execute(status -> {
            if (!store.updateQa(tenant, qa)) {
                throw ProblemException.notFound("qa", id);
            }
            return store.bumpGeneration(tenant);
        });
        applyToIndex(tenant, () -> index.replace(tenant, qa.id(), List.of(entry(qa)), generation));
        return qa;
    }

    public QaPair qa(TenantId tenant, String id) {
        return parse(id).flatMap(uuid -> store.findQa(tenant, uuid)).orElseThrow(() -> ProblemException.notFound(
                "qa", id));
    }

    public Page<QaPair> qaPairs(TenantId tenant, String tag, Integer page, Integer size) {
        int p = page(page);
        int s = size(size);
        String t = tag == null || tag.isBlank() ? null : tag.strip().toLowerCase(Locale.ROOT);
        return new Page<>(store.qaPairs(tenant, t, p * s, s), p, s, store.countQa(tenant, t));
    }

    public void deleteQa(TenantId tenant, String id) {
        prepare(tenant);
        UUID uuid = parse(id).orElseThrow(() -> ProblemException.notFound("qa", id));
        long generation = transactions.execute(status -> {
            if (!store.deleteQa(tenant, uuid)) {
                throw ProblemException.notFound("qa", id);
            }
            return store.bumpGeneration(tenant);
        });
        applyToIndex(tenant, () -> index.delete(tenant, uuid.toString(), generation));
    }

    private QaPair validQa(NewQaPair pair, String id, Instant createdAt) {
        FieldErrors errors = new FieldErrors();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        QaPair qa = qa(errors, "", pair, id == null ? UUID.randomUUID().toString() : id, createdAt == null
                ? now
                : createdAt, now);
        errors.throwIfAny();
        return qa;
    }

    private QaPair qa(FieldErrors errors, String prefix, NewQaPair pair, String id, Instant createdAt, Instant now) {
        String question = errors.text(prefix + "question", pair.question(), MAX_QUESTION, true);
        String answer = errors.text(prefix + "answer", pair.answer(), MAX_ANSWER, true);
        String key = key(errors, prefix + "key", pair.key());
        List<String> tags = new ArrayList<>();
        if (pair.tags().size() > 20) {
            errors.add(prefix + "tags", "must list at most 20 tags");
        }
        for (int i = 0; i < pair.tags().size(); i++) {
            String tag = pair.tags().get(i) == null ? "" : pair.tags().get(i).strip().toLowerCase(Locale.ROOT);
            if (tag.isEmpty() || tag.length() > 50) {
                errors.add(prefix + "tags[" + i + "]", "must be 1 to 50 characters");
            } else if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        if (!Set.of("api", "shipped", "import", "analytics").contains(pair.source())) {
            errors.add(prefix + "source", "must be api, shipped, import or analytics");
        }
        return new QaPair(id, key, question == null ? "" : question, answer == null ? "" : answer, tags, pair
                .source(), createdAt, now);
    }

    // --- style guide

    public Optional<String> styleGuide(TenantId tenant) {
        return store.styleGuide(tenant);
    }

    public Optional<Instant> styleGuideUpdatedAt(TenantId tenant) {
        return store.styleGuideUpdatedAt(tenant);
    }

    public Instant saveStyleGuide(TenantId tenant, String text) {
        FieldErrors errors = new FieldErrors();
        String clean = errors.text("text", text, MAX_STYLE_GUIDE, true);
        errors.throwIfAny();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        store.saveStyleGuide(tenant, clean, now);
        return now;
    }

    // --- golden set

    public List<GoldenQuestion> goldenSet(TenantId tenant) {
        return store.goldenSet(tenant);
    }

    public void replaceGoldenSet(TenantId tenant, List<GoldenQuestion> questions) {
        FieldErrors errors = new FieldErrors();
        if (questions.size() > 500) {
            errors.add("questions", "must list at most 500 questions");
        }
        List<GoldenQuestion> clean = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            GoldenQuestion q = questions.get(i);
            String prefix = "questions[" + i + "].";
            String question = errors.text(prefix + "question", q.question(), MAX_QUESTION, true);
            if (q.expectedDocuments().isEmpty() && q.expectedQa().isEmpty()) {
                errors.add(prefix + "expected_documents", "or expected_qa must name at least one source");
            }
            clean.add(new GoldenQuestion(question, q.expectedDocuments(), q.expectedQa(), q.keywords()));
        }
        errors.throwIfAny();
        transactions.executeWithoutResult(status -> store.replaceGoldenSet(tenant, clean));
    }

    // --- search and index lifecycle

    public SearchResults search(TenantId tenant, String query, SearchOptions options) {
        FieldErrors errors = new FieldErrors();
        String q = errors.text("query", query, MAX_QUERY, true);
        errors.throwIfAny();
        ensureReady(tenant);
        return index.search(tenant, q, options);
    }

    /** What a rebuild did. */
    public record Reindexed(int chunks, int qaPairs, long generation, String ranking) {
    }

    /** Rebuilds the tenant's index from the database (re-embedding everything when vectors are on). */
    public Reindexed reindex(TenantId tenant) {
        synchronized (lock(tenant)) {
            long generation = store.state(tenant).generation();
            List<IndexEntry> entries = new ArrayList<>();
            int chunks = 0;
            for (KnowledgeStore.StoredDocument d : store.allDocuments(tenant)) {
                List<IndexEntry> documentEntries = entries(d.document(), chunker.chunk(d.content()));
                chunks += documentEntries.size();
                entries.addAll(documentEntries);
            }
            List<QaPair> pairs = store.allQa(tenant);
            pairs.forEach(qa -> entries.add(entry(qa)));
            index.rebuild(tenant, entries, generation);
            meters.counter("zorah.knowledge.index.rebuilds").increment();
            ready.add(tenant);
            dirty.add(tenant);
            log.info("Knowledge index of tenant {} rebuilt: {} chunks, {} Q&A pairs, generation {}", tenant.value(),
                    chunks, pairs.size(), generation);
            return new Reindexed(chunks, pairs.size(), generation, index.vectorsEnabled() ? "hybrid" : "bm25");
        }
    }

    /** Brings this instance's index of the tenant up to the database: snapshot when it is as new, else a rebuild. */
    public void sync(TenantId tenant) {
        synchronized (lock(tenant)) {
            KnowledgeStore.IndexState state = store.state(tenant);
            boolean empty = index.isEmptyLocally(tenant);
            long local = empty ? -1 : index.generation(tenant);
            if (local >= state.generation()) {
                ready.add(tenant);
                return;
            }
            if (state.snapshotGeneration() != null && state.snapshotGeneration() > local) {
                try {
                    Optional<Long> restored = index.restore(tenant);
                    if (restored.isPresent()) {
                        local = restored.get();
                        meters.counter("zorah.knowledge.index.restores").increment();
                        log.info("Knowledge index of tenant {} restored from its snapshot (generation {})", tenant
                                .value(), local);
                    }
                } catch (RuntimeException e) {
                    log.warn("Restoring the knowledge snapshot of tenant {} failed ({}); rebuilding instead", tenant
                            .value(), e.getClass().getSimpleName());
                }
            }
            if (local < state.generation()) {
                if (state.generation() == 0) {
                    ready.add(tenant);
                    return;
                }
                reindex(tenant);
            }
            ready.add(tenant);
        }
    }

    /**
     * Catches the local index up before a change is written: otherwise the change's new generation would make a
     * snapshot that is current look stale, and an empty instance would rebuild (and re-embed) instead of restoring.
     */
    private void prepare(TenantId tenant) {
        try {
            ensureReady(tenant);
        } catch (RuntimeException e) {
            log.warn("Catching up the knowledge index of tenant {} failed; the change is applied and the index "
                    + "rebuilt on next use", tenant.value(), e);
        }
    }

    void ensureReady(TenantId tenant) {
        if (!ready.contains(tenant)) {
            sync(tenant);
        }
    }

    /** Catches up every tenant this instance serves with changes made through other instances. */
    @Scheduled(fixedDelayString = "${zorah.knowledge.sync-interval:60s}", initialDelayString = "${zorah.knowledge.sync-interval:60s}")
    void syncOpenTenants() {
        for (TenantId tenant : List.copyOf(ready)) {
            try {
                sync(tenant);
            } catch (RuntimeException e) {
                log.warn("Knowledge sync of tenant {} failed", tenant.value(), e);
            }
        }
    }

    /** Writes a snapshot of every tenant changed since the last one. */
    @Scheduled(fixedDelayString = "${zorah.knowledge.snapshots.delay:30s}", initialDelayString = "${zorah.knowledge.snapshots.delay:30s}")
    public void flushSnapshots() {
        for (TenantId tenant : List.copyOf(dirty)) {
            dirty.remove(tenant);
            try {
                long generation;
                synchronized (lock(tenant)) {
                    generation = index.snapshot(tenant);
                }
                store.snapshotTaken(tenant, generation, clock.instant());
                log.info("Knowledge snapshot of tenant {} written (generation {})", tenant.value(), generation);
            } catch (RuntimeException e) {
                dirty.add(tenant);
                log.warn("Knowledge snapshot of tenant {} failed; retried with the next one", tenant.value(), e);
            }
        }
    }

    /** Forgets that this instance's index of the tenant is current (tests, and after the folder is replaced). */
    public void forget(TenantId tenant) {
        ready.remove(tenant);
    }

    private void applyToIndex(TenantId tenant, Runnable change) {
        try {
            ensureReady(tenant);
            synchronized (lock(tenant)) {
                change.run();
            }
            dirty.add(tenant);
        } catch (RuntimeException e) {
            // the database has the change and a newer generation: the next sync rebuilds the index
            ready.remove(tenant);
            log.error("Applying a knowledge change to the index of tenant {} failed; it is rebuilt on next use",
                    tenant.value(), e);
        }
    }

    private Object lock(TenantId tenant) {
        return locks.computeIfAbsent(tenant, t -> new Object());
    }

    static List<IndexEntry> entries(KnowledgeDocument document, List<Chunker.Chunk> chunks) {
        return chunks.stream()
                .map(c -> new IndexEntry(document.id() + ":" + c.ordinal(), HitKind.CHUNK, document.id(), document
                        .key(), document.title(), c.headingPath(), c.start(), c.end(), c.text()))
                .toList();
    }

    static IndexEntry entry(QaPair qa) {
        return new IndexEntry(qa.id(), HitKind.QA, qa.id(), qa.key(), qa.question(), List.of(), 0, qa.answer()
                .length(), qa.answer());
    }

    private String key(FieldErrors errors, String field, String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        String k = key.strip();
        if (!KEY.matcher(k).matches()) {
            errors.add(field, "must be 1 to 200 letters, digits, dots, dashes or underscores");
        }
        return k;
    }

    private int page(Integer page) {
        int p = page == null ? 0 : page;
        if (p < 0 || p > 1_000_000) {
            throw ProblemException.invalidField("page", "must be between 0 and 1000000");
        }
        return p;
    }

    private int size(Integer size) {
        int s = size == null ? 20 : size;
        if (s < 1 || s > properties.maxPageSize()) {
            throw ProblemException.invalidField("size", "must be between 1 and " + properties.maxPageSize());
        }
        return s;
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static String stripPath(String filename) {
        String name = filename.replace('\\', '/');
        return name.substring(name.lastIndexOf('/') + 1).strip();
    }

    private static String baseName(String filename) {
        int dot = filename.lastIndexOf('.');
        return dot > 0 ? filename.substring(0, dot) : filename;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
