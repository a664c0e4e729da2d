package com.zorahai.intake.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zorahai.IntegrationTest;
import com.zorahai.TenantIsolation;
import com.zorahai.identity.Role;
import com.zorahai.intake.IntakeTestSupport;
import com.zorahai.intake.ParsedMail;
import com.zorahai.intake.SupportRequestRecorder;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The review queue: what lands in it, approving with corrections, rejecting, the correction figures. */
@IntegrationTest
class ReviewApiTests extends IntakeTestSupport {

    private static final String REVIEWS = "/api/v1/intake/reviews";

    /** A family of four (children read with little confidence), Zanzibar, no dates. */
    private static final String VAGUE = """
            Hi!

            We're a family of four thinking about Zanzibar, all-inclusive please. What would you suggest?

            Sarah
            """;

    private UUID vagueRequest(String tenant) {
        UUID email = post(tenant, ParsedMail.to(address(tenant)).subject("Zanzibar?").text(VAGUE));
        Map<String, Object> row = handled(tenant, email);
        assertThat(row.get("status")).isEqualTo("needs_review");
        return (UUID) row.get("id");
    }

    private MvcTestResult approve(String tenant, Object id, String body) {
        return mvc.post().uri(REVIEWS + "/{id}:approve", id).header("Authorization", tokens.bearer(tenant,
                Role.CONSULTANT)).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    @Test
    void approvingASupportRequestHandsItToTicketsAgainAndDraftsNoQuote(@Autowired SupportRequestRecorder recorder) {
        String tenant = newTenant();
        UUID email = post(tenant, ParsedMail.to(address(tenant)).subject("Problem with my booking").text("""
                Hello,

                The hotel voucher for booking ZT-4471 is missing. Please help.

                Sarah Mitchell
                """));
        Map<String, Object> row = handled(tenant, email);
        assertThat(row.get("outcome")).isEqualTo("support");
        await().atMost(Duration.ofSeconds(20)).until(() -> recorder.of(email).size() == 1);
        // as when handing it on failed: the request waits in the queue
        jdbc.sql("update intake_requests set status = 'needs_review', review_reason = 'Could not be acted on: x'"
                + " where id = ?").param(row.get("id")).update();

        assertThat(approve(tenant, row.get("id"), "{\"corrections\": {\"adults\": 2}}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field")
                .isEqualTo("corrections");
        assertThat(approve(tenant, row.get("id"), "{}")).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.status").isEqualTo("approved");
            assertThat(json).extractingPath("$.outcome").isEqualTo("support");
            assertThat(json).extractingPath("$.quote_id").isNull();
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> recorder.of(email).size() == 2);
        assertThat(recorder.of(email).getLast().bodyText()).contains("voucher for booking ZT-4471");
        assertThat(count("quotes", tenant)).isZero();
    }

    @Test
    void aDoubtfulRequestWaitsInTheQueueWithItsEmailAndWhatWasReadFromIt() {
        String tenant = newTenant();
        UUID id = vagueRequest(tenant);
        String auth = tokens.bearer(tenant, Role.CONSULTANT);

        assertThat(count("clients", tenant)).isZero();
        assertThat(count("quotes", tenant)).isZero();
        assertThat(mvc.get().uri(REVIEWS).header("Authorization", auth)).hasStatusOk().bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.total").isEqualTo(1);
                    assertThat(json).extractingPath("$.page").isEqualTo(0);
                    assertThat(json).extractingPath("$.items[0].id").isEqualTo(id.toString());
                    assertThat(json).extractingPath("$.items[0].status").isEqualTo("needs_review");
                    assertThat(json).extractingPath("$.items[0].outcome").isEqualTo("new_request");
                    assertThat(json).extractingPath("$.items[0].subject").isEqualTo("Zanzibar?");
                    assertThat(json).extractingPath("$.items[0].low_confidence").asArray()
                            .containsExactly("dates", "children");
                    assertThat(json).extractingPath("$.items[0].review_reason").isEqualTo(
                            "Not read confidently enough: dates, children");
                });
        assertThat(mvc.get().uri(REVIEWS + "?status=processed").header("Authorization", auth)).hasStatusOk()
                .bodyJson().extractingPath("$.total").isEqualTo(0);

