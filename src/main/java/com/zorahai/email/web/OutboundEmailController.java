package com.zorahai.email.web;

import com.zorahai.email.outbox.EmailStatus;
import com.zorahai.email.outbox.Outbox;
import com.zorahai.email.outbox.OutboxAttachment;
import com.zorahai.email.outbox.OutboxAttempt;
import com.zorahai.email.outbox.OutboxEmail;
import com.zorahai.platform.Page;
import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.CurrentTenant;
import com.zorahai.tenancy.TenantId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant's outbound emails. Every member reads them (agents included: they see what went to their customers);
 * owners, admins and consultants may send a failed, dead or held email again.
 */
@RestController
@RequestMapping("/api/v1/emails")
class OutboundEmailController {

    private final Outbox outbox;
    private final CurrentTenant currentTenant;

    OutboundEmailController(Outbox outbox, CurrentTenant currentTenant) {
        this.outbox = outbox;
        this.currentTenant = currentTenant;
    }

    /** The tenant's emails, newest first, optionally only those with {@code status}. */
    @GetMapping
    @PreAuthorize("hasAnyRole('OWNER','ADMIN','CONSULTANT','AGENT')")
    public Page<EmailSummary> list(@RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        TenantId tenant = currentTenant.require();
        Optional<EmailStatus> wanted = status == null || status.isBlank()
                ? Optional.empty()
                : Optional.of(EmailStatus.parse(status)
                        .orElseThrow(() -> ProblemException.invalidField("status",
                                "must be one of " + EmailStatus.allValues())));
        List<EmailSummary> items = outbox.list(tenant, wanted, page, size).stream().map(EmailSummary::of).toList();
        return new Page<>(items, page, size, outbox.count(tenant, wanted));
    }

    /** One email with its body, its attachments (names and sizes, not the bytes) and its attempts. */
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('OWNER','ADMIN','CONSULTANT','AGENT')")
    public EmailDetails get(@PathVariable UUID id) {
        TenantId tenant = currentTenant.require();
        return outbox.find(tenant, id).map(this::details).orElseThrow(() -> notFound(id));
    }

    /** Sends a failed, dead or held email again with a fresh set of attempts; 409 when it was already sent. */
    @PostMapping("/{id}/retry")
    @PreAuthorize("hasAnyRole('OWNER','ADMIN','CONSULTANT')")
    public EmailDetails retry(@PathVariable UUID id) {
        TenantId tenant = currentTenant.require();
        return outbox.retry(tenant, id).map(this::details).orElseThrow(() -> notFound(id));
    }

    private EmailDetails details(OutboxEmail email) {
        return EmailDetails.of(email, outbox.attachments(email.id(), false), outbox.attempts(email.id()));
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("email", id);
    }

    /** A page of emails. */
    /** An email in a list. */
    record EmailSummary(UUID id, List<String> to, List<String> cc, String subject, String template, String status,
            int attempts, int maxAttempts, Instant nextAttemptAt, String lastError, String providerMessageId,
            Instant createdAt, Instant sentAt) {

        static EmailSummary of(OutboxEmail e) {
            return new EmailSummary(e.id(), e.to(), e.cc(), e.subject(), e.template(), e.status().value(),
                    e.attempts(), e.maxAttempts(), e.nextAttemptAt(), e.lastError(), e.providerMessageId(),
                    e.createdAt(), e.sentAt());
        }
    }

    /** An email with everything but its attachments' bytes. */
    record EmailDetails(UUID id, List<String> to, List<String> cc, String subject, String template, String status,
            int attempts, int maxAttempts, Instant nextAttemptAt, String lastError, String providerMessageId,
            String idempotencyKey, Instant createdAt, Instant sentAt, String html, String text,
            List<AttachmentView> attachments, List<AttemptView> attemptHistory) {

        static EmailDetails of(OutboxEmail e, List<OutboxAttachment> attachments, List<OutboxAttempt> attempts) {
            return new EmailDetails(e.id(), e.to(), e.cc(), e.subject(), e.template(), e.status().value(),
                    e.attempts(), e.maxAttempts(), e.nextAttemptAt(), e.lastError(), e.providerMessageId(),
                    e.idempotencyKey(), e.createdAt(), e.sentAt(), e.html(), e.text(),
                    attachments.stream().map(AttachmentView::of).toList(),
                    attempts.stream().map(AttemptView::of).toList());
        }
    }

    /** An attachment's name, type and size. */
    record AttachmentView(String filename, String contentType, int sizeBytes) {

        static AttachmentView of(OutboxAttachment a) {
            return new AttachmentView(a.filename(), a.contentType(), a.sizeBytes());
        }
    }

    /** One attempt. */
    record AttemptView(int attempt, Instant at, Integer statusCode, String outcome, String error, Long durationMs) {

        static AttemptView of(OutboxAttempt a) {
            return new AttemptView(a.attempt(), a.attemptedAt(), a.statusCode(), a.outcome(), a.error(),
                    a.durationMs());
        }
    }
}
