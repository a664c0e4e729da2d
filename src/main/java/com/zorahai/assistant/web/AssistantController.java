package com.zorahai.assistant.web;

import com.zorahai.assistant.internal.AssistantSettings;
import com.zorahai.assistant.internal.UnansweredQuestions;
import com.zorahai.identity.AuthenticatedUser;
import com.zorahai.platform.Page;
import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.CurrentTenant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The WhatsApp assistant's settings (owners and admins) and the questions it could not answer (every role reads
 * them; owners and admins dismiss them).
 */
@RestController("assistantController")
class AssistantController {

    static final String SETTINGS = "/api/v1/assistant/settings";
    static final String UNANSWERED = "/api/v1/assistant/unanswered";
    static final int MAX_PAGE_SIZE = 100;

    private final AssistantSettings settings;
    private final UnansweredQuestions unanswered;
    private final CurrentTenant currentTenant;

    AssistantController(AssistantSettings settings, UnansweredQuestions unanswered, CurrentTenant currentTenant) {
        this.settings = settings;
        this.unanswered = unanswered;
        this.currentTenant = currentTenant;
    }

    /** The settings as JSON. */
    record SettingsBody(Boolean botEnabled, List<String> handoverEmails, Integer maxFailures) {
    }

    /** The settings as they apply, with when they last changed (null while the defaults apply). */
    record SettingsView(boolean botEnabled, List<String> handoverEmails, int maxFailures,
            java.time.Instant updatedAt) {

        static SettingsView of(AssistantSettings.Settings s) {
            return new SettingsView(s.botEnabled(), s.handoverEmails(), s.maxFailures(), s.updatedAt());
        }
    }

    @PreAuthorize("hasAnyRole('OWNER','ADMIN')")
    @GetMapping(SETTINGS)
    SettingsView settings() {
        return SettingsView.of(settings.get(currentTenant.require()));
    }

    @PreAuthorize("hasAnyRole('OWNER','ADMIN')")
    @PutMapping(path = SETTINGS, consumes = MediaType.APPLICATION_JSON_VALUE)
    SettingsView replace(@RequestBody(required = false) SettingsBody body,
            @AuthenticationPrincipal AuthenticatedUser user) {
        if (body == null) {
            throw ProblemException.invalidField("body", "is required");
        }
        return SettingsView.of(settings.put(currentTenant.require(),
                new AssistantSettings.Change(body.botEnabled(), body.handoverEmails(), body.maxFailures()),
                user == null ? null : user.userId()));
    }

    @PreAuthorize("hasAnyRole('OWNER','ADMIN','CONSULTANT','AGENT')")
    @GetMapping(UNANSWERED)
    Page<UnansweredQuestions.Question> unanswered(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        if (p < 0 || p > 1_000_000) {
            throw ProblemException.invalidField("page", "must be between 0 and 1000000");
        }
        if (s < 1 || s > MAX_PAGE_SIZE) {
            throw ProblemException.invalidField("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        return unanswered.page(currentTenant.require(), p, s);
    }

    @PreAuthorize("hasAnyRole('OWNER','ADMIN','CONSULTANT','AGENT')")
    @GetMapping(UNANSWERED + "/{id}")
    UnansweredQuestions.Question question(@PathVariable String id) {
        return unanswered.get(currentTenant.require(), id(id));
    }

    @PreAuthorize("hasAnyRole('OWNER','ADMIN')")
    @DeleteMapping(UNANSWERED + "/{id}")
    ResponseEntity<Void> dismiss(@PathVariable String id) {
        unanswered.dismiss(currentTenant.require(), id(id));
        return ResponseEntity.noContent().build();
    }

    /** A path id that is not a UUID names nothing: 404. */
    private static UUID id(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("unanswered-question", id);
        }
    }
}
