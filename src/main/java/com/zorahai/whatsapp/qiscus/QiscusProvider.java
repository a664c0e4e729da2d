package com.zorahai.whatsapp.qiscus;

import com.zorahai.tenancy.Tenant;
import com.zorahai.whatsapp.MessageType;
import com.zorahai.whatsapp.OutboundContent;
import com.zorahai.whatsapp.WhatsAppContact;
import com.zorahai.whatsapp.WhatsAppMessage;
import com.zorahai.whatsapp.provider.CloudApiMessages;
import com.zorahai.whatsapp.provider.CloudApiWebhooks;
import com.zorahai.whatsapp.provider.MediaResult;
import com.zorahai.whatsapp.provider.OutboundRequest;
import com.zorahai.whatsapp.provider.ParsedWebhook;
import com.zorahai.whatsapp.provider.ProviderHttp;
import com.zorahai.whatsapp.provider.SendResult;
import com.zorahai.whatsapp.provider.WhatsAppProvider;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import tools.jackson.databind.JsonNode;

/**
 * Qiscus, <b>deprecated</b>: kept so existing tenants keep working until they move to Meta or 360dialog. Inbound:
 * {@code {"type":"post_comment_mobile|post_comment_rest","payload":{"from","room","message"}}}, the customer's phone
 * read from the sender's email or the room name, the room id kept to answer in. Outbound: text only (interactive
 * messages as numbered text, media as links) through {@code POST /{app_code}/bot} with the
 * {@code QISCUS_SDK_SECRET} header; no templates, no media download, no read receipts. Every use logs a warning.
 */
@Deprecated(since = "2026-11")
@Component("whatsappQiscusProvider")
class QiscusProvider implements WhatsAppProvider {

    private static final Logger log = LoggerFactory.getLogger(QiscusProvider.class);
    static final String SECRET = "qiscus_sdk_secret";
    static final String APP_CODE = "qiscus_app_code";
    static final String SENDER = "qiscus_sender_email";

    private final QiscusProperties properties;
    private final ProviderHttp http;

    QiscusProvider(QiscusProperties properties) {
        this.properties = properties;
        this.http = new ProviderHttp(properties.connectTimeout(), properties.readTimeout());
    }

    @Override
    public String name() {
        return "qiscus";
    }

    @Override
    public boolean deprecated() {
        return true;
    }

    @Override
    public boolean configured(Tenant tenant) {
        return missingConfiguration(tenant).isEmpty();
    }

    @Override
    public String missingConfiguration(Tenant tenant) {
        List<String> missing = new ArrayList<>();
        for (String[] field : new String[][]{{SECRET, "QISCUS_SDK_SECRET"}, {APP_CODE, "QISCUS_APP_CODE"},
                {SENDER, "QISCUS_SENDER_EMAIL"}}) {
            if (!StringUtils.hasText(credential(tenant, field[0]))) {
                missing.add("whatsapp.credentials." + field[0] + " (" + field[1] + ")");
            }
        }
        return String.join(", ", missing);
    }

    @Override
    public WebhookAuthentication webhookAuthentication() {
        return WebhookAuthentication.SHARED_SECRET;
    }

    @Override
    public ParsedWebhook parse(JsonNode body) {
        List<ParsedWebhook.Inbound> messages = new ArrayList<>();
        String type = body == null ? null : body.path("type").asString(null);
        JsonNode payload = body == null ? null : body.get("payload");
        if (payload == null || !("post_comment_mobile".equals(type) || "post_comment_rest".equals(type))) {
            return new ParsedWebhook(messages, List.of(), List.of());
        }
        JsonNode from = payload.path("from");
        JsonNode room = payload.path("room");
        JsonNode message = payload.path("message");
        String email = from.path("email").asString(null);
        String sender = senderOf(email);
        String roomId = room.path("id").asString(null);
        String phone = phone(email, room.path("name").asString(null));
        String key = phone != null ? phone : sender;
        if (key == null || roomId == null) {
            return new ParsedWebhook(messages, List.of(), List.of());
        }
        String id = message.path("id").asString(null);
        if (id == null) {
            id = message.path("unique_temp_id").asString(null);
        }
        String messageId = "qiscus." + roomId + "." + (id != null ? id : sha(body.toString()));
        String text = message.path("text").asString(null);
        WhatsAppMessage content;
        if ("file_attachment".equals(message.path("type").asString(""))) {
            String url = message.path("payload").path("url").asString(null);
            content = new WhatsAppMessage(MessageType.DOCUMENT, message.path("payload").path("caption")
                    .asString(null), new WhatsAppMessage.Media(url, null, null, null, false, null), null, null,
                    null, null, messageId, Instant.now());
        } else if (text != null) {
            content = new WhatsAppMessage(MessageType.TEXT, text, null, null, null, null, null, messageId,
                    Instant.now());
        } else {
            content = new WhatsAppMessage(MessageType.UNSUPPORTED, null, null, null, null, null, null, messageId,
                    Instant.now());
        }
        messages.add(new ParsedWebhook.Inbound(null, new WhatsAppContact(key, phone, null,
                from.path("name").asString(null)), content, roomId));
        log.warn("Qiscus webhook received: the Qiscus provider is deprecated");
        return new ParsedWebhook(messages, List.of(), List.of());
    }

