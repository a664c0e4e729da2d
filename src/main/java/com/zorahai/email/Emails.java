package com.zorahai.email;

import com.zorahai.email.outbox.Outbox;
import com.zorahai.email.outbox.OutboxEntry;
import com.zorahai.email.templates.EmailRenderer;
import com.zorahai.email.templates.HtmlText;
import com.zorahai.email.templates.RenderedEmail;
import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.TenantId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

/**
 * Outbound email: every email is an outbox row first, sent later by a worker with retries, backoff and a circuit
 * breaker, each attempt recorded. A template is rendered now (the tenant's own first, the shipped default second),
 * so what is sent is what was queued.
 */
@Service
public class Emails {

    /** SendGrid's limit of recipients per message. */
    static final int MAX_RECIPIENTS = 1000;
    /** Attachments in total; SendGrid takes 30 MB per request and Base64 adds a third. */
    static final int MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

    private static final Pattern ADDRESS = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    /** Extra headers per email. */
    static final int MAX_HEADERS = 20;

    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,75}");

    /** Headers SendGrid sets itself and refuses in {@code headers}; compared in lower case. */
    private static final Set<String> RESERVED_HEADERS = Set.of("x-sg-id", "x-sg-eid", "received", "dkim-signature",
            "content-type", "content-transfer-encoding", "to", "from", "subject", "reply-to", "cc", "bcc");

    private final EmailRenderer renderer;
    private final Outbox outbox;

    Emails(EmailRenderer renderer, Outbox outbox) {
        this.renderer = renderer;
        this.outbox = outbox;
    }

    /**
     * Queues the email and returns its id; the id of the existing email when the idempotency key was seen. Joins the
     * caller's transaction, so the email goes out only if the caller's changes commit.
     *
     * @throws ProblemException 400 naming the field for a missing or invalid recipient, subject, body, template,
     *         attachment, header or key
     */
    public UUID queue(OutboundEmail email) {
        if (email == null) {
            throw ProblemException.invalidField("email", "is required");
        }
        if (email.tenantId() == null) {
            throw ProblemException.invalidField("tenantId", "is required");
        }
        List<String> to = addresses("to", email.to());
        if (to.isEmpty()) {
            throw ProblemException.invalidField("to", "needs at least one address");
        }
        List<String> cc = withoutDuplicates(to, addresses("cc", email.cc()));
        if (to.size() + cc.size() > MAX_RECIPIENTS) {
            throw ProblemException.invalidField("to", "at most " + MAX_RECIPIENTS + " recipients in to and cc");
        }
        String subject = subject(email.subject());
        String key = idempotencyKey(email.idempotencyKey());
        List<OutboundEmail.Attachment> attachments = attachments(email.attachments());
        Map<String, String> headers = headers(email.headers());

        String html;
        String text;
        String template = StringUtils.hasText(email.template()) ? email.template().trim() : null;
        if (template != null) {
            RenderedEmail rendered = renderer.render(email.tenantId(), template, subject, email.model());
            html = rendered.html();
            text = StringUtils.hasText(email.text()) ? email.text() : rendered.text();
        } else if (StringUtils.hasText(email.html())) {
            html = email.html();
            text = StringUtils.hasText(email.text()) ? email.text() : HtmlText.of(html);
        } else if (StringUtils.hasText(email.text())) {
            html = null;
            text = email.text();
        } else {
            throw ProblemException.invalidField("template", "give a template, html or text");
        }
        return outbox.add(new OutboxEntry(email.tenantId(), to, cc, subject, html, text, template, attachments, key,
                headers));
    }

    private static List<String> addresses(String field, List<String> given) {
        if (given == null) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String address = given.get(i) == null ? "" : given.get(i).trim();
            if (address.length() > 254 || !ADDRESS.matcher(address).matches()) {
                throw ProblemException.invalidField(field + "[" + i + "]", "must be an email address");
            }
            if (seen.add(address.toLowerCase(Locale.ROOT))) {
                result.add(address);
            }
        }
        return result;
    }

    /** SendGrid refuses an address that is both in to and in cc. */
    private static List<String> withoutDuplicates(List<String> to, List<String> cc) {
        Set<String> inTo = new HashSet<>();
        to.forEach(a -> inTo.add(a.toLowerCase(Locale.ROOT)));
        return cc.stream().filter(a -> !inTo.contains(a.toLowerCase(Locale.ROOT))).toList();
    }

    private static String subject(String subject) {
        if (!StringUtils.hasText(subject)) {
            throw ProblemException.invalidField("subject", "is required");
        }
        // a line break in a subject would start a new header
        String oneLine = subject.replaceAll("[\\r\\n]+", " ").strip();
        if (oneLine.length() > 998) {
            throw ProblemException.invalidField("subject", "at most 998 characters");
        }
        return oneLine;
    }

    private static String idempotencyKey(String key) {
        if (key == null) {
            return null;
        }
        if (key.isBlank() || key.length() > 255) {
            throw ProblemException.invalidField("idempotencyKey", "must be 1 to 255 characters");
        }
        return key;
    }

    /** Names that are tokens and not set by the provider; one-line values a line may hold (RFC 5322: 998). */
    private static Map<String, String> headers(Map<String, String> given) {
        if (given == null || given.isEmpty()) {
            return Map.of();
        }
        if (given.size() > MAX_HEADERS) {
            throw ProblemException.invalidField("headers", "at most " + MAX_HEADERS + " headers");
        }
        Map<String, String> result = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, String> header : given.entrySet()) {
            String name = header.getKey() == null ? "" : header.getKey().strip();
            if (!HEADER_NAME.matcher(name).matches()) {
                throw ProblemException.invalidField("headers", "a header name must be letters, digits and dashes");
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (RESERVED_HEADERS.contains(lower) || !seen.add(lower)) {
                throw ProblemException.invalidField("headers." + name, "is set by the email itself");
            }
            String value = header.getValue() == null ? "" : header.getValue().strip();
            if (value.isEmpty() || value.length() > 998 || value.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
                throw ProblemException.invalidField("headers." + name, "must be one line of 1 to 998 characters");
            }
            result.put(name, value);
        }
        return result;
    }

    private static List<OutboundEmail.Attachment> attachments(List<OutboundEmail.Attachment> given) {
        if (given == null) {
            return List.of();
        }
        List<OutboundEmail.Attachment> result = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < given.size(); i++) {
            OutboundEmail.Attachment attachment = given.get(i);
            String field = "attachments[" + i + "]";
            if (attachment == null || attachment.content() == null) {
                throw ProblemException.invalidField(field + ".content", "is required");
            }
            String filename = attachment.filename() == null
                    ? ""
                    : attachment.filename().replaceAll("[\\r\\n\\\\/\\x00]", "_").strip();
            if (filename.isEmpty() || filename.length() > 255) {
                throw ProblemException.invalidField(field + ".filename", "must be 1 to 255 characters");
            }
            String type = StringUtils.hasText(attachment.contentType())
                    ? attachment.contentType().strip()
                    : "application/octet-stream";
            if (type.length() > 255 || type.contains("\n") || type.contains("\r")) {
                throw ProblemException.invalidField(field + ".contentType", "must be a media type");
            }
            total += attachment.content().length;
            if (total > MAX_ATTACHMENT_BYTES) {
                throw ProblemException.invalidField("attachments", "at most 20 MB in total");
            }
            result.add(new OutboundEmail.Attachment(filename, type, attachment.content()));
        }
        return result;
    }
}
