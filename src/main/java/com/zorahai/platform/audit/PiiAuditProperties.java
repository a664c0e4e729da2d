package com.zorahai.platform.audit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * PII audit settings.
 *
 * @param enabled whether access to PII resources is written to {@code pii_audit} ({@code PII_AUDIT_ENABLED})
 * @param resources the API paths that hold PII, each with the resource type recorded for it; the defaults below
 *        when none are configured (a configured list replaces them)
 */
@Validated
@ConfigurationProperties("zorah.pii-audit")
record PiiAuditProperties(@DefaultValue("false") boolean enabled, List<@Valid Resource> resources) {

    static final List<Resource> DEFAULT_RESOURCES = List.of(new Resource("/api/v1/clients", "client"),
            new Resource("/api/v1/invoices", "invoice"), new Resource("/api/v1/travelers", "traveler"),
            new Resource("/api/v1/calls", "call"), new Resource("/api/v1/conversations", "conversation"),
            new Resource("/api/v1/users", "user"), new Resource("/api/v1/tickets", "ticket"),
            new Resource("/api/v1/whatsapp/conversations", "conversation"),
            new Resource("/api/v1/appointments", "appointment"), new Resource("/api/v1/helpdesk/sessions",
                    "helpdesk_session"),
            new Resource("/api/v1/intake/reviews", "intake_review"),
            new Resource("/api/v1/analytics/unanswered", "unanswered_question"));

    PiiAuditProperties {
        resources = resources == null || resources.isEmpty() ? DEFAULT_RESOURCES : List.copyOf(resources);
    }

    /**
     * A PII resource: requests to {@code path} or below it are audited; the path segment right after it is the id of
     * the record.
     */
    record Resource(
            @NotBlank @Pattern(regexp = "/[^?#]*[^/?#]", message = "must start with / and not end with /") String path,
            @NotBlank String type) {
    }
}
