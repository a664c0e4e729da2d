package com.zorahai.whatsapp.provider;

import com.zorahai.whatsapp.DeliveryStatus;
import com.zorahai.whatsapp.MessageType;
import com.zorahai.whatsapp.WhatsAppContact;
import com.zorahai.whatsapp.WhatsAppMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reads Meta's Cloud API webhook format ({@code object → entry[] → changes[] → value}), which 360dialog and
 * MontyMobile forward as is. Every entry, change, message and status is read, never just the first. A message
 * names its sender by {@code from} (phone digits) and, since 2026, by a business-scoped user id
 * ({@code from_user_id} on the message or {@code user_id} on the contact); the user id is the contact's key when
 * present because the phone number may be withheld.
 */
public final class CloudApiWebhooks {

    private static final int MAX_TEXT = 8192;

    private CloudApiWebhooks() {
    }

    /** The normalised content; an unknown shape gives an empty result, never an exception. */
    public static ParsedWebhook parse(JsonNode root) {
        return parse(root, false);
    }

    /**
     * @param senderFromMessage take the phone number from {@code messages[].from} even when {@code contacts[]}
     *        disagrees (MontyMobile's {@code contacts[0].wa_id} has been seen wrong)
     */
    public static ParsedWebhook parse(JsonNode root, boolean senderFromMessage) {
        List<ParsedWebhook.Inbound> messages = new ArrayList<>();
        List<ParsedWebhook.Status> statuses = new ArrayList<>();
        List<ParsedWebhook.Error> errors = new ArrayList<>();
        if (root == null || !root.isObject()) {
            return new ParsedWebhook(messages, statuses, errors);
        }
        for (JsonNode entry : array(root, "entry")) {
            for (JsonNode change : array(entry, "changes")) {
                String field = text(change, "field");
                if (field != null && !"messages".equals(field)) {
                    continue;
                }
                JsonNode value = change.get("value");
                if (value == null || !value.isObject()) {
                    continue;
                }
                String phoneNumberId = text(value.get("metadata"), "phone_number_id");
                List<JsonNode> contacts = array(value, "contacts");
                for (JsonNode message : array(value, "messages")) {
                    message(phoneNumberId, contacts, message, senderFromMessage).ifPresent(messages::add);
                }
                for (JsonNode status : array(value, "statuses")) {
                    status(phoneNumberId, status).ifPresent(statuses::add);
                }
                for (JsonNode error : array(value, "errors")) {
                    errors.add(new ParsedWebhook.Error(phoneNumberId, integer(error, "code"), text(error, "title"),
                            detail(error)));
                }
            }
        }
        return new ParsedWebhook(messages, statuses, errors);
    }

    private static Optional<ParsedWebhook.Inbound> message(String phoneNumberId, List<JsonNode> contacts,
            JsonNode message, boolean senderFromMessage) {
        String id = text(message, "id");
        String from = digits(text(message, "from"));
        String fromUserId = text(message, "from_user_id");
        if (id == null || from == null && fromUserId == null && contacts.isEmpty()) {
            return Optional.empty();
        }
        JsonNode contact = contactOf(contacts, from, fromUserId);
        String waId = from;
        if (waId == null && contact != null) {
            waId = digits(text(contact, "wa_id"));
        } else if (!senderFromMessage && contact != null && from == null) {
            waId = digits(text(contact, "wa_id"));
        }
        String userId = fromUserId != null ? fromUserId : contact == null ? null : text(contact, "user_id");
        String name = contact == null ? null : text(contact.get("profile"), "name");
        String key = userId != null ? userId : waId;
        if (key == null) {
            return Optional.empty();
        }
        WhatsAppContact who = new WhatsAppContact(key, waId, userId, truncate(name, 200));
        return Optional.of(new ParsedWebhook.Inbound(phoneNumberId, who, content(message), null));
    }

    /** The contact of a message: the one with its phone number or user id, or the only one. */
    private static JsonNode contactOf(List<JsonNode> contacts, String from, String fromUserId) {
        for (JsonNode contact : contacts) {
            if (from != null && from.equals(digits(text(contact, "wa_id")))
                    || fromUserId != null && fromUserId.equals(text(contact, "user_id"))) {
                return contact;
            }
        }
        return contacts.size() == 1 ? contacts.get(0) : null;
    }

