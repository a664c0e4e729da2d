package com.zorahai.intake.web;

import com.zorahai.identity.AuthenticatedUser;
import com.zorahai.intake.internal.IntakeProperties;
import com.zorahai.intake.internal.Reviews;
import com.zorahai.intake.web.ReviewJson.ApproveRequest;
import com.zorahai.intake.web.ReviewJson.Detail;
import com.zorahai.intake.web.ReviewJson.RejectRequest;
import com.zorahai.intake.web.ReviewJson.Summary;
import com.zorahai.platform.Page;
import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.CurrentTenant;
import com.zorahai.tenancy.TenantId;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The review queue of emailed requests intake would not act on alone, and the parser's correction figures. For
 * owners, admins and consultants (the requests hold the emails of clients).
 */
@PreAuthorize("hasAnyRole('OWNER','ADMIN','CONSULTANT')")
@RestController
class ReviewController {

    static final String REVIEWS = "/api/v1/intake/reviews";

    private final Reviews reviews;
    private final CurrentTenant currentTenant;
    private final IntakeProperties properties;
    private final JsonMapper json;

    ReviewController(Reviews reviews, CurrentTenant currentTenant, IntakeProperties properties, JsonMapper json) {
        this.reviews = reviews;
        this.currentTenant = currentTenant;
        this.properties = properties;
        this.json = json;
    }

    /**
     * Requests in one {@code status}: {@code needs_review} (the queue, the default), {@code processed},
     * {@code approved}, {@code rejected}, {@code ignored} or {@code all}; oldest first ({@code sort=created_at,desc}
     * for newest first).
     */
    @GetMapping(REVIEWS)
    Page<Summary> list(@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort) {
        return reviews.list(tenant(), status, page, size, sort).map(Summary::of);
    }

    /** One request: the email, what was read from it (value, confidence, span per field) and any corrections. */
    @GetMapping(REVIEWS + "/{id}")
    Detail get(@PathVariable String id) {
        return detail(reviews.get(tenant(), id(id)));
    }

    /**
     * Approves a request in the queue with corrections ({@code {"corrections": {"check_in": "2027-04-02"}}}) and acts
     * on it as on a confident request: client, draft quote, timeline entry, consultant email.
     */
    @PostMapping(path = REVIEWS + "/{id}:approve", consumes = MediaType.APPLICATION_JSON_VALUE)
    Detail approve(@PathVariable String id, @RequestBody(required = false) ApproveRequest request,
            @AuthenticationPrincipal AuthenticatedUser user) {
        return detail(reviews.approve(tenant(), id(id), request == null ? null : request.corrections(),
                user == null ? null : user.userId()));
    }

    /** Takes a request out of the queue without acting on it; an optional {@code reason} is kept. */
    @PostMapping(path = REVIEWS + "/{id}:reject")
    Detail reject(@PathVariable String id, @RequestBody(required = false) RejectRequest request,
            @AuthenticationPrincipal AuthenticatedUser user) {
        return detail(reviews.reject(tenant(), id(id), request == null ? null : request.reason(),
                user == null ? null : user.userId()));
    }

    /**
     * The tenant's requests by status, outcome and engine, and per field how often reviewers corrected it:
     * corrections per approved request. {@code engine} ({@code openai} or {@code rules}) narrows it to one engine.
     */
    @GetMapping("/api/v1/intake/stats")
    Reviews.Stats stats(@RequestParam(required = false) String engine) {
        return reviews.stats(tenant(), engine);
    }

    private Detail detail(Reviews.Review review) {
        return Detail.of(review, properties.threshold(), json);
    }

    private TenantId tenant() {
        return currentTenant.require();
    }

    /** An id from the path; one that is not a UUID names no request. */
    private static UUID id(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException ex) {
            throw ProblemException.notFound("intake-request", id.length() > 64 ? id.substring(0, 64) : id);
        }
    }
}