        assertThat(mvc.get().uri(REVIEWS + "/{id}", id).header("Authorization", auth)).hasStatusOk().bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.email.subject").isEqualTo("Zanzibar?");
                    assertThat(json).extractingPath("$.email.from").isEqualTo("Sarah Mitchell <sarah@example.com>");
                    assertThat(json).extractingPath("$.email.text").asString().contains("family of four");
                    assertThat(json).extractingPath("$.confidence_threshold").isEqualTo(0.6);
                    assertThat(json).extractingPath("$.extraction.engine").isEqualTo("rules");
                    assertThat(json).extractingPath("$.extraction.classification").isEqualTo("new_travel_request");
                    assertThat(json).extractingPath("$.extraction.fields.destination.value").isEqualTo("Zanzibar");
                    assertThat(json).extractingPath("$.extraction.fields.destination.span.text").isEqualTo(
                            "Zanzibar");
                    assertThat(json).extractingPath("$.extraction.fields.children.value").isEqualTo(2);
                    assertThat(json).extractingPath("$.extraction.fields.children.confidence").isEqualTo(0.5);
                    assertThat(json).extractingPath("$.extraction.fields.children.span.text").isEqualTo(
                            "family of four");
                    assertThat(json).extractingPath("$.extraction.fields.board_basis.value").isEqualTo("AI");
                    assertThat(json).extractingPath("$.extraction.fields.check_in.value").isNull();
                    assertThat(json).extractingPath("$.cleaned_text").asString().contains("family of four");
                    assertThat(json).extractingPath("$.corrections").asArray().isEmpty();
                });
    }

    @Test
    void approvingActsWithTheCorrectedValuesAndKeepsEachCorrection() {
        String tenant = newTenant();
        rates(tenant, ZANZIBAR_RATES);
        tokens.member(tenant, Role.OWNER);
        UUID id = vagueRequest(tenant);

        assertThat(approve(tenant, id, """
                {"corrections": {"check_in": "2027-04-02", "check_out": "2027-04-09", "children": 2,
                                 "children_ages": [5, 9], "client_name": "Sarah Mitchell"}}"""))
                .hasStatusOk().bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.status").isEqualTo("approved");
                    assertThat(json).extractingPath("$.quote_number").isEqualTo("Q-000001");
                    assertThat(json).extractingPath("$.client_id").isNotNull();
                    assertThat(json).extractingPath("$.reviewed_at").isNotNull();
                    // children: 2 was read already, the name came from the sender: not corrections
                    assertThat(json).extractingPath("$.corrections[*].field").asArray()
                            .containsExactly("check_in", "check_out", "children_ages");
                    assertThat(json).extractingPath("$.corrections[0].extracted_value").isNull();
                    assertThat(json).extractingPath("$.corrections[0].corrected_value").isEqualTo("2027-04-02");
                    assertThat(json).extractingPath("$.corrections[2].corrected_value").asArray()
                            .containsExactly(5, 9);
                });
        assertThat(jdbc.sql("select total from quotes where tenant_id = ?").param(tenant)
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("42000");
        assertThat(jdbc.sql("select subject from outbound_emails where tenant_id = ?").param(tenant)
                .query(String.class).single()).isEqualTo("New travel request: Sarah Mitchell, Zanzibar (Q-000001)");

        assertThat(approve(tenant, id, "{}")).hasStatus(HttpStatus.CONFLICT).bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.type").isEqualTo("https://zorahai.com/problems/review-closed");
                    assertThat(json).extractingPath("$.status").isEqualTo(409);
                    assertThat(json).extractingPath("$.request_status").isEqualTo("approved");
                });
        assertThat(mvc.get().uri(REVIEWS + "?status=approved").header("Authorization", tokens.bearer(tenant,
                Role.OWNER))).hasStatusOk().bodyJson().extractingPath("$.items[0].id").isEqualTo(id.toString());

        // the parser's figures: corrections per approved request, per field
        assertThat(mvc.get().uri("/api/v1/intake/stats").header("Authorization", tokens.bearer(tenant, Role.ADMIN)))
                .hasStatusOk().bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.requests").isEqualTo(1);
                    assertThat(json).extractingPath("$.reviewed").isEqualTo(1);
                    assertThat(json).extractingPath("$.by_status.approved").isEqualTo(1);
                    assertThat(json).extractingPath("$.by_engine.rules").isEqualTo(1);
                    assertThat(json).extractingPath("$.confidence_threshold").isEqualTo(0.6);
                    assertThat(json).extractingPath("$.required_fields").asArray()
                            .containsExactly("destination", "dates", "adults");
                    assertThat(json).extractingPath("$.fields[?(@.field == 'check_in')].corrections").asArray()
                            .containsExactly(1);
                    assertThat(json).extractingPath("$.fields[?(@.field == 'check_in')].rate").asArray()
                            .containsExactly(1.0);
                    assertThat(json).extractingPath("$.fields[?(@.field == 'destination')].rate").asArray()
                            .containsExactly(0.0);
                });
        assertThat(mvc.get().uri("/api/v1/intake/stats?engine=openai").header("Authorization", tokens.bearer(tenant,
                Role.ADMIN))).hasStatusOk().bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.requests").isEqualTo(0);
                    assertThat(json).extractingPath("$.fields[0].rate").isNull();
                });
    }

    @Test
    void badCorrectionsAreNamedAndNothingIsDone() {
        String tenant = newTenant();
        UUID id = vagueRequest(tenant);

        assertThat(approve(tenant, id, """
                {"corrections": {"check_in": "2 April", "adults": 0, "budget": {"amount": -5, "currency": "XX"},
                                 "board_basis": "all in", "seats": 3}}"""))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[*].field").asArray()
                .containsExactlyInAnyOrder("corrections.check_in", "corrections.adults",
                        "corrections.budget.amount", "corrections.budget.currency", "corrections.board_basis",
                        "corrections.seats");
        // still no dates: a new request needs them
        assertThat(approve(tenant, id, "{\"corrections\": {\"children\": 2}}")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.errors[0].field").isEqualTo("corrections.check_in");
                    assertThat(json).extractingPath("$.errors[0].reason").isEqualTo(
                            "is required (or give a month)");
                });
        assertThat(approve(tenant, id, """
                {"corrections": {"check_in": "2027-04-09", "check_out": "2027-04-02"}}"""))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field")
                .isEqualTo("corrections.check_out");
        assertThat(approve(tenant, id, """
                {"corrections": {"month": "2027-07", "destination": null}}""")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("corrections.destination");
        assertThat(approve(tenant, id, "{\"corrections\": {\"month\": \"2027-07\"}}")).hasStatusOk()
                .bodyJson().extractingPath("$.status").isEqualTo("approved");
        assertThat(jdbc.sql("select notes from quotes where tenant_id = ?").param(tenant).query(String.class)
                .single()).contains("Month: July 2027", "Travel in July 2027", "Not priced");
        assertThat(mvc.get().uri(REVIEWS + "?status=lost").header("Authorization", tokens.bearer(tenant,
                Role.CONSULTANT))).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field")
                .isEqualTo("status");
        assertThat(mvc.get().uri(REVIEWS + "?size=0&sort=name").header("Authorization", tokens.bearer(tenant,
                Role.CONSULTANT))).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[*].field")
                .asArray().containsExactly("size", "sort");
        assertThat(mvc.get().uri("/api/v1/intake/stats?engine=gpt").header("Authorization", tokens.bearer(tenant,
                Role.ADMIN))).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field")
                .isEqualTo("engine");
    }

    @Test
    void rejectingLeavesTheRequestUndone() {
        String tenant = newTenant();
        UUID id = vagueRequest(tenant);

        assertThat(mvc.post().uri(REVIEWS + "/{id}:reject", id).header("Authorization", tokens.bearer(tenant,
                Role.ADMIN)).contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Asked by phone\"}"))
                .hasStatusOk().bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.status").isEqualTo("rejected");
                    assertThat(json).extractingPath("$.reject_reason").isEqualTo("Asked by phone");
                });
        assertThat(count("clients", tenant)).isZero();
        assertThat(count("quotes", tenant)).isZero();
        assertThat(mvc.post().uri(REVIEWS + "/{id}:reject", id).header("Authorization", tokens.bearer(tenant,
                Role.ADMIN))).hasStatus(HttpStatus.CONFLICT);
        assertThat(approve(tenant, id, "{}")).hasStatus(HttpStatus.CONFLICT);
        assertThat(mvc.get().uri(REVIEWS + "?status=rejected").header("Authorization", tokens.bearer(tenant,
                Role.ADMIN))).hasStatusOk().bodyJson().extractingPath("$.total").isEqualTo(1);
    }

    @Test
    void anotherTenantSeesNoneOfItAndAgentsNoQueue() {
        String tenant = newTenant();
        UUID id = vagueRequest(tenant);
        String other = newTenant();

        TenantIsolation.of(mvc, tokens).record(REVIEWS + "/{id}", id).ownedBy(tenant).withoutUpdate()
                .withoutDelete().assertInvisibleTo(other);
        assertThat(approve(other, id, "{\"corrections\": {\"month\": \"2027-07\"}}"))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post().uri(REVIEWS + "/{id}:reject", id).header("Authorization", tokens.bearer(other,
                Role.ADMIN))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri(REVIEWS).header("Authorization", tokens.bearer(other, Role.ADMIN)))
                .hasStatusOk().bodyJson().extractingPath("$.total").isEqualTo(0);
        assertThat(mvc.get().uri(REVIEWS + "/not-a-uuid").header("Authorization", tokens.bearer(tenant,
                Role.ADMIN))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri(REVIEWS).header("Authorization", tokens.bearer(tenant, Role.AGENT)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri(REVIEWS)).hasStatus(HttpStatus.UNAUTHORIZED);
        // still waiting after all that
        assertThat(mvc.get().uri(REVIEWS + "/{id}", id).header("Authorization", tokens.bearer(tenant, Role.ADMIN)))
                .hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("needs_review");
    }
}