    /** The message's content in the channel's shape. */
    public static WhatsAppMessage content(JsonNode message) {
        String id = text(message, "id");
        Instant timestamp = epochSeconds(text(message, "timestamp"));
        String context = text(message.get("context"), "id");
        String type = Optional.ofNullable(text(message, "type")).orElse("unsupported");
        return switch (type) {
            case "text" -> new WhatsAppMessage(MessageType.TEXT, truncate(text(message.get("text"), "body"),
                    MAX_TEXT), null, null, null, null, context, id, timestamp);
            case "image", "video", "document", "audio", "sticker" -> media(message, type, id, context, timestamp);
            case "location" -> {
                JsonNode location = message.get("location");
                yield new WhatsAppMessage(MessageType.LOCATION, text(location, "name"), null,
                        new WhatsAppMessage.Location(number(location, "latitude"), number(location, "longitude"),
                                text(location, "name"), text(location, "address")),
                        null, null, context, id, timestamp);
            }
            case "interactive" -> {
                JsonNode interactive = message.get("interactive");
                String kind = text(interactive, "type");
                JsonNode reply = interactive == null
                        ? null
                        : interactive.get("list_reply".equals(kind) ? "list_reply" : "button_reply");
                if (reply == null || text(reply, "id") == null) {
                    yield unsupported(id, context, timestamp);
                }
                yield new WhatsAppMessage(MessageType.INTERACTIVE, text(reply, "title"), null, null,
                        new WhatsAppMessage.Reply(text(reply, "id"), text(reply, "title"),
                                text(reply, "description")),
                        null, context, id, timestamp);
            }
            case "button" -> {
                JsonNode button = message.get("button");
                String payload = text(button, "payload");
                String label = text(button, "text");
                yield new WhatsAppMessage(MessageType.BUTTON, label, null, null,
                        new WhatsAppMessage.Reply(payload != null ? payload : label, label, null), null, context,
                        id, timestamp);
            }
            case "reaction" -> {
                JsonNode reaction = message.get("reaction");
                String emoji = Optional.ofNullable(text(reaction, "emoji")).orElse("");
                yield new WhatsAppMessage(MessageType.REACTION, emoji, null, null, null,
                        new WhatsAppMessage.Reaction(emoji, text(reaction, "message_id")), context, id, timestamp);
            }
            default -> unsupported(id, context, timestamp);
        };
    }

    private static WhatsAppMessage media(JsonNode message, String type, String id, String context,
            Instant timestamp) {
        JsonNode media = message.get(type);
        MessageType kind = switch (type) {
            case "video" -> MessageType.VIDEO;
            case "document" -> MessageType.DOCUMENT;
            case "audio" -> MessageType.AUDIO;
            default -> MessageType.IMAGE;
        };
        String mediaId = text(media, "id");
        if (mediaId == null) {
            // MontyMobile and some forwarders give a link instead of an id
            mediaId = text(media, "link");
            if (mediaId == null) {
                mediaId = text(media, "url");
            }
        }
        boolean voice = media != null && media.has("voice") && media.get("voice").asBoolean(false);
        return new WhatsAppMessage(kind, truncate(text(media, "caption"), MAX_TEXT),
                new WhatsAppMessage.Media(mediaId, text(media, "mime_type"), text(media, "sha256"),
                        truncate(text(media, "filename"), 200), voice, null),
                null, null, null, context, id, timestamp);
    }

    private static WhatsAppMessage unsupported(String id, String context, Instant timestamp) {
        return new WhatsAppMessage(MessageType.UNSUPPORTED, null, null, null, null, null, context, id, timestamp);
    }

    private static Optional<ParsedWebhook.Status> status(String phoneNumberId, JsonNode status) {
        String id = text(status, "id");
        Optional<DeliveryStatus> value = DeliveryStatus.parse(text(status, "status"))
                .filter(s -> s != DeliveryStatus.RECEIVED && s != DeliveryStatus.QUEUED);
        if (id == null || value.isEmpty()) {
            return Optional.empty();
        }
        Integer code = null;
        String title = null;
        String detail = null;
        List<JsonNode> errors = array(status, "errors");
        if (!errors.isEmpty()) {
            JsonNode error = errors.get(0);
            code = integer(error, "code");
            title = text(error, "title");
            detail = detail(error);
        }
        String recipient = text(status, "recipient_id");
        if (recipient == null) {
            recipient = text(status, "recipient_user_id");
        }
        return Optional.of(new ParsedWebhook.Status(phoneNumberId, id, value.get(), recipient,
                epochSeconds(text(status, "timestamp")), code, truncate(title, 300), truncate(detail, 500)));
    }

    private static String detail(JsonNode error) {
        String details = text(error.get("error_data"), "details");
        return details != null ? details : text(error, "message");
    }

    static List<JsonNode> array(JsonNode node, String field) {
        if (node == null) {
            return List.of();
        }
        JsonNode array = node.get(field);
        if (array == null || !array.isArray()) {
            return List.of();
        }
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    static String text(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainer()) {
            return null;
        }
        String text = value.asString().replace("\u0000", "");
        return text.isBlank() ? null : text;
    }

    private static Integer integer(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException ex) {
            return null;
        }
    }

    private static double number(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            return 0;
        }
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException ex) {
            return 0;
        }
    }

    private static Instant epochSeconds(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(value.trim()));
        } catch (NumberFormatException | java.time.DateTimeException ex) {
            return null;
        }
    }

    /** Phone digits only (no {@code +}, spaces or dashes); null when nothing is left. */
    public static String digits(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        return digits.isEmpty() || digits.length() > 20 ? null : digits;
    }

    static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
