package com.zorahai.whatsapp.dialog360;

import com.zorahai.tenancy.Tenant;
import com.zorahai.whatsapp.provider.CloudApiErrors;
import com.zorahai.whatsapp.provider.CloudApiMessages;
import com.zorahai.whatsapp.provider.CloudApiTemplates;
import com.zorahai.whatsapp.provider.MediaResult;
import com.zorahai.whatsapp.provider.OutboundRequest;
import com.zorahai.whatsapp.provider.ProviderHttp;
import com.zorahai.whatsapp.provider.SendResult;
import com.zorahai.whatsapp.provider.TemplateList;
import com.zorahai.whatsapp.provider.WhatsAppProvider;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import tools.jackson.databind.JsonNode;

/**
 * 360dialog: the Cloud API message format on {@code POST /messages} with the number's {@code D360-API-KEY} (the key
 * picks the number, so there is no phone-number id in the path). {@code dialog360_sandbox: true} sends to the sandbox
 * host ({@code /v1/messages}). Media: {@code GET /{media-id}} gives Meta's URL, fetched through 360dialog's host with
 * the same key. Webhooks come in Meta's format, authenticated by the tenant's {@code webhook_secret}.
 */
@Component("whatsappDialog360Provider")
class Dialog360Provider implements WhatsAppProvider {

    static final String KEY = "dialog360_api_key";
    static final String SANDBOX = "dialog360_sandbox";

    private final Dialog360Properties properties;
    private final ProviderHttp http;

    Dialog360Provider(Dialog360Properties properties) {
        this.properties = properties;
        this.http = new ProviderHttp(properties.connectTimeout(), properties.readTimeout());
    }

    @Override
    public String name() {
        return "dialog360";
    }

    @Override
    public boolean configured(Tenant tenant) {
        return StringUtils.hasText(credential(tenant, KEY));
    }

    @Override
    public String missingConfiguration(Tenant tenant) {
        return configured(tenant) ? "" : "whatsapp.credentials.dialog360_api_key (DIALOG360_API_KEY)";
    }

    @Override
    public WebhookAuthentication webhookAuthentication() {
        return WebhookAuthentication.SHARED_SECRET;
    }

    static boolean sandbox(Tenant tenant) {
        String value = credential(tenant, SANDBOX);
        return value != null && List.of("true", "1", "yes", "on").contains(value.trim().toLowerCase());
    }

    private String messagesUrl(Tenant tenant) {
        return sandbox(tenant)
                ? trim(properties.sandboxUrl()) + "/v1/messages"
                : trim(properties.baseUrl()) + "/messages";
    }

    @Override
    public SendResult send(Tenant tenant, OutboundRequest request) {
        return post(tenant, CloudApiMessages.message(request));
    }

    @Override
    public SendResult markRead(Tenant tenant, String providerMessageId) {
        return post(tenant, CloudApiMessages.read(providerMessageId));
    }

    private SendResult post(Tenant tenant, Map<String, Object> body) {
        if (!configured(tenant)) {
            return new SendResult.NotConfigured("360dialog is not configured: no dialog360_api_key");
        }
        ProviderHttp.Response response;
        try {
            response = http.postJson(URI.create(messagesUrl(tenant)), auth(tenant), body);
        } catch (IOException ex) {
            return new SendResult.Retryable(null, null, "360dialog not reachable: " + ProviderHttp.describe(ex),
                    null, false);
        }
        if (!response.ok()) {
            return CloudApiErrors.classify(response.status(), response.json(), response.retryAfter());
        }
        JsonNode json = response.json();
        if (json != null && json.has("success")) {
            return new SendResult.Sent(null, response.status());
        }
        JsonNode messages = json == null ? null : json.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty() || !messages.get(0).has("id")) {
            return new SendResult.Rejected(response.status(), null, "360dialog answered without a message id",
                    false);
        }
        return new SendResult.Sent(messages.get(0).get("id").asString(), response.status());
    }

    @Override
    public MediaResult download(Tenant tenant, String mediaId) {
        if (!configured(tenant)) {
            return new MediaResult.Unavailable("360dialog is not configured");
        }
        if (sandbox(tenant)) {
            return new MediaResult.Unavailable("the 360dialog sandbox has no media");
        }
        if (mediaId == null || !mediaId.matches("[A-Za-z0-9_.:-]{1,200}")) {
            return new MediaResult.Unavailable("not a media id");
        }
        try {
            ProviderHttp.Response lookup = http.get(URI.create(trim(properties.baseUrl()) + "/" + mediaId),
                    auth(tenant));
            if (!lookup.ok()) {
                return failure("media lookup", lookup.status());
            }
            JsonNode json = lookup.json();
            String url = json == null || !json.has("url") ? null : json.get("url").asString();
            if (url == null || !url.startsWith("http")) {
                return new MediaResult.Unavailable("360dialog gave no media URL");
            }
            // the file is fetched through 360dialog's host: Meta's URL with the host swapped
            URI meta = URI.create(url);
            String path = meta.getRawPath() + (meta.getRawQuery() == null ? "" : "?" + meta.getRawQuery());
            ProviderHttp.Response file = http.get(URI.create(trim(properties.baseUrl()) + path), auth(tenant));
            if (!file.ok()) {
                return failure("media download", file.status());
            }
            if (file.body().length > properties.maxMediaSize().toBytes()) {
                return new MediaResult.Unavailable("larger than " + properties.maxMediaSize());
            }
            String mime = json.has("mime_type")
                    ? json.get("mime_type").asString()
                    : file.header("Content-Type").orElse("application/octet-stream");
            return new MediaResult.Fetched(file.body(), mime);
        } catch (IOException | IllegalArgumentException ex) {
            return new MediaResult.Failed("360dialog not reachable: " + ProviderHttp.describe(ex));
        }
    }

    private static MediaResult failure(String step, int status) {
        if (status >= 500 || status == 429 || status == 408) {
            return new MediaResult.Failed(step + " answered " + status);
        }
        return new MediaResult.Unavailable(step + " answered " + status);
    }

    @Override
    public TemplateList templates(Tenant tenant) {
        if (!configured(tenant) || sandbox(tenant)) {
            return TemplateList.failed("360dialog templates need a dialog360_api_key outside the sandbox");
        }
        try {
            ProviderHttp.Response response = http.get(URI.create(trim(properties.baseUrl())
                    + "/v1/configs/templates"), auth(tenant));
            if (!response.ok()) {
                return TemplateList.failed("360dialog answered " + response.status());
            }
            JsonNode json = response.json();
            List<TemplateList.Template> templates = new ArrayList<>();
            if (json != null) {
                CloudApiTemplates.read(json.has("waba_templates") ? json.get("waba_templates") : json.get("data"),
                        templates);
            }
            return TemplateList.of(templates);
        } catch (IOException ex) {
            return TemplateList.failed("360dialog not reachable: " + ProviderHttp.describe(ex));
        }
    }

    private static Map<String, String> auth(Tenant tenant) {
        return Map.of("D360-API-KEY", credential(tenant, KEY));
    }

    static String credential(Tenant tenant, String name) {
        Map<String, String> credentials = tenant.whatsapp() == null ? null : tenant.whatsapp().credentials();
        return credentials == null ? null : credentials.get(name);
    }

    private static String trim(String url) {
        return url.replaceAll("/+$", "");
    }
}
