package com.zorahai.whatsapp;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** Webhook bodies shaped like Meta's documented examples (Cloud API, {@code whatsapp_business_account}). */
public final class MetaPayloads {

    private MetaPayloads() {
    }

    public static String now() {
        return String.valueOf(Instant.now().getEpochSecond());
    }

    /** One entry, one change, with these messages (JSON objects) from one contact. */
    public static String messages(String phoneNumberId, String waId, String name, String... messages) {
        return envelope(change(phoneNumberId, contacts(waId, null, name), "\"messages\": [" + String.join(",",
                messages) + "]"));
    }

    public static String statuses(String phoneNumberId, String... statuses) {
        return envelope(change(phoneNumberId, null, "\"statuses\": [" + String.join(",", statuses) + "]"));
    }

    /** A body of several entries, each a change (see {@link #change}). */
    public static String envelope(String... changes) {
        return """
                {"object": "whatsapp_business_account", "entry": [%s]}""".formatted(List.of(changes)
                .stream()
                .map(c -> """
                        {"id": "102290129340398", "changes": [%s]}""".formatted(c))
                .collect(Collectors.joining(",")));
    }

    public static String change(String phoneNumberId, String contacts, String items) {
        return """
                {"field": "messages", "value": {"messaging_product": "whatsapp",
                  "metadata": {"display_phone_number": "15550783881", "phone_number_id": "%s"}%s, %s}}"""
                .formatted(phoneNumberId, contacts == null ? "" : ", \"contacts\": " + contacts, items);
    }

    public static String contacts(String waId, String userId, String name) {
        return """
                [{"profile": {"name": "%s"}%s%s}]""".formatted(name,
                waId == null ? "" : ", \"wa_id\": \"" + waId + "\"",
                userId == null ? "" : ", \"user_id\": \"" + userId + "\"");
    }

    public static String text(String id, String from, String body) {
        return """
                {"from": "%s", "id": "%s", "timestamp": "%s", "type": "text", "text": {"body": "%s"}}"""
                .formatted(from, id, now(), body);
    }

    public static String image(String id, String from, String mediaId, String caption) {
        return """
                {"from": "%s", "id": "%s", "timestamp": "%s", "type": "image",
                 "image": {"caption": "%s", "mime_type": "image/jpeg",
                           "sha256": "2f1d7b1b7e2a0d6f0b86c1d0f9a9c9b1f0a1b2c3d4e5f60718293a4b5c6d7e8f", "id": "%s"}}"""
                .formatted(from, id, now(), caption, mediaId);
    }

    public static String voiceNote(String id, String from, String mediaId) {
        return """
                {"from": "%s", "id": "%s", "timestamp": "%s", "type": "audio",
                 "audio": {"mime_type": "audio/ogg; codecs=opus",
                           "sha256": "8c1e1d9a0b7b6f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0f9e8d7c",
                           "id": "%s", "voice": true}}""".formatted(from, id, now(), mediaId);
    }

    public static String buttonReply(String id, String from, String replyId, String title, String context) {
        return """
                {"context": {"from": "15550783881", "id": "%s"}, "from": "%s", "id": "%s", "timestamp": "%s",
                 "type": "interactive",
                 "interactive": {"type": "button_reply", "button_reply": {"id": "%s", "title": "%s"}}}"""
                .formatted(context, from, id, now(), replyId, title);
    }

    public static String listReply(String id, String from, String replyId, String title, String description) {
        return """
                {"from": "%s", "id": "%s", "timestamp": "%s", "type": "interactive",
                 "interactive": {"type": "list_reply",
                                 "list_reply": {"id": "%s", "title": "%s", "description": "%s"}}}"""
                .formatted(from, id, now(), replyId, title, description);
    }

    public static String status(String messageId, String status, String recipient) {
        return """
                {"id": "%s", "status": "%s", "timestamp": "%s", "recipient_id": "%s",
                 "conversation": {"id": "c0ffee", "origin": {"type": "service"}},
                 "pricing": {"billable": true, "pricing_model": "PMP", "category": "service"}}"""
                .formatted(messageId, status, now(), recipient);
    }

    public static String failed(String messageId, String recipient, int code, String title) {
        return """
                {"id": "%s", "status": "failed", "timestamp": "%s", "recipient_id": "%s",
                 "errors": [{"code": %d, "title": "%s", "message": "%s",
                             "error_data": {"details": "Message failed to send."},
                             "href": "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/"}]}"""
                .formatted(messageId, now(), recipient, code, title, title);
    }
}
