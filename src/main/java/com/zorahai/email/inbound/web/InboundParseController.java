package com.zorahai.email.inbound.web;

import com.zorahai.ai.EmailText;
import com.zorahai.ai.TravelRequestExtractor;
import com.zorahai.email.inbound.DecodedEmail;
import com.zorahai.email.inbound.FormPart;
import com.zorahai.email.inbound.InboundMailbox;
import com.zorahai.email.inbound.InboundParseDecoder;
import com.zorahai.email.inbound.InboundProperties;
import com.zorahai.email.inbound.InboundSecrets;
import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.CurrentTenant;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.Tenants;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * SendGrid Inbound Parse. {@code /webhooks/email/inbound} finds the tenant from the recipients, {@code
 * /webhooks/email/inbound/{tenant_id}} is told it. Either way the post must carry the tenant's inbound secret (401
 * otherwise, nothing stored), may be at most {@code zorah.email.inbound.max-message-size} (413, nothing stored), and
 * is answered as soon as the message is stored; processing follows from {@code InboundEmailReceived}. A message
 * for no known recipient is acknowledged and dropped: SendGrid would retry it for three days to no avail.
 */
@RestController
@RequestMapping("/webhooks/email")
class InboundParseController {

    private static final Logger log = LoggerFactory.getLogger(InboundParseController.class);

    private final Tenants tenants;
    private final InboundParseDecoder decoder;
    private final InboundMailbox mailbox;
    private final InboundSecrets secrets;
    private final InboundProperties properties;
    private final TravelRequestExtractor extractor;
    private final CurrentTenant currentTenant;

    InboundParseController(Tenants tenants, InboundParseDecoder decoder, InboundMailbox mailbox,
            InboundSecrets secrets, InboundProperties properties, TravelRequestExtractor extractor,
            CurrentTenant currentTenant) {
        this.tenants = tenants;
        this.decoder = decoder;
        this.mailbox = mailbox;
        this.secrets = secrets;
        this.properties = properties;
        this.extractor = extractor;
        this.currentTenant = currentTenant;
    }

