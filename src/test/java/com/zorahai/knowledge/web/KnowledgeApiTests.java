package com.zorahai.knowledge.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.zorahai.IntegrationTest;
import com.zorahai.TenantIsolation;
import com.zorahai.TestTokens;
import com.zorahai.identity.Role;
import com.zorahai.knowledge.internal.TestDocuments;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
class KnowledgeApiTests {

    static final String BASE = "/api/v1/knowledge";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    String tenant;

    @BeforeEach
    void setUp() {
        tenant = "kn-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private String auth(String t, Role role) {
        return tokens.bearer(t, role);
    }

    private MvcTestResult upload(String t, String filename, String contentType, byte[] content, String key) {
        var request = mvc.post().uri(BASE + "/documents").header("Authorization", auth(t, Role.ADMIN)).multipart()
                .file(new MockMultipartFile("file", filename, contentType, content));
        if (key != null) {
            request = request.param("key", key);
        }
        return request.exchange();
    }

    private MvcTestResult post(String t, Role role, String path, String json) {
        return mvc.post().uri(path).header("Authorization", auth(t, role)).contentType(MediaType.APPLICATION_JSON)
                .content(json).exchange();
    }

    private MvcTestResult search(String t, String json) {
        return post(t, Role.AGENT, BASE + "/search", json);
    }

