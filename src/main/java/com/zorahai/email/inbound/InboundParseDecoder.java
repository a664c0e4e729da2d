package com.zorahai.email.inbound;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decodes a SendGrid Inbound Parse post in either mode. Parsed mode: the fields as posted, {@code text} and
 * {@code html} decoded with the charset {@code charsets} names for them (SendGrid converts the other fields to
 * UTF-8 but leaves the bodies in their source charset), files {@code attachment1..N} described by
 * {@code attachment-info}. Raw mode: the {@code email} field is the whole MIME message, parsed here.
 */
@Component
public class InboundParseDecoder {

    private static final Pattern ATTACHMENT_PART = Pattern.compile("attachment(\\d+)");
    private static final int MAX_MIME_DEPTH = 20;

    private final JsonMapper json;
    private final Session session;

    InboundParseDecoder(JsonMapper json) {
        this.json = json;
        Properties properties = new Properties();
        properties.setProperty("mail.mime.address.strict", "false");
        properties.setProperty("mail.mime.decodetext.strict", "false");
        properties.setProperty("mail.mime.decodefilename", "true");
        this.session = Session.getInstance(properties);
    }

    /**
     * The recipients to route by, best first: {@code envelope.to} (where SendGrid really delivered), then the
     * {@code to} and {@code cc} fields. Needs no MIME parsing, so it is cheap before authentication.
     */
    public List<String> recipients(Map<String, FormPart> form) {
        List<String> result = new ArrayList<>(envelopeTo(envelope(form)));
        result.addAll(addresses(utf8(form, "to")));
        result.addAll(addresses(utf8(form, "cc")));
        return result;
    }

    /** The whole message; never fails on odd charsets or malformed MIME. */
    public DecodedEmail decode(Map<String, FormPart> form) {
        JsonNode envelope = envelope(form);
        String envelopeJson = envelope == null ? null : json.writeValueAsString(envelope);
        List<String> envelopeTo = envelopeTo(envelope);
        BigDecimal spamScore = spamScore(utf8(form, "spam_score"));
        String spf = limit(utf8(form, "SPF"), 255);
        String dkim = utf8(form, "dkim");
        String hash = "sha256:" + hash(form);
        FormPart raw = form.get("email");
        if (raw != null && raw.size() > 0) {
            return raw(form, raw.content(), hash, spamScore, spf, dkim, envelopeJson, envelopeTo);
        }
        Map<String, String> charsets = charsets(form);
        String headers = utf8(form, "headers");
        String messageId = headers == null ? null : messageId(header(headers, "Message-ID"));
        String text = field(form, "text", charsets);
        String html = field(form, "html", charsets);
        return new DecodedEmail(messageId, dedupeKey(messageId, hash), utf8(form, "from"),
                addresses(utf8(form, "to")), addresses(utf8(form, "cc")), utf8(form, "subject"), text, html, headers,
                spamScore, spf, dkim, envelopeJson, envelopeTo, null, parsedAttachments(form));
    }

