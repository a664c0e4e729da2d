package com.zorahai.whatsapp.provider;

import com.zorahai.tenancy.Tenant;
import tools.jackson.databind.JsonNode;

/**
 * One WhatsApp provider. Implementations never throw for a provider's answer: every answer maps to a
 * {@link SendResult} or {@link MediaResult}. The channel picks the provider per tenant from {@code whatsapp.provider}
 * in its {@code client.yaml}; a provider whose credentials are missing is replaced by the sandbox.
 */
public interface WhatsAppProvider {

    /** {@code meta}, {@code dialog360}, {@code montymobile}, {@code qiscus} or {@code sandbox}. */
    String name();

    /** Whether the tenant's configuration holds what this provider needs to send. */
    boolean configured(Tenant tenant);

    /** What is missing for {@link #configured}, for the startup log; never a secret. */
    default String missingConfiguration(Tenant tenant) {
        return "";
    }

    /** A provider kept for existing tenants only. */
    default boolean deprecated() {
        return false;
    }

    /** How this provider's webhooks prove where they come from. */
    WebhookAuthentication webhookAuthentication();

    /** The normalised content of a webhook body (Meta's Cloud API format unless the provider has its own). */
    default ParsedWebhook parse(JsonNode body) {
        return CloudApiWebhooks.parse(body);
    }

    /** Hands one message to the provider. */
    SendResult send(Tenant tenant, OutboundRequest request);

    /** Marks a customer's message as read (blue ticks); providers without the call answer {@code Sent}. */
    default SendResult markRead(Tenant tenant, String providerMessageId) {
        return new SendResult.Sent(providerMessageId, 200);
    }

    /** Fetches the file behind a media id of an inbound message. */
    MediaResult download(Tenant tenant, String mediaId);

    /** The tenant's approved message templates, when the provider can list them. */
    default TemplateList templates(Tenant tenant) {
        return TemplateList.unsupported(name());
    }

    /** How a provider's webhook is authenticated. */
    enum WebhookAuthentication {
        /** {@code X-Hub-Signature-256} over the raw body with the app secret (required). */
        META_SIGNATURE,
        /** A per-tenant secret in the path ({@code ?token=}) or the {@code X-Webhook-Secret} header. */
        SHARED_SECRET,
        /** Meta's signature when an app secret is set; open otherwise (the local sandbox). */
        SIGNATURE_WHEN_CONFIGURED
    }
}
