package com.zorahai.whatsapp.montymobile;

import com.zorahai.tenancy.Tenant;
import com.zorahai.whatsapp.MessageType;
import com.zorahai.whatsapp.OutboundContent;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import tools.jackson.databind.JsonNode;

/**
 * MontyMobile: free-form messages through {@code /api/v2/WhatsappApi/send-session} ({@code TEXT}, {@code IMAGE} and
 * {@code DOCUMENT}; audio and video go as documents, interactive messages as numbered text) and templates through
 * {@code /send-whatsapp} in Meta's shape, with the {@code Tenant} and {@code api-key} headers. An answer counts as
 * sent only with {@code success: true} and a {@code data.messageId}. Webhooks come in Meta's format (the sender is
 * taken from {@code messages[].from}), authenticated by the tenant's {@code webhook_secret}; media arrive as links.
 */
@Component("whatsappMontyMobileProvider")
class MontyMobileProvider implements WhatsAppProvider {

    static final String KEY = "montymobile_api_key";
    static final String TENANT = "montymobile_tenant_id";
    static final String SOURCE = "montymobile_source_number";

    private final MontyMobileProperties properties;
    private final ProviderHttp http;

    MontyMobileProvider(MontyMobileProperties properties) {
        this.properties = properties;
        this.http = new ProviderHttp(properties.connectTimeout(), properties.readTimeout());
    }

    @Override
    public String name() {
        return "montymobile";
    }

    @Override
    public boolean configured(Tenant tenant) {
        return missingConfiguration(tenant).isEmpty();
    }

    @Override
    public String missingConfiguration(Tenant tenant) {
        List<String> missing = new ArrayList<>();
        if (!StringUtils.hasText(credential(tenant, KEY))) {
            missing.add("whatsapp.credentials.montymobile_api_key (MONTYMOBILE_API_KEY)");
        }
        if (!StringUtils.hasText(credential(tenant, TENANT))) {
            missing.add("whatsapp.credentials.montymobile_tenant_id (MONTYMOBILE_TENANT_ID)");
        }
        if (!StringUtils.hasText(credential(tenant, SOURCE))) {
            missing.add("whatsapp.credentials.montymobile_source_number (MONTYMOBILE_SOURCE_NUMBER)");
        }
        return String.join(", ", missing);
    }

    @Override
    public WebhookAuthentication webhookAuthentication() {
        return WebhookAuthentication.SHARED_SECRET;
    }

    @Override
    public ParsedWebhook parse(JsonNode body) {
        return CloudApiWebhooks.parse(body, true);
    }

    @Override
    public SendResult send(Tenant tenant, OutboundRequest request) {
        if (!configured(tenant)) {
            return new SendResult.NotConfigured("MontyMobile is not configured: " + missingConfiguration(tenant));
        }
        if (request.toUserId()) {
            return new SendResult.Rejected(null, null, "MontyMobile sends to phone numbers only", false);
        }
        String source = CloudApiWebhooks.digits(credential(tenant, SOURCE));
        boolean template = request.content() instanceof OutboundContent.Template;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", request.to());
        body.put("source", source);
        switch (request.content()) {
            case OutboundContent.Template t -> {
                body.put("messaging_product", "whatsapp");
                body.put("type", "template");
                body.put("template", CloudApiMessages.template(t));
            }
            case OutboundContent.Media media when media.type() == MessageType.IMAGE -> {
                body.put("type", "IMAGE");
                Map<String, Object> image = new LinkedHashMap<>();
                image.put("link", media.link());
                if (media.caption() != null) {
                    image.put("caption", media.caption());
                }
                body.put("image", image);
            }
            case OutboundContent.Media media -> {
                // AUDIO did not deliver through MontyMobile: audio and video go as documents
                body.put("type", "DOCUMENT");
                Map<String, Object> document = new LinkedHashMap<>();
                document.put("link", media.link());
                if (media.filename() != null) {
                    document.put("filename", media.filename());
                }
                if (media.caption() != null) {
                    document.put("caption", media.caption());
                }
                body.put("document", document);
            }
            default -> {
                body.put("type", "TEXT");
                body.put("text", Map.of("body", CloudApiMessages.asText(request.content())));
            }
        }
        URI uri = URI.create(trim(properties.baseUrl()) + "/api/v2/WhatsappApi/"
                + (template ? "send-whatsapp" : "send-session"));
        ProviderHttp.Response response;
        try {
            response = http.postJson(uri, headers(tenant), body);
        } catch (IOException ex) {
            return new SendResult.Retryable(null, null, "MontyMobile not reachable: " + ProviderHttp.describe(ex),
                    null, false);
        }
        JsonNode json = response.json();
        if (response.status() == 429) {
            return new SendResult.Retryable(429, null, "MontyMobile rate limit (429)", response.retryAfter(), true);
        }
        if (response.status() >= 500 || response.status() == 408) {
            // a wrong template variable count also answers 500, but it cannot be told apart from an outage
            return new SendResult.Retryable(response.status(), null, "MontyMobile answered " + response.status()
                    + message(json), response.retryAfter(), false);
        }
        if (!response.ok()) {
            return new SendResult.Rejected(response.status(), null, "MontyMobile refused the message ("
                    + response.status() + ")" + message(json), false);
        }
        String messageId = json == null ? null : json.path("data").path("messageId").asString(null);
        if (json == null || !json.path("success").asBoolean(false) || !StringUtils.hasText(messageId)) {
            return new SendResult.Rejected(response.status(), null, "MontyMobile answered without a message id"
                    + message(json), false);
        }
        return new SendResult.Sent(messageId, response.status());
    }

    @Override
    public MediaResult download(Tenant tenant, String mediaId) {
        if (mediaId == null || !mediaId.startsWith("https://") && !mediaId.startsWith("http://")) {
            return new MediaResult.Unavailable("MontyMobile gave no media link");
        }
        if (!configured(tenant)) {
            return new MediaResult.Unavailable("MontyMobile is not configured");
        }
        try {
            ProviderHttp.Response file = http.get(URI.create(mediaId), headers(tenant));
            if (file.status() >= 500 || file.status() == 429) {
                return new MediaResult.Failed("media download answered " + file.status());
            }
            if (!file.ok()) {
                return new MediaResult.Unavailable("media download answered " + file.status());
            }
            if (file.body().length > properties.maxMediaSize().toBytes()) {
                return new MediaResult.Unavailable("larger than " + properties.maxMediaSize());
            }
            return new MediaResult.Fetched(file.body(), file.header("Content-Type").orElse(
                    "application/octet-stream"));
        } catch (IOException | IllegalArgumentException ex) {
            return new MediaResult.Failed("MontyMobile not reachable: " + ProviderHttp.describe(ex));
        }
    }

    private static String message(JsonNode json) {
        if (json == null) {
            return "";
        }
        String message = json.path("message").asString(null);
        if (message == null) {
            message = json.path("error").asString(null);
        }
        return message == null ? "" : ": " + (message.length() > 200 ? message.substring(0, 200) : message);
    }

    private static Map<String, String> headers(Tenant tenant) {
        return Map.of("Tenant", credential(tenant, TENANT), "api-key", credential(tenant, KEY));
    }

    static String credential(Tenant tenant, String name) {
        Map<String, String> credentials = tenant.whatsapp() == null ? null : tenant.whatsapp().credentials();
        return credentials == null ? null : credentials.get(name);
    }

    private static String trim(String url) {
        return url.replaceAll("/+$", "");
    }
}
