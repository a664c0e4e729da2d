package com.zorahai.whatsapp.meta;

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
 * Meta's WhatsApp Cloud API: {@code POST /{phone-number-id}/messages} for every kind of message and for read
 * receipts, the two-step media download ({@code GET /{media-id}} gives a short-lived URL, fetched with the same
 * token), and {@code GET /{waba-id}/message_templates}. Webhooks are signed with the app secret.
 */
@Component("whatsappMetaCloudProvider")
class MetaCloudProvider implements WhatsAppProvider {

    static final String TOKEN = "api_token";
    static final String BUSINESS_ACCOUNT = "business_account_id";

    private final MetaProperties properties;
    private final ProviderHttp http;

    MetaCloudProvider(MetaProperties properties) {
        this.properties = properties;
        this.http = new ProviderHttp(properties.connectTimeout(), properties.readTimeout());
    }

    @Override
    public String name() {
        return "meta";
    }

    @Override
    public boolean configured(Tenant tenant) {
        return StringUtils.hasText(token(tenant)) && StringUtils.hasText(tenant.whatsapp().phoneNumberId());
    }

    @Override
    public String missingConfiguration(Tenant tenant) {
        List<String> missing = new ArrayList<>();
        if (!StringUtils.hasText(token(tenant))) {
            missing.add("whatsapp.credentials.api_token (WHATSAPP_API_TOKEN)");
        }
        if (!StringUtils.hasText(tenant.whatsapp().phoneNumberId())) {
            missing.add("whatsapp.phone_number_id (WHATSAPP_PHONE_NUMBER_ID)");
        }
        return String.join(", ", missing);
    }

    @Override
    public WebhookAuthentication webhookAuthentication() {
        return WebhookAuthentication.META_SIGNATURE;
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
            return new SendResult.NotConfigured("Meta is not configured: " + missingConfiguration(tenant));
        }
        URI uri = URI.create(properties.root() + "/" + tenant.whatsapp().phoneNumberId() + "/messages");
        ProviderHttp.Response response;
        try {
            response = http.postJson(uri, auth(tenant), body);
        } catch (IOException ex) {
            return new SendResult.Retryable(null, null, "Meta not reachable: " + ProviderHttp.describe(ex), null,
                    false);
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
            return new SendResult.Rejected(response.status(), null, "Meta answered without a message id", false);
        }
        return new SendResult.Sent(messages.get(0).get("id").asString(), response.status());
    }

    @Override
    public MediaResult download(Tenant tenant, String mediaId) {
        if (!StringUtils.hasText(token(tenant))) {
            return new MediaResult.Unavailable("Meta is not configured: no api_token");
        }
        if (mediaId == null || !mediaId.matches("[A-Za-z0-9_.:-]{1,200}")) {
            return new MediaResult.Unavailable("not a media id");
        }
        try {
            ProviderHttp.Response lookup = http.get(URI.create(properties.root() + "/" + mediaId), auth(tenant));
            if (!lookup.ok()) {
                return failure("media lookup", lookup.status());
            }
            JsonNode json = lookup.json();
            String url = json == null || !json.has("url") ? null : json.get("url").asString();
            if (url == null || !url.startsWith("http")) {
                return new MediaResult.Unavailable("Meta gave no media URL");
            }
            if (json.has("file_size") && json.get("file_size").asLong(0) > properties.maxMediaSize().toBytes()) {
                return new MediaResult.Unavailable("larger than " + properties.maxMediaSize());
            }
            ProviderHttp.Response file = http.get(URI.create(url), auth(tenant));
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
            return new MediaResult.Failed("Meta not reachable: " + ProviderHttp.describe(ex));
        }
    }

    static MediaResult failure(String step, int status) {
        if (status == 401 || status == 403) {
            return new MediaResult.Unavailable(step + ": the token was rejected (" + status + ")");
        }
        if (status >= 500 || status == 429 || status == 408) {
            return new MediaResult.Failed(step + " answered " + status);
        }
        return new MediaResult.Unavailable(step + " answered " + status + " (expired or unknown media id)");
    }

    @Override
    public TemplateList templates(Tenant tenant) {
        String account = tenant.whatsapp().credentials() == null
                ? null
                : tenant.whatsapp().credentials().get(BUSINESS_ACCOUNT);
        if (!StringUtils.hasText(token(tenant)) || !StringUtils.hasText(account)) {
            return TemplateList.failed("Meta templates need api_token and business_account_id"
                    + " (WHATSAPP_BUSINESS_ACCOUNT_ID)");
        }
        List<TemplateList.Template> templates = new ArrayList<>();
        String next = properties.root() + "/" + account
                + "/message_templates?limit=100&fields=name,language,status,category,components";
        String origin = URI.create(properties.baseUrl()).getHost();
        try {
            for (int page = 0; next != null && page < properties.maxTemplatePages(); page++) {
                ProviderHttp.Response response = http.get(URI.create(next), auth(tenant));
                if (!response.ok()) {
                    return TemplateList.failed("Meta answered " + response.status());
                }
                JsonNode json = response.json();
                if (json == null) {
                    break;
                }
                CloudApiTemplates.read(json.get("data"), templates);
                JsonNode paging = json.get("paging");
                next = paging != null && paging.has("next") ? paging.get("next").asString() : null;
                // follow paging only on the Graph API host: the token goes with it
                if (next != null && !origin.equals(URI.create(next).getHost())) {
                    next = null;
                }
            }
        } catch (IOException | IllegalArgumentException ex) {
            return TemplateList.failed("Meta not reachable: " + ProviderHttp.describe(ex));
        }
        return TemplateList.of(templates);
    }

    private static Map<String, String> auth(Tenant tenant) {
        return Map.of("Authorization", "Bearer " + token(tenant));
    }

    private static String token(Tenant tenant) {
        Map<String, String> credentials = tenant.whatsapp() == null ? null : tenant.whatsapp().credentials();
        return credentials == null ? null : credentials.get(TOKEN);
    }
}