    @Override
    public SendResult send(Tenant tenant, OutboundRequest request) {
        log.warn("Sending through Qiscus for tenant {}: the Qiscus provider is deprecated", tenant.id().value());
        if (!configured(tenant)) {
            return new SendResult.NotConfigured("Qiscus is not configured: " + missingConfiguration(tenant));
        }
        if (request.content() instanceof OutboundContent.Template) {
            return new SendResult.Rejected(null, null, "Qiscus (deprecated) cannot send templates", false);
        }
        if (!StringUtils.hasText(request.providerRef())) {
            return new SendResult.Rejected(null, null, "Qiscus needs the room of the conversation; the customer has"
                    + " not written through Qiscus", false);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sender_email", credential(tenant, SENDER));
        body.put("message", CloudApiMessages.asText(request.content()));
        body.put("type", "text");
        body.put("room_id", request.providerRef());
        URI uri = URI.create(properties.baseUrl().replaceAll("/+$", "") + "/" + credential(tenant, APP_CODE)
                + "/bot");
        ProviderHttp.Response response;
        try {
            response = http.postJson(uri, Map.of("QISCUS_SDK_SECRET", credential(tenant, SECRET)), body);
        } catch (IOException | IllegalArgumentException ex) {
            return new SendResult.Retryable(null, null, "Qiscus not reachable: " + ProviderHttp.describe(ex), null,
                    false);
        }
        if (response.status() == 429) {
            return new SendResult.Retryable(429, null, "Qiscus rate limit (429)", response.retryAfter(), true);
        }
        if (response.status() >= 500) {
            return new SendResult.Retryable(response.status(), null, "Qiscus answered " + response.status(),
                    response.retryAfter(), false);
        }
        if (!response.ok()) {
            return new SendResult.Rejected(response.status(), null, "Qiscus refused the message ("
                    + response.status() + ")", false);
        }
        JsonNode json = response.json();
        String id = json == null ? null : json.path("results").path("comment").path("id").asString(null);
        return new SendResult.Sent("qiscus." + request.providerRef() + "." + (id != null ? id : UUID.randomUUID()),
                response.status());
    }

    @Override
    public MediaResult download(Tenant tenant, String mediaId) {
        return new MediaResult.Unavailable("Qiscus (deprecated) media are not downloaded");
    }

    /** The customer's phone: digits of the email's local part, else of the room name. */
    static String phone(String email, String roomName) {
        for (String candidate : new String[]{email == null ? null : email.split("@")[0], roomName}) {
            String digits = candidate == null ? null : CloudApiWebhooks.digits(candidate);
            if (digits != null && digits.length() >= 7 && digits.length() <= 15
                    && candidate.replaceAll("[0-9+ ()-]", "").isEmpty()) {
                return digits;
            }
        }
        return null;
    }

    private static String senderOf(String email) {
        return email == null || email.isBlank() ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    private static String sha(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(
                    StandardCharsets.UTF_8))).substring(0, 32);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static String credential(Tenant tenant, String name) {
        Map<String, String> credentials = tenant.whatsapp() == null ? null : tenant.whatsapp().credentials();
        return credentials == null ? null : credentials.get(name);
    }
}
