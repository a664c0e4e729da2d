package com.zorahai.whatsapp.firestore;

import com.zorahai.whatsapp.Conversation;
import com.zorahai.whatsapp.WhatsAppMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The documents the Firestore store writes, kept apart from the SDK so the mapping is plain data: one
 * {@code conversations/{tenant}_{conversation}} document per conversation with a {@code messages} sub-collection, and
 * one {@code dashboardMetrics/{tenant}_{yyyy-MM-dd}} document of counters per tenant and day (UTC). Field names are
 * camelCase, as the dashboards that read these collections expect.
 */
final class FirestoreDocuments {

    static final String CONVERSATIONS = "conversations";
    static final String MESSAGES = "messages";
    static final String METRICS = "dashboardMetrics";

    private FirestoreDocuments() {
    }

    static String conversationId(String tenant, UUID conversation) {
        return tenant + "_" + conversation;
    }

    static String metricsId(String tenant, Instant at) {
        return tenant + "_" + LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    /** The conversation document (merged into what is there). */
    static Map<String, Object> conversation(String tenant, Conversation conversation) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("tenantId", tenant);
        document.put("conversationId", conversation.id().toString());
        document.put("contactKey", conversation.contact().key());
        document.put("phoneNumber", conversation.contact().waId());
        document.put("userId", conversation.contact().userId());
        document.put("customerName", conversation.contact().name());
        document.put("lastMessageAt", date(conversation.lastMessageAt()));
        document.put("lastMessagePreview", conversation.lastMessagePreview());
        document.put("lastInboundAt", date(conversation.lastInboundAt()));
        document.put("unreadCount", conversation.unreadCount());
        document.put("needsHuman", conversation.needsHuman());
        document.put("botPaused", conversation.botPaused());
        document.put("handoffReason", conversation.handoffReason());
        document.put("createdAt", date(conversation.createdAt()));
        return document;
    }

    /** A message document of the {@code messages} sub-collection, keyed by the channel's message id. */
    static Map<String, Object> message(UUID id, String direction, WhatsAppMessage message, String status,
            String sentBy, Instant at) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("messageId", id.toString());
        document.put("direction", direction);
        document.put("type", message.type().value());
        document.put("text", message.text());
        document.put("providerMessageId", message.providerMessageId());
        document.put("status", status);
        document.put("sentBy", sentBy);
        if (message.media() != null) {
            document.put("mediaStorageKey", message.media().storageKey());
            document.put("mediaMimeType", message.media().mimeType());
            document.put("voiceNote", message.media().voice());
        }
        if (message.reply() != null) {
            document.put("replyId", message.reply().id());
        }
        document.put("createdAt", date(at));
        return document;
    }

    /** A status change of a message document. */
    static Map<String, Object> status(String status, Integer errorCode, String errorTitle, Instant at) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("status", status);
        document.put("statusAt", date(at));
        if (errorCode != null || errorTitle != null) {
            document.put("errorCode", errorCode);
            document.put("errorTitle", errorTitle);
        }
        return document;
    }

    /** Which counter of the day's metrics an event adds one to. */
    static String counter(String event) {
        return switch (event) {
            case "received" -> "messagesIn";
            case "sent" -> "messagesOut";
            case "failed" -> "messagesFailed";
            case "handoff" -> "handoffs";
            default -> throw new IllegalArgumentException("no counter for " + event);
        };
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
