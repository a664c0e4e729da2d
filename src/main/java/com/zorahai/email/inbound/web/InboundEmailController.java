package com.zorahai.email.inbound.web;

import com.zorahai.email.InboundEmail;
import com.zorahai.email.inbound.InboundMailbox;
import com.zorahai.platform.Page;
import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.CurrentTenant;
import com.zorahai.tenancy.TenantId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant's inbound emails, for owners, admins and consultants: a list without bodies, and one email with its
 * decoded bodies, headers and attachments (metadata; the files stay in storage).
 */
@RestController
@RequestMapping("/api/v1/inbound-emails")
class InboundEmailController {

    private static final Set<String> STATUSES = Set.of("received", "processed", "failed");

    private final InboundMailbox mailbox;
    private final CurrentTenant currentTenant;

    InboundEmailController(InboundMailbox mailbox, CurrentTenant currentTenant) {
        this.mailbox = mailbox;
        this.currentTenant = currentTenant;
    }

    /** Newest first, optionally only those with {@code status} ({@code received}, {@code processed}, {@code failed}). */
    @GetMapping
    @PreAuthorize("hasAnyRole('OWNER','ADMIN','CONSULTANT')")
    public Page<Summary> list(@RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        TenantId tenant = currentTenant.require();
        Optional<String> wanted = Optional.ofNullable(status)
                .filter(s -> !s.isBlank())
                .map(s -> s.trim().toLowerCase(Locale.ROOT));
        if (wanted.isPresent() && !STATUSES.contains(wanted.get())) {
            throw ProblemException.invalidField("status", "must be one of [failed, processed, received]");
        }
        List<Summary> items = mailbox.list(tenant, wanted, page, size).stream().map(Summary::of).toList();
        return new Page<>(items, page, size, mailbox.count(tenant, wanted));
    }

    /** One email; 404 when the tenant has no such email. */
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('OWNER','ADMIN','CONSULTANT')")
    public Details get(@PathVariable UUID id) {
        TenantId tenant = currentTenant.require();
        return mailbox.find(tenant, id).map(Details::of)
                .orElseThrow(() -> ProblemException.notFound("inbound-email", id));
    }

    /** An email in a list. */
    record Summary(UUID id, String messageId, String from, List<String> to, List<String> cc, String subject,
            String status, int attachments, BigDecimal spamScore, Instant receivedAt, Instant processedAt) {

        static Summary of(InboundEmail e) {
            return new Summary(e.id(), e.messageId(), e.from(), e.to(), e.cc(), e.subject(), e.status(),
                    e.attachments().size(), e.spamScore(), e.receivedAt(), e.processedAt());
        }
    }

    /** An email with its bodies. */
    record Details(UUID id, String messageId, String from, List<String> to, List<String> cc, List<String> envelopeTo,
            String subject, String text, String html, String headers, BigDecimal spamScore, String spf, String dkim,
            String status, String error, boolean rawMime, List<AttachmentView> attachments, Instant receivedAt,
            Instant processedAt) {

        static Details of(InboundEmail e) {
            return new Details(e.id(), e.messageId(), e.from(), e.to(), e.cc(), e.envelopeTo(), e.subject(),
                    e.text(), e.html(), e.headers(), e.spamScore(), e.spf(), e.dkim(), e.status(), e.error(),
                    e.rawMime(), e.attachments().stream().map(AttachmentView::of).toList(), e.receivedAt(),
                    e.processedAt());
        }
    }

    /** An attachment's metadata; {@code skipped_reason} when it was not kept. */
    record AttachmentView(String filename, String contentType, long sizeBytes, String contentId, boolean kept,
            String skippedReason) {

        static AttachmentView of(InboundEmail.Attachment a) {
            return new AttachmentView(a.filename(), a.contentType(), a.sizeBytes(), a.contentId(), a.kept(),
                    a.skippedReason());
        }
    }
}
