package com.zorahai.tenancy;

import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A tenant's effective configuration: its {@code client.yaml} (if any) with environment variables expanded, then
 * overridden field by field by its {@code tenant_settings} row. Secrets in here never leave the server.
 */
public record Tenant(TenantId id, String name, Currency currency, ZoneId timezone, Locale locale,
        Set<Feature> features, Email email, Banking banking, Gcp gcp, Ai ai, Voice voice, WhatsApp whatsapp,
        Booking booking, String trainerWhatsappNumber, Branding branding, Source source) {

    public boolean has(Feature feature) {
        return features.contains(feature);
    }

    /** What a tenant turns on. */
    public enum Feature {
        CRM, QUOTES, INVOICES, EMAIL_INTAKE, HELPDESK, VOICE, WHATSAPP, BOOKING, ANALYTICS
    }

    /** Where the tenant is defined. */
    public enum Source {
        FILE, DATABASE
    }

    /**
     * Outbound and inbound email.
     *
     * @param sendgridApiKey the tenant's own key; {@code SENDGRID_MASTER_API_KEY} is used when null
     * @param inboundAddress the address inbound mail for this tenant arrives at (e.g. {@code quotes@parse.example})
     * @param inboundDomain a whole domain whose mail belongs to this tenant, if any
     * @param inboundSecret the secret SendGrid Inbound Parse authenticates with (basic auth password or token)
     */
    public record Email(String sendgridApiKey, String fromAddress, String fromName, String replyTo,
            String inboundAddress, String inboundDomain, String inboundSecret) {
    }

    /** Banking details printed on invoices. */
    public record Banking(String bankName, String accountName, String accountNumber, String branchCode,
            String swift, String iban) {
    }

    /** Google Cloud: the tenant's analytics dataset. */
    public record Gcp(String projectId, String dataset) {
    }

    /** LLM settings. */
    public record Ai(String model) {
    }

    /** Voice assistants (VAPI) and their webhook secret. */
    public record Voice(Map<String, String> assistantIds, String webhookSecret) {
    }

    /**
     * The WhatsApp channel.
     *
     * @param provider {@code meta}, {@code dialog360}, {@code montymobile}, {@code qiscus} or {@code sandbox}
     * @param credentials provider-specific values (tokens, ids); secrets
     */
    public record WhatsApp(String provider, String phoneNumberId, String webhookSecret,
            Map<String, String> credentials) {
    }

    /** The clinic booking system; {@code builtin} uses the calendar in the database. */
    public record Booking(String provider, String apiBaseUrl, String apiToken) {
    }

    /** Colours and logo of the tenant's documents and pages. */
    public record Branding(String primaryColor, String secondaryColor, String logoUrl) {
    }
}
