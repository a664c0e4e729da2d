package com.zorahai.email.inbound;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockPart;

/**
 * Multipart posts shaped as SendGrid Inbound Parse sends them, in parsed mode (fields {@code headers}, {@code text},
 * {@code html}, {@code attachment1..N} described by {@code attachment-info}) and raw mode (field {@code email}).
 */
public final class InboundParsePosts {

    private final Map<String, MockPart> parts = new LinkedHashMap<>();

    private InboundParsePosts() {
    }

    /** A parsed-mode post from Jane to {@code recipient}, with this Message-ID ({@code null}: none). */
    public static InboundParsePosts parsed(String recipient, String messageId) {
        InboundParsePosts post = new InboundParsePosts();
        String headers = """
                Received: by mx0047p1mdw1.sendgrid.net with SMTP id 6WCVv7KAWn Mon, 23 Nov 2026 07:12:04 +0000 (UTC)
                Received: from mail-wm1-f41.google.com (mail-wm1-f41.google.com [209.85.128.41]) by \
                mx0047p1mdw1.sendgrid.net (Postfix) with ESMTPS id 3B6F2A0127 for <%s>; Mon, 23 Nov 2026 \
                07:12:04 +0000 (UTC)
                DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.com; s=20230601; h=to:subject; \
                bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=; b=Xh0x
                MIME-Version: 1.0
                From: Jane Traveller <jane@example.com>
                Date: Mon, 23 Nov 2026 09:12:03 +0200
                %sSubject: Quote request: Cape Town in March
                To: Demo Travel <%s>
                Content-Type: multipart/mixed; boundary="000000000000a1b2c3"
                """.formatted(recipient, messageId == null ? "" : "Message-ID: " + messageId + "\n", recipient);
        post.field("headers", headers)
                .field("dkim", "{@example.com : pass}")
                .field("content-ids", "{}")
                .field("to", "Demo Travel <" + recipient + ">")
                .field("from", "Jane Traveller <jane@example.com>")
                .field("text", "Hi,\n\nWe are 2 adults looking at 5 nights in Cape Town.\n\nJane\n")
                .field("html", "<div dir=\"ltr\">Hi,<br><br>We are 2 adults looking at 5 nights in Cape Town."
                        + "<br><br>Jane</div>\n")
                .field("sender_ip", "209.85.128.41")
                .field("spam_report", "Spam detection software, running on the system \"mx0047p1mdw1\", has NOT "
                        + "identified this incoming email as spam.\n")
                .field("envelope", "{\"to\":[\"" + recipient + "\"],\"from\":\"jane@example.com\"}")
                .field("attachments", "0")
                .field("subject", "Quote request: Cape Town in March")
                .field("spam_score", "0.011")
                .field("charsets", "{\"to\":\"UTF-8\",\"html\":\"UTF-8\",\"subject\":\"UTF-8\",\"from\":\"UTF-8\","
                        + "\"text\":\"UTF-8\"}")
                .field("SPF", "pass");
        return post;
    }

    /** A raw-mode post ({@code send_raw}): the MIME source in {@code email}, no headers, bodies or files. */
    public static InboundParsePosts raw(String recipient, String mime) {
        InboundParsePosts post = new InboundParsePosts();
        post.field("dkim", "{@example.com : pass}")
                .field("to", recipient)
                .field("from", "=?ISO-8859-1?Q?Jos=E9?= <jose@example.com>")
                .field("sender_ip", "209.85.128.41")
                .field("envelope", "{\"to\":[\"" + recipient + "\"],\"from\":\"jose@example.com\"}")
                .field("subject", "Réservation")
                .field("charsets", "{\"to\":\"UTF-8\",\"subject\":\"UTF-8\",\"from\":\"UTF-8\"}")
                .field("spam_score", "1.2")
                .field("SPF", "softfail");
        post.parts.put("email", new MockPart("email", mime.getBytes(StandardCharsets.ISO_8859_1)));
        return post;
    }

    /** Sets a UTF-8 field. */
    public InboundParsePosts field(String name, String value) {
        parts.put(name, new MockPart(name, value.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    /** Sets a field's bytes in another charset, as SendGrid posts {@code text} and {@code html}. */
    public InboundParsePosts field(String name, String value, Charset charset) {
        parts.put(name, new MockPart(name, value.getBytes(charset)));
        return this;
    }

    /** Adds {@code attachmentN} and describes it in {@code attachment-info}. */
    public InboundParsePosts attachments(List<File> files) {
        StringBuilder info = new StringBuilder("{");
        for (int i = 0; i < files.size(); i++) {
            File file = files.get(i);
            String name = "attachment" + (i + 1);
            parts.put(name, new MockPart(name, file.filename(), file.content(), MediaType.parseMediaType(
                    file.type())));
            info.append(i == 0 ? "" : ",")
                    .append("\"").append(name).append("\":{\"filename\":\"").append(file.filename())
                    .append("\",\"name\":\"").append(file.filename()).append("\",\"type\":\"").append(file.type())
                    .append("\"}");
        }
        field("attachment-info", info.append("}").toString());
        field("attachments", Integer.toString(files.size()));
        return this;
    }

    public MockPart[] parts() {
        return new ArrayList<>(parts.values()).toArray(MockPart[]::new);
    }

    /** A file attached to a post. */
    public record File(String filename, String type, byte[] content) {
    }
}