    private DecodedEmail raw(Map<String, FormPart> form, byte[] source, String hash, BigDecimal spamScore, String spf,
            String dkim, String envelopeJson, List<String> envelopeTo) {
        try {
            MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(source));
            String messageId = messageId(message.getMessageID());
            List<String> to = mimeAddresses(message, "To");
            List<String> cc = mimeAddresses(message, "Cc");
            List<String> from = mimeAddresses(message, "From");
            Body body = new Body();
            walk(message, body, 0);
            return new DecodedEmail(messageId, dedupeKey(messageId, hash),
                    from.isEmpty() ? utf8(form, "from") : from.getFirst(),
                    to.isEmpty() ? addresses(utf8(form, "to")) : to,
                    cc.isEmpty() ? addresses(utf8(form, "cc")) : cc,
                    subject(message, form), body.text, body.html, headerBlock(message), spamScore, spf, dkim,
                    envelopeJson, envelopeTo, source, body.attachments);
        } catch (MessagingException | IOException ex) {
            // unreadable MIME is still kept whole, so nothing is lost
            return new DecodedEmail(null, hash, utf8(form, "from"), addresses(utf8(form, "to")),
                    addresses(utf8(form, "cc")), utf8(form, "subject"), null, null, null, spamScore, spf, dkim,
                    envelopeJson, envelopeTo, source, List.of());
        }
    }

    /** The text and html bodies of a MIME message and its files. */
    private static final class Body {
        String text;
        String html;
        final List<DecodedEmail.Attachment> attachments = new ArrayList<>();
    }

    private void walk(Part part, Body body, int depth) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*") && depth < MAX_MIME_DEPTH) {
            Object content = part.getContent();
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    walk(multipart.getBodyPart(i), body, depth + 1);
                }
                return;
            }
        }
        String filename = filename(part);
        boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || filename != null;
        byte[] bytes = part.getInputStream().readAllBytes();
        if (!attached && part.isMimeType("text/plain") && body.text == null) {
            body.text = TextDecoding.decode(bytes, charset(part));
        } else if (!attached && part.isMimeType("text/html") && body.html == null) {
            body.html = TextDecoding.decode(bytes, charset(part));
        } else {
            String type = baseType(part.getContentType());
            String name = filename != null
                    ? filename
                    : "attachment-" + (body.attachments.size() + 1) + ("message/rfc822".equals(type) ? ".eml" : "");
            String contentId = part instanceof jakarta.mail.internet.MimePart mime ? mime.getContentID() : null;
            body.attachments.add(new DecodedEmail.Attachment(name, type, contentId, bytes));
        }
    }

    private static String filename(Part part) {
        try {
            String name = part.getFileName();
            return name == null || name.isBlank() ? null : MimeUtility.decodeText(name);
        } catch (MessagingException | UnsupportedEncodingException ex) {
            return null;
        }
    }

    private static String charset(Part part) {
        try {
            return new ContentType(part.getContentType()).getParameter("charset");
        } catch (MessagingException ex) {
            return null;
        }
    }

    private static String baseType(String contentType) {
        if (contentType == null) {
            return "application/octet-stream";
        }
        try {
            return new ContentType(contentType).getBaseType().toLowerCase(java.util.Locale.ROOT);
        } catch (MessagingException ex) {
            return "application/octet-stream";
        }
    }

    private static String subject(MimeMessage message, Map<String, FormPart> form) throws MessagingException {
        String subject = message.getSubject();
        return subject != null ? subject : utf8(form, "subject");
    }

    private static List<String> mimeAddresses(MimeMessage message, String name) throws MessagingException {
        String value = message.getHeader(name, ",");
        if (value == null) {
            return List.of();
        }
        return addresses(decodeHeader(value));
    }

    private static String headerBlock(MimeMessage message) throws MessagingException {
        StringBuilder block = new StringBuilder();
        Enumeration<String> lines = message.getAllHeaderLines();
        while (lines.hasMoreElements()) {
            block.append(lines.nextElement()).append("\r\n");
        }
        return block.toString();
    }

    private List<DecodedEmail.Attachment> parsedAttachments(Map<String, FormPart> form) {
        JsonNode info = tree(utf8(form, "attachment-info"));
        Map<Integer, FormPart> files = new TreeMap<>();
        for (FormPart part : form.values()) {
            Matcher matcher = ATTACHMENT_PART.matcher(part.name());
            if (matcher.matches() && matcher.group(1).length() < 6) {
                files.put(Integer.parseInt(matcher.group(1)), part);
            }
        }
        List<DecodedEmail.Attachment> result = new ArrayList<>();
        files.forEach((n, part) -> {
            JsonNode described = info == null ? null : info.get(part.name());
            String filename = first(text(described, "filename"), text(described, "name"), part.filename(),
                    part.name());
            String type = first(text(described, "type"), part.contentType(), "application/octet-stream");
            result.add(new DecodedEmail.Attachment(filename, baseType(type), text(described, "content-id"),
                    part.content()));
        });
        return result;
    }

    private JsonNode envelope(Map<String, FormPart> form) {
        return tree(utf8(form, "envelope"));
    }

    private static List<String> envelopeTo(JsonNode envelope) {
        if (envelope == null) {
            return List.of();
        }
        JsonNode to = envelope.get("to");
        List<String> result = new ArrayList<>();
        if (to != null && to.isArray()) {
            to.forEach(node -> {
                if (node.isString() && !node.stringValue().isBlank()) {
                    result.add(node.stringValue().trim());
                }
            });
        } else if (to != null && to.isString()) {
            result.addAll(addresses(to.stringValue()));
        }
        return result;
    }

    private Map<String, String> charsets(Map<String, FormPart> form) {
        JsonNode node = tree(utf8(form, "charsets"));
        Map<String, String> result = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getValue().isString()) {
                    result.put(e.getKey(), e.getValue().stringValue());
                }
            });
        }
        return result;
    }

    private JsonNode tree(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            JsonNode node = json.readTree(value);
            return node != null && node.isObject() ? node : null;
        } catch (JacksonException ex) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode value = node.get(field);
        return value != null && value.isString() && !value.stringValue().isBlank() ? value.stringValue() : null;
    }

    private static String field(Map<String, FormPart> form, String name, Map<String, String> charsets) {
        FormPart part = form.get(name);
        return part == null ? null : TextDecoding.decode(part.content(), charsets.get(name));
    }

    private static String utf8(Map<String, FormPart> form, String name) {
        FormPart part = form.get(name);
        if (part == null) {
            return null;
        }
        String value = TextDecoding.decode(part.content(), "UTF-8");
        return value.isEmpty() ? null : value;
    }

    /** Splits an address list; a list the parser rejects is split at commas. */
    static List<String> addresses(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        try {
            for (Address address : InternetAddress.parseHeader(header, false)) {
                if (address instanceof InternetAddress internet && internet.getAddress() != null) {
                    result.add(display(internet));
                }
            }
        } catch (AddressException ex) {
            for (String piece : header.split(",")) {
                if (!piece.isBlank()) {
                    result.add(piece.trim());
                }
            }
        }
        return result;
    }

    /** {@code Name <address>}, the name quoted only when it would otherwise read as more than one address. */
    private static String display(InternetAddress address) {
        String name = address.getPersonal();
        if (name == null || name.isBlank()) {
            return address.getAddress();
        }
        String shown = name.matches(".*[,;<>\"@].*") ? "\"" + name.replace("\"", "'") + "\"" : name;
        return shown + " <" + address.getAddress() + ">";
    }

    private static String decodeHeader(String value) {
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(value));
        } catch (UnsupportedEncodingException ex) {
            return value;
        }
    }

    private static String header(String block, String name) {
        try {
            InternetHeaders headers = new InternetHeaders(
                    new ByteArrayInputStream(block.getBytes(StandardCharsets.UTF_8)), true);
            return headers.getHeader(name, null);
        } catch (MessagingException ex) {
            return null;
        }
    }

    private static String messageId(String value) {
        if (value == null) {
            return null;
        }
        String id = MimeUtility.unfold(value).trim();
        return id.isEmpty() ? null : limit(id, 998);
    }

    /** The Message-ID, hashed when it is too long for an index; the post's hash when there is none. */
    static String dedupeKey(String messageId, String postHash) {
        if (messageId == null) {
            return postHash;
        }
        if (messageId.length() <= 500) {
            return messageId;
        }
        try {
            return "message-id-sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(messageId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is missing", ex);
        }
    }

    private static BigDecimal spamScore(String value) {
        if (value == null) {
            return null;
        }
        try {
            BigDecimal score = new BigDecimal(value.trim());
            return score.abs().compareTo(new BigDecimal("99999")) < 0 ? score : null;
        } catch (NumberFormatException ex) {
            return null;
        }
    }

    /** A digest of every part but a {@code token}, in name order: the same post hashes the same. */
    private static String hash(Map<String, FormPart> form) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            new TreeMap<>(form).forEach((name, part) -> {
                if (!name.equals("token")) {
                    digest.update(name.getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                    digest.update(Integer.toString(part.size()).getBytes(StandardCharsets.US_ASCII));
                    digest.update((byte) 0);
                    digest.update(part.content());
                }
            });
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is missing", ex);
        }
    }

    private static String limit(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