    static <T> T read(MvcTestResult result, String path) {
        try {
            return JsonPath.read(result.getResponse().getContentAsString(StandardCharsets.UTF_8), path);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyFormatIsIngestedChunkedAndFound() {
        MvcTestResult text = upload(tenant, "hours.txt", "text/plain", """
                OPENING HOURS
                We open Monday to Friday from 9:00 to 19:00. Saturday until 15:00.
                """.getBytes(StandardCharsets.UTF_8), "hours");
        MvcTestResult markdown = upload(tenant, "aftercare.md", "text/markdown", """
                # Aftercare
                ## Sun
                Wear **SPF 50** for two weeks after each session.
                """.getBytes(StandardCharsets.UTF_8), null);
        MvcTestResult html = upload(tenant, "tattoo.html", "text/html", """
                <html><head><title>Tattoo removal</title></head><body><h1>Tattoo removal</h1>
                <p>Picosecond laser sessions are eight weeks apart.</p></body></html>"""
                .getBytes(StandardCharsets.UTF_8), null);
        MvcTestResult pdf = upload(tenant, "deposit.pdf", "application/pdf", TestDocuments.pdf("Deposits", List.of(
                "DEPOSITS", "A deposit of thirty percent confirms the reservation.")), null);
        MvcTestResult docx = upload(tenant, "visa.docx", "application/octet-stream", TestDocuments.docx("Visas",
                List.of("Heading1|Visas", "|Schengen appointments take four to six weeks.")), null);

        for (MvcTestResult r : List.of(text, markdown, html, pdf, docx)) {
            assertThat(r).hasStatus(HttpStatus.CREATED);
        }
        assertThat(read(text, "$.format").toString()).isEqualTo("text");
        assertThat(read(markdown, "$.format").toString()).isEqualTo("markdown");
        assertThat(read(html, "$.title").toString()).isEqualTo("Tattoo removal");
        assertThat(read(pdf, "$.format").toString()).isEqualTo("pdf");
        assertThat(read(docx, "$.format").toString()).isEqualTo("docx");
        assertThat(read(docx, "$.content_type").toString()).contains("wordprocessingml");

        assertThat(read(search(tenant, "{\"query\": \"sunscreen spf\"}"), "$.hits[0].title").toString())
                .isEqualTo("Aftercare");
        assertThat(read(search(tenant, "{\"query\": \"picosecond\"}"), "$.hits[0].document_id").toString())
                .isEqualTo(read(html, "$.id"));
        assertThat(read(search(tenant, "{\"query\": \"deposit reservation\"}"), "$.hits[0].document_id")
                .toString()).isEqualTo(read(pdf, "$.id"));
        assertThat(read(search(tenant, "{\"query\": \"Schengen appointment\"}"), "$.hits[0].heading_path[0]")
                .toString()).isEqualTo("Visas");
        MvcTestResult hours = search(tenant, "{\"query\": \"open on saturday\"}");
        assertThat(read(hours, "$.ranking").toString()).isEqualTo("bm25");
        assertThat(read(hours, "$.hits[0].key").toString()).isEqualTo("hours");
        assertThat(read(hours, "$.hits[0].kind").toString()).isEqualTo("chunk");
    }

    @Test
    void aCitationsOffsetsPointIntoTheDocumentText() {
        MvcTestResult created = post(tenant, Role.OWNER, BASE + "/documents",
                """
                        {"title": "Clinic guide", "format": "markdown", "text": "# Prices\\nFull legs cost $150 per session.\\n\\n# Aftercare\\nAvoid saunas for 48 hours."}""");
        assertThat(created).hasStatus(HttpStatus.CREATED);
        String id = read(created, "$.id");

        MvcTestResult hit = search(tenant, "{\"query\": \"sauna after treatment\", \"limit\": 1}");
        int start = read(hit, "$.hits[0].start");
        int end = read(hit, "$.hits[0].end");
        assertThat(read(hit, "$.hits[0].id").toString()).isEqualTo(id + ":1");
        assertThat(read(hit, "$.hits[0].heading_path").toString()).contains("Aftercare");
        assertThat(read(hit, "$.hits[0].snippet").toString()).contains("saunas");

        MvcTestResult detail = mvc.get().uri(BASE + "/documents/{id}", id).header("Authorization", auth(tenant,
                Role.AGENT)).exchange();
        assertThat(detail).hasStatusOk();
        String documentText = read(detail, "$.text");
        assertThat(documentText.substring(start, end)).isEqualTo("Avoid saunas for 48 hours.");
        assertThat(read(detail, "$.chunks[1].id").toString()).isEqualTo(id + ":1");
        assertThat(read(detail, "$.document.chunk_count").toString()).isEqualTo("2");
    }

    @Test
    void arabicAndFrenchQueriesFindTheirPairs() {
        post(tenant, Role.ADMIN, BASE + "/qa",
                """
                        {"question": "ما هي ساعات العمل؟", "answer": "من الاثنين إلى الجمعة من 9 صباحًا حتى 7 مساءً.", "tags": ["ar"]}""");
        post(tenant, Role.ADMIN, BASE + "/qa",
                """
                        {"question": "Quels sont vos horaires d'ouverture ?", "answer": "Du lundi au vendredi de 9 h à 19 h."}""");
        post(tenant, Role.ADMIN, BASE + "/qa", """
                {"question": "What are your opening hours?", "answer": "Monday to Friday, 9 am to 7 pm."}""");
        post(tenant, Role.ADMIN, BASE + "/qa", """
                {"question": "Combien coûte une séance d'épilation ?", "answer": "Une séance coûte 60 dollars."}""");

        MvcTestResult arabic = search(tenant, "{\"query\": \"ساعات عمل العيادة\"}");
        assertThat(read(arabic, "$.language").toString()).isEqualTo("ar");
        assertThat(read(arabic, "$.hits[0].title").toString()).isEqualTo("ما هي ساعات العمل؟");

        // stemming: "horaire" finds "horaires", accents folded: "seances" finds "séance"
        MvcTestResult french = search(tenant, "{\"query\": \"quel est l'horaire de la clinique\"}");
        assertThat(read(french, "$.language").toString()).isEqualTo("fr");
        assertThat(read(french, "$.hits[0].title").toString()).startsWith("Quels sont vos horaires");
        MvcTestResult price = search(tenant, "{\"query\": \"prix des seances epilation\", \"kinds\": [\"qa\"]}");
        assertThat(read(price, "$.hits[0].title").toString()).startsWith("Combien coûte");
    }

    @Test
    void qaPairsAreCreatedListedChangedImportedAndDeleted() {
        MvcTestResult created = post(tenant, Role.ADMIN, BASE + "/qa",
                """
                        {"question": "Do you have parking?", "answer": "Yes, free parking in the basement.", "tags": ["Location"], "key": "parking"}""");
        assertThat(created).hasStatus(HttpStatus.CREATED);
        String id = read(created, "$.id");
        assertThat(read(created, "$.tags").toString()).contains("location");

        MvcTestResult updated = mvc.put().uri(BASE + "/qa/{id}", id).header("Authorization", auth(tenant,
                Role.ADMIN)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"question": "Is there parking?", "answer": "Yes, valet parking at the entrance."}""")
                .exchange();
        assertThat(updated).hasStatusOk();
        assertThat(read(search(tenant, "{\"query\": \"valet\"}"), "$.hits[0].id").toString()).isEqualTo(id);
        assertThat(read(search(tenant, "{\"query\": \"basement\"}"), "$.hits.length()").toString()).isEqualTo("0");

        MvcTestResult imported = post(tenant, Role.ADMIN, BASE + "/qa:import", """
                [{"question": "Do you sell gift cards?", "answer": "Yes, from $50."},
                 {"question": "Do you open on Sunday?", "answer": "No, we are closed on Sundays.", "id": "sunday"},
                 {"question": "Duplicate key", "answer": "Skipped.", "id": "parking"}]""");
        assertThat(imported).hasStatusOk();
        assertThat(read(imported, "$.added").toString()).isEqualTo("2");
        assertThat(read(imported, "$.skipped").toString()).isEqualTo("1");

        MvcTestResult list = mvc.get().uri(BASE + "/qa?size=2").header("Authorization", auth(tenant, Role.AGENT))
                .exchange();
        assertThat(read(list, "$.total").toString()).isEqualTo("3");
        assertThat(read(list, "$.items.length()").toString()).isEqualTo("2");

        TenantIsolation.of(mvc, tokens).record(BASE + "/qa/{id}", id).ownedBy(tenant).update(HttpMethod.PUT,
                "{\"question\": \"x\", \"answer\": \"y\"}").assertInvisibleTo("kn-other-" + tenant.substring(3));

        assertThat(mvc.delete().uri(BASE + "/qa/{id}", id).header("Authorization", auth(tenant, Role.ADMIN)))
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(read(search(tenant, "{\"query\": \"valet parking\"}"), "$.hits.length()").toString())
                .isEqualTo("0");
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        MvcTestResult noAnswer = post(tenant, Role.ADMIN, BASE + "/qa", "{\"question\": \"Hi?\"}");
        assertThat(noAnswer).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(read(noAnswer, "$.errors[0].field").toString()).isEqualTo("answer");

        MvcTestResult badImport = post(tenant, Role.ADMIN, BASE + "/qa:import",
                "[{\"question\": \"ok\", \"answer\": \"ok\"}, {\"question\": \"\"}]");
        assertThat(badImport).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(read(badImport, "$.errors[*].field").toString()).contains("[1].question", "[1].answer");

        MvcTestResult blank = search(tenant, "{\"query\": \"  \"}");
        assertThat(blank).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(read(blank, "$.errors[0].field").toString()).isEqualTo("query");
        assertThat(search(tenant, "{\"query\": \"x\", \"limit\": 0, \"kinds\": [\"page\"]}"))
                .hasStatus(HttpStatus.BAD_REQUEST);

        MvcTestResult image = upload(tenant, "logo.png", "image/png", new byte[]{1, 2, 3}, null);
        assertThat(image).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(read(image, "$.errors[0].field").toString()).isEqualTo("file");
        assertThat(upload(tenant, "broken.pdf", "application/pdf", "%PDF-garbage".getBytes(), null))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(upload(tenant, "a.txt", "text/plain", "One.".getBytes(), "bad key!"))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(upload(tenant, "a.txt", "text/plain", "One.".getBytes(), "same")).hasStatus(HttpStatus.CREATED);
        assertThat(upload(tenant, "b.txt", "text/plain", "Two.".getBytes(), "same")).hasStatus(HttpStatus.CONFLICT);
        assertThat(mvc.get().uri(BASE + "/documents/not-a-uuid").header("Authorization", auth(tenant, Role.AGENT)))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void onlyOwnersAndAdminsChangeKnowledge() {
        assertThat(post(tenant, Role.AGENT, BASE + "/qa", "{\"question\": \"q\", \"answer\": \"a\"}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.put().uri(BASE + "/style-guide").header("Authorization", auth(tenant, Role.CONSULTANT))
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"x\"}")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri(BASE + ":reindex").header("Authorization", auth(tenant, Role.AGENT)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri(BASE + "/documents")).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theStyleGuideIsWrittenAndRead() {
        assertThat(mvc.get().uri(BASE + "/style-guide").header("Authorization", auth(tenant, Role.AGENT)))
                .hasStatus(HttpStatus.NOT_FOUND);
        MvcTestResult saved = mvc.put().uri(BASE + "/style-guide").header("Authorization", auth(tenant, Role.OWNER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"  Warm and brief.  \"}").exchange();
        assertThat(saved).hasStatusOk();
        MvcTestResult read = mvc.get().uri(BASE + "/style-guide").header("Authorization", auth(tenant, Role.AGENT))
                .exchange();
        assertThat(read(read, "$.text").toString()).isEqualTo("Warm and brief.");
        assertThat(read(read, "$.updated_at").toString()).isNotBlank();
        assertThat(mvc.put().uri(BASE + "/style-guide").header("Authorization", auth(tenant, Role.OWNER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"\"}")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void deletingADocumentRemovesItsChunksFromSearch() {
        MvcTestResult created = upload(tenant, "secret.txt", "text/plain",
                "The retired promotion code is BLUEHERON for members.".getBytes(), null);
        String id = read(created, "$.id");
        assertThat(read(search(tenant, "{\"query\": \"blueheron\"}"), "$.hits.length()").toString()).isEqualTo("1");

        TenantIsolation.of(mvc, tokens).record(BASE + "/documents/{id}", id).ownedBy(tenant).withoutUpdate()
                .assertInvisibleTo("kn-other-" + tenant.substring(3));

        assertThat(mvc.delete().uri(BASE + "/documents/{id}", id).header("Authorization", auth(tenant, Role.ADMIN)))
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(read(search(tenant, "{\"query\": \"blueheron\"}"), "$.hits.length()").toString()).isEqualTo("0");
        assertThat(mvc.get().uri(BASE + "/documents/{id}", id).header("Authorization", auth(tenant, Role.ADMIN)))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void aTenantsSearchNeverReturnsAnotherTenantsChunks() {
        String other = "kn-b-" + UUID.randomUUID().toString().substring(0, 6);
        upload(tenant, "a.txt", "text/plain", "Our private lagoon villa sleeps four.".getBytes(), null);
        upload(other, "b.txt", "text/plain", "The city hotel has no lagoon.".getBytes(), null);

        List<Map<String, Object>> mine = read(search(tenant, "{\"query\": \"lagoon\"}"), "$.hits");
        List<Map<String, Object>> theirs = read(search(other, "{\"query\": \"lagoon villa\"}"), "$.hits");

        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("text").toString()).contains("villa");
        assertThat(theirs).hasSize(1);
        assertThat(theirs.get(0).get("text").toString()).contains("city hotel");
    }

    @Test
    void reindexRebuildsTheSameIndexFromTheDatabase() {
        upload(tenant, "a.md", "text/markdown", "# Hours\nOpen daily.\n# Prices\nFrom $30.".getBytes(), null);
        post(tenant, Role.ADMIN, BASE + "/qa", "{\"question\": \"Parking?\", \"answer\": \"Free.\"}");
        List<Object> before = read(search(tenant, "{\"query\": \"open daily prices parking\", \"limit\": 10}"),
                "$.hits[*].id");

        MvcTestResult reindexed = mvc.post().uri(BASE + ":reindex").header("Authorization", auth(tenant,
                Role.OWNER)).exchange();

        assertThat(reindexed).hasStatusOk();
        assertThat(read(reindexed, "$.chunks").toString()).isEqualTo("2");
        assertThat(read(reindexed, "$.qa_pairs").toString()).isEqualTo("1");
        assertThat(read(search(tenant, "{\"query\": \"open daily prices parking\", \"limit\": 10}"), "$.hits[*].id")
                .toString()).isEqualTo(before.toString());
    }
}