    /** A message routed by its recipients ({@code envelope.to}, then {@code to}, then {@code cc}). */
    @PostMapping(path = "/inbound", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Object inbound(HttpServletRequest request) {
        Map<String, FormPart> form = form(request);
        Optional<Tenant> tenant = route(form);
        if (tenant.isEmpty()) {
            secrets.rejected("unknown-recipient");
            log.warn("Inbound email for no known recipient dropped");
            return new Dropped(true, "unknown-recipient");
        }
        return receive(tenant.get(), form, request);
    }

    /** A message for the tenant in the path; 404 for an unknown tenant. */
    @PostMapping(path = "/inbound/{tenantId}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Receipt inboundForTenant(@PathVariable String tenantId, HttpServletRequest request) {
        Tenant tenant;
        try {
            tenant = tenants.forWebhook(tenantId);
        } catch (ProblemException ex) {
            secrets.rejected("unknown-tenant");
            throw ex;
        }
        if (tenant == null) {
            secrets.rejected("unknown-tenant");
            throw ProblemException.of(HttpStatus.NOT_FOUND, "tenant-not-found", "Tenant not found",
                    "No such tenant.");
        }
        authenticate(tenant, request);
        return receive(tenant, form(request), request);
    }

    /**
     * Decodes a post as the webhooks would and reads it with the travel-request extractor as intake would (with the
     * caller's tenant's model and currency), and answers both, storing nothing and acting on nothing: for checking a
     * tenant's setup or a troublesome message. Owners and admins only.
     */
    @PostMapping(path = "/debug", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('OWNER','ADMIN')")
    DebugView debug(HttpServletRequest request) {
        Map<String, FormPart> form = form(request);
        DecodedEmail email = decoder.decode(form);
        TenantId caller = currentTenant.require();
        // another tenant's id is not shown: only whether the recipients route to the caller, elsewhere or nowhere
        Optional<TenantId> routed = route(form).map(Tenant::id);
        String recipientRoutes = routed.map(t -> t.equals(caller) ? "this_tenant" : "another_tenant")
                .orElse("no_tenant");
        String tenant = routed.filter(caller::equals).map(TenantId::value).orElse(null);
        EmailText text = new EmailText(email.from(), email.subject(), email.text(), email.html(), Instant.now());
        DebugExtraction extraction = DebugExtraction.of(extractor.extract(caller, text),
                extractor.cleanedText(text));
        return new DebugView(tenant, recipientRoutes, email.messageId(), email.dedupeKey(), email.from(), email.to(),
                email.cc(),
                email.subject(), email.text(), email.html(), email.spamScore(), email.spf(), email.dkim(),
                email.envelopeTo(), email.rawMime() != null,
                email.attachments().stream()
                        .map(a -> new DebugAttachment(a.filename(), a.contentType(), a.content().length,
                                a.contentId()))
                        .toList(),
                extraction);
    }

    private Receipt receive(Tenant tenant, Map<String, FormPart> form, HttpServletRequest request) {
        authenticate(tenant, request);
        MDC.put("tenantId", tenant.id().value());
        try {
            InboundMailbox.Receipt receipt = mailbox.receive(tenant.id(), decoder.decode(form));
            return new Receipt(receipt.id(), receipt.duplicate());
        } finally {
            MDC.remove("tenantId");
        }
    }

    private void authenticate(Tenant tenant, HttpServletRequest request) {
        if (!secrets.accepts(tenant, request)) {
            secrets.rejected("unauthorized");
            log.warn("Inbound email for tenant {} rejected: missing or wrong secret", tenant.id().value());
            throw ProblemException.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                    "The inbound secret is missing or wrong.");
        }
    }

    private Optional<Tenant> route(Map<String, FormPart> form) {
        for (String recipient : decoder.recipients(form)) {
            Optional<Tenant> tenant = tenants.findByInboundAddress(recipient);
            if (tenant != null && tenant.isPresent()) {
                return tenant;
            }
        }
        return Optional.empty();
    }

    /** Reads every part of the post, no more than the size limit in all. */
    private Map<String, FormPart> form(HttpServletRequest request) {
        long max = properties.maxMessageSize().toBytes();
        long declared = request.getContentLengthLong();
        if (declared > max) {
            throw tooLarge(declared);
        }
        Map<String, FormPart> form = new LinkedHashMap<>();
        long total = 0;
        try {
            for (Part part : request.getParts()) {
                total += Math.max(part.getSize(), 0);
                if (total > max) {
                    throw tooLarge(total);
                }
                try (InputStream in = part.getInputStream()) {
                    form.putIfAbsent(part.getName(), new FormPart(part.getName(), part.getSubmittedFileName(),
                            part.getContentType(), in.readAllBytes()));
                }
            }
        } catch (IOException | ServletException ex) {
            throw ProblemException.invalidField("body", "must be a multipart form as SendGrid posts it");
        }
        return form;
    }

    private ProblemException tooLarge(long size) {
        secrets.rejected("too-large");
        log.warn("Inbound email rejected: {} bytes, limit {}", size, properties.maxMessageSize().toBytes());
        return ProblemException.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
                "The message is larger than " + InboundProperties.readable(properties.maxMessageSize()) + ".");
    }

    /** The answer to a stored (or redelivered) message. */
    record Receipt(UUID id, boolean duplicate) {
    }

    /** The answer to a message no tenant receives. */
    record Dropped(boolean dropped, String reason) {
    }

    /** A decoded message and what the extractor read from it, as the debug endpoint shows it. */
    record DebugView(String detectedTenant, String recipientRoutes, String messageId, String dedupeKey, String from,
            List<String> to,
            List<String> cc, String subject, String text, String html, BigDecimal spamScore, String spf, String dkim,
            List<String> envelopeTo, boolean rawMime, List<DebugAttachment> attachments, DebugExtraction extraction) {
    }

    /** An attachment's metadata. */
    record DebugAttachment(String filename, String contentType, long sizeBytes, String contentId) {
    }
}
