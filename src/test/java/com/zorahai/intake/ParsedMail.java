package com.zorahai.intake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.mock.web.MockPart;

/**
 * A SendGrid Inbound Parse post in parsed mode, as SendGrid sends it: {@code headers} (with Message-ID and, for
 * replies, In-Reply-To), {@code text} and {@code html}, the envelope, SPF, DKIM, charsets and the spam check.
 */
public final class ParsedMail {

    private final String recipient;
    private String fromName = "Sarah Mitchell";
    private String fromAddress = "sarah@example.com";
    private String subject = "Holiday enquiry";
    private String text = "";
    private String messageId = "<CAJ" + UUID.randomUUID().toString().replace("-", "") + "@mail.gmail.com>";
    private String inReplyTo;
    private String spamScore = "0.3";

    private ParsedMail(String recipient) {
        this.recipient = recipient;
    }

    public static ParsedMail to(String recipient) {
        return new ParsedMail(recipient);
    }

    public ParsedMail from(String name, String address) {
        this.fromName = name;
        this.fromAddress = address;
        return this;
    }

    public ParsedMail subject(String value) {
        this.subject = value;
        return this;
    }

    public ParsedMail text(String value) {
        this.text = value;
        return this;
    }

    public ParsedMail inReplyTo(String value) {
        this.inReplyTo = value;
        return this;
    }

    public ParsedMail spamScore(String value) {
        this.spamScore = value;
        return this;
    }

    public String messageId() {
        return messageId;
    }

    private String from() {
        return fromName == null ? fromAddress : fromName + " <" + fromAddress + ">";
    }

    public MockPart[] parts() {
        String headers = """
                Received: by mx0047p1mdw1.sendgrid.net with SMTP id 6WCVv7KAWn Mon, 23 Nov 2026 07:12:04 +0000 (UTC)
                Received: from mail-wm1-f41.google.com (mail-wm1-f41.google.com [209.85.128.41]) by \
                mx0047p1mdw1.sendgrid.net (Postfix) with ESMTPS id 3B6F2A0127 for <%s>; Mon, 23 Nov 2026 \
                07:12:04 +0000 (UTC)
                DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.com; s=20230601; h=to:subject; \
                bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=; b=Xh0x
                MIME-Version: 1.0
                From: %s
                Date: Mon, 23 Nov 2026 09:12:03 +0200
                Message-ID: %s
                %sSubject: %s
                To: <%s>
                Content-Type: multipart/alternative; boundary="000000000000a1b2c3"
                """.formatted(recipient, from(), messageId,
                inReplyTo == null ? "" : "In-Reply-To: " + inReplyTo + "\nReferences: " + inReplyTo + "\n",
                subject, recipient);
        String html = "<div dir=\"ltr\">" + text.replace("&", "&amp;").replace("<", "&lt;").replace("\n", "<br>")
                + "</div>\n";
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("headers", headers);
        fields.put("dkim", "{@example.com : pass}");
        fields.put("content-ids", "{}");
        fields.put("to", recipient);
        fields.put("from", from());
        fields.put("text", text);
        fields.put("html", html);
        fields.put("sender_ip", "209.85.128.41");
        fields.put("spam_report", "Spam detection software, running on the system \"mx0047p1mdw1\", has NOT "
                + "identified this incoming email as spam.\n");
        fields.put("envelope", "{\"to\":[\"" + recipient + "\"],\"from\":\"" + fromAddress + "\"}");
        fields.put("attachments", "0");
        fields.put("subject", subject);
        fields.put("spam_score", spamScore);
        fields.put("charsets", "{\"to\":\"UTF-8\",\"html\":\"UTF-8\",\"subject\":\"UTF-8\",\"from\":\"UTF-8\","
                + "\"text\":\"UTF-8\"}");
        fields.put("SPF", "pass");
        List<MockPart> parts = new ArrayList<>();
        fields.forEach((name, value) -> parts.add(new MockPart(name, value.getBytes(StandardCharsets.UTF_8))));
        return parts.toArray(MockPart[]::new);
    }
}
