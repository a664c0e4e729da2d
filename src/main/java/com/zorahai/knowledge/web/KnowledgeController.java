package com.zorahai.knowledge.web;

import com.zorahai.knowledge.EvaluationReport;
import com.zorahai.knowledge.GoldenQuestion;
import com.zorahai.knowledge.HitKind;
import com.zorahai.knowledge.KnowledgeDocument;
import com.zorahai.knowledge.KnowledgeHit;
import com.zorahai.knowledge.NewQaPair;
import com.zorahai.knowledge.QaPair;
import com.zorahai.knowledge.SearchOptions;
import com.zorahai.knowledge.SearchResults;
import com.zorahai.knowledge.internal.DocumentFormat;
import com.zorahai.knowledge.internal.KnowledgeEvaluator;
import com.zorahai.knowledge.internal.KnowledgeService;
import com.zorahai.knowledge.internal.KnowledgeStore;
import com.zorahai.knowledge.internal.ShippedKnowledge;
import com.zorahai.platform.FieldErrors;
import com.zorahai.platform.Page;
import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.CurrentTenant;
import com.zorahai.tenancy.TenantId;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The caller's knowledge: documents, Q&A pairs, style guide, search, reindex, golden set and evaluations. Every role
 * may read and search; changes take an owner or admin.
 */
@PreAuthorize("hasAnyRole('OWNER','ADMIN','CONSULTANT','AGENT')")
@RestController
class KnowledgeController {

    static final String BASE = "/api/v1/knowledge";

    private final KnowledgeService service;
    private final KnowledgeEvaluator evaluator;
    private final CurrentTenant currentTenant;

    KnowledgeController(KnowledgeService service, KnowledgeEvaluator evaluator, CurrentTenant currentTenant) {
        this.service = service;
        this.evaluator = evaluator;
        this.currentTenant = currentTenant;
    }

    // --- documents

    /** Uploads a file ({@code file}): text/plain, Markdown, HTML, PDF or DOCX; optional {@code title}, {@code key}. */
    @PostMapping(path = BASE + "/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('OWNER','ADMIN')")
    ResponseEntity<KnowledgeDocument> upload(@RequestPart("file") MultipartFile file,
            @RequestParam(required = false) String title, @RequestParam(required = false) String key)
            throws IOException {
        KnowledgeDocument document = service.addDocument(tenant(), new KnowledgeService.Upload(file
                .getOriginalFilename(), file.getContentType(), file.getBytes(), title, key, "upload"));
        return ResponseEntity.created(location("/documents/{id}", document.id())).body(document);
    }

    /** A document written as text: {@code {title, text, format (text|markdown|html), key}}. */
    record DocumentRequest(String title, String text, String format, String key) {
    }

    @PostMapping(path = BASE + "/documents", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('OWNER','ADMIN')")
    ResponseEntity<KnowledgeDocument> create(@RequestBody DocumentRequest request) {
        FieldErrors errors = new FieldErrors();
        errors.text("title", request.title(), KnowledgeService.MAX_TITLE, true);
        errors.text("text", request.text(), 5_000_000, true);
        String format = request.format() == null ? "text" : request.format().strip().toLowerCase(Locale.ROOT);
        if (!Set.of("text", "markdown", "html").contains(format)) {
            errors.add("format", "must be text, markdown or html");
        }
        errors.throwIfAny();
        DocumentFormat documentFormat = DocumentFormat.of(format);
        KnowledgeDocument document = service.addDocument(tenant(), new KnowledgeService.Upload(null, documentFormat
                .contentType(), request.text().getBytes(StandardCharsets.UTF_8), request.title(), request.key(),
                "api"));
        return ResponseEntity.created(location("/documents/{id}", document.id())).body(document);
    }

    @GetMapping(BASE + "/documents")
    Page<KnowledgeDocument> documents(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return service.documents(tenant(), page, size);
    }

    /** A chunk of a document as indexed: where it is in the text and under which headings. */
    record ChunkView(String id, int ordinal, List<String> headingPath, int start, int end) {
    }

    /** A document with its extracted text and chunks. */
    record DocumentDetail(KnowledgeDocument document, String text, List<ChunkView> chunks) {
    }

    @GetMapping(BASE + "/documents/{id}")
    DocumentDetail document(@PathVariable String id) {
        KnowledgeStore.StoredDocument stored = service.document(tenant(), id);
        List<ChunkView> chunks = service.chunks(stored).stream()
                .map(c -> new ChunkView(stored.document().id() + ":" + c.ordinal(), c.ordinal(), c.headingPath(), c
                        .start(), c.end()))
                .toList();
        return new DocumentDetail(stored.document(), stored.text(), chunks);
    }

    /** Deletes the document; its chunks leave the index at once and the next snapshot. */
    @DeleteMapping(BASE + "/documents/{id}")
    @PreAuthorize("hasAnyRole('OWNER','ADMIN')")
    ResponseEntity<Void> deleteDocument(@PathVariable String id) {
        service.deleteDocument(tenant(), id);
        return ResponseEntity.noContent().build();
    }

    // --- Q&A

    /** A question and answer: {@code {question, answer, tags, key}}. */
    record QaRequest(String question, String answer, List<String> tags, String key) {

        NewQaPair pair(String source) {
            return new NewQaPair(question, answer, tags, key, source);
        }
    }

    @PostMapping(path = BASE + "/qa", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('OWNER','ADMIN')")
    ResponseEntity<QaPair> addQa(@RequestBody QaRequest request) {
        QaPair qa = service.addQa(tenant(), request.pair("api"));
        return ResponseEntity.created(location("/qa/{id}", qa.id())).body(qa);
    }

    /** What an import did. */
    record ImportResponse(int added, int skipped) {
    }

    /** Imports the {@code qa_database.json} shape: a list of {@code {question, answer}} objects. */
    @PostMapping(path = BASE + "/qa:import", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('OWNER','ADMIN')")
    ImportResponse importQa(@RequestBody JsonNode body) {
        List<NewQaPair> pairs;
        try {
            pairs = ShippedKnowledge.qaPairs(body, "import");
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("body", "must be a list of {question, answer} objects");
        }
        KnowledgeService.ImportResult result = service.importQa(tenant(), pairs, "import");
        return new ImportResponse(result.added(), result.skipped());
    }

    @GetMapping(BASE + "/qa")
    Page<QaPair> qaPairs(@RequestParam(required = false) String tag, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return service.qaPairs(tenant(), tag, page, size);
    }

    @GetMapping(BASE + "/qa/{id}")
    QaPair qa(@PathVariable String id) {
        return service.qa(tenant(), id);
    }

    @PutMapping(path = BASE + "/qa/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('OWNER','ADMIN')")
    QaPair updateQa(@PathVariable String id, @RequestBody QaRequest request) {
        return service.updateQa(tenant(), id, request.pair("api"));
    }

    @DeleteMapping(BASE + "/qa/{id}")
    @PreAuthorize("hasAnyRole('OWNER','ADMIN')")
    ResponseEntity<Void> deleteQa(@PathVariable String id) {
        service.deleteQa(tenant(), id);
        return ResponseEntity.noContent().build();
    }

    // --- style guide

    /** The style guide: {@code {text}}. */
    record StyleGuide(String text, Instant updatedAt) {
    }

    /** Only the text is written. */
    record StyleGuideRequest(String text) {
    }

    @GetMapping(BASE + "/style-guide")
    StyleGuide styleGuide() {
        TenantId tenant = tenant();
        String text = service.styleGuide(tenant).orElseThrow(() -> ProblemException.of(HttpStatus.NOT_FOUND,
                "style-guide-not-found", "Style guide not found", "The tenant has no style guide yet."));
        return new StyleGuide(text, service.styleGuideUpdatedAt(tenant).orElse(null));
    }

    @PutMapping(path = BASE + "/style-guide", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('OWNER','ADMIN')")
    StyleGuide saveStyleGuide(@RequestBody StyleGuideRequest request) {
        Instant at = service.saveStyleGuide(tenant(), request.text());
        return new StyleGuide(request.text().strip(), at);
    }

    // --- search

    /** {@code {query, limit (1-50, default 5), kinds (["chunk", "qa"], default both)}}. */
    record SearchRequest(String query, Integer limit, List<String> kinds) {
    }

    /** A ranked hit with its citation. */
    record HitView(String id, String kind, String documentId, String key, String title, List<String> headingPath,
            String snippet, String text, int start, int end, double score, Double bm25Score, Double vectorScore,
            double coverage) {

        static HitView of(KnowledgeHit h) {
            return new HitView(h.id(), h.kind().value(), h.documentId(), h.key(), h.title(), h.headingPath(), h
                    .snippet(), h.text(), h.start(), h.end(), h.score(), h.bm25Score(), h.vectorScore(),
                    h
                            .coverage());
        }
    }

    record SearchResponse(String ranking, String language, List<HitView> hits) {
    }

    @PostMapping(path = BASE + "/search", consumes = MediaType.APPLICATION_JSON_VALUE)
    SearchResponse search(@RequestBody SearchRequest request) {
        FieldErrors errors = new FieldErrors();
        int limit = request.limit() == null ? 5 : request.limit();
        if (limit < 1 || limit > SearchOptions.MAX_LIMIT) {
            errors.add("limit", "must be between 1 and " + SearchOptions.MAX_LIMIT);
        }
        Set<HitKind> kinds = EnumSet.noneOf(HitKind.class);
        if (request.kinds() != null) {
            for (int i = 0; i < request.kinds().size(); i++) {
                String kind = request.kinds().get(i);
                if ("chunk".equals(kind)) {
                    kinds.add(HitKind.CHUNK);
                } else if ("qa".equals(kind)) {
                    kinds.add(HitKind.QA);
                } else {
                    errors.add("kinds[" + i + "]", "must be chunk or qa");
                }
            }
        }
        errors.throwIfAny();
        SearchResults results = service.search(tenant(), request.query(), new SearchOptions(limit, kinds));
        return new SearchResponse(results.ranking(), results.language(), results.hits().stream().map(HitView::of)
                .toList());
    }

    /** Rebuilds the caller's index from the stored knowledge. */
    @PostMapping(BASE + ":reindex")
    @PreAuthorize("hasAnyRole('OWNER','ADMIN')")
    KnowledgeService.Reindexed reindex() {
        return service.reindex(tenant());
    }

    // --- golden set and evaluations

    record GoldenSet(List<GoldenQuestion> questions) {
    }

    @GetMapping(BASE + "/golden-set")
    GoldenSet goldenSet() {
        return new GoldenSet(service.goldenSet(tenant()));
    }

    @PutMapping(path = BASE + "/golden-set", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('OWNER','ADMIN')")
    GoldenSet saveGoldenSet(@RequestBody GoldenSet request) {
        if (request.questions() == null) {
            throw ProblemException.invalidField("questions", "is required");
        }
        service.replaceGoldenSet(tenant(), request.questions());
        return new GoldenSet(service.goldenSet(tenant()));
    }

    /** {@code {with_answers}}: also check the answer keywords in real answers (default: in the retrieved text). */
    record EvaluationRequest(Boolean withAnswers) {
    }

    @PostMapping(BASE + "/evaluations")
    @PreAuthorize("hasAnyRole('OWNER','ADMIN')")
    EvaluationReport evaluate(@RequestBody(required = false) EvaluationRequest request) {
        return evaluator.evaluate(tenant(), request != null && Boolean.TRUE.equals(request.withAnswers()));
    }

    private TenantId tenant() {
        return currentTenant.require();
    }

    private static URI location(String path, String id) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(BASE + path).buildAndExpand(id).toUri();
    }
}
