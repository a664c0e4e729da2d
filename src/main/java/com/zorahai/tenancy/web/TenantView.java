package com.zorahai.tenancy.web;

import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantSettings;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A tenant's effective configuration as the dashboard sees it: every secret replaced by whether it is set.
 */
record TenantView(String id, String name, String source, String currency, String timezone, String locale,
        List<String> features, EmailView email, BankingView banking, GcpView gcp, AiView ai, VoiceView voice,
        WhatsAppView whatsapp, BookingView booking, String trainerWhatsappNumber, BrandingView branding,
        SettingsView settings) {

    static TenantView of(Tenant tenant, TenantSettings settings) {
        Tenant.Email email = tenant.email();
        Tenant.WhatsApp whatsapp = tenant.whatsapp();
        return new TenantView(tenant.id().value(), tenant.name(), lower(tenant.source().name()),
                tenant.currency().getCurrencyCode(), tenant.timezone().getId(), tenant.locale().toLanguageTag(),
                tenant.features().stream().map(f -> lower(f.name())).sorted().toList(),
                new EmailView(email.fromAddress(), email.fromName(), email.replyTo(), email.inboundAddress(),
                        email.inboundDomain(), email.sendgridApiKey() != null, email.inboundSecret() != null),
                BankingView.of(tenant.banking()), new GcpView(tenant.gcp().projectId(), tenant.gcp().dataset()),
                new AiView(tenant.ai().model()),
                new VoiceView(tenant.voice().assistantIds(), tenant.voice().webhookSecret() != null),
                new WhatsAppView(whatsapp.provider(), whatsapp.phoneNumberId(), whatsapp.webhookSecret() != null,
                        whatsapp.credentials().keySet().stream().sorted().toList()),
                new BookingView(tenant.booking().provider(), tenant.booking().apiBaseUrl(),
                        tenant.booking().apiToken() != null),
                tenant.trainerWhatsappNumber(), BrandingView.of(tenant.branding()),
                new SettingsView(settings.overriddenFields(), settings.overridableFields(), settings.updatedAt()));
    }

    private static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }

    record EmailView(String fromAddress, String fromName, String replyTo, String inboundAddress,
            String inboundDomain, boolean sendgridApiKeySet, boolean inboundSecretSet) {
    }

    record BankingView(String bankName, String accountName, String accountNumber, String branchCode, String swift,
            String iban) {

        static BankingView of(Tenant.Banking banking) {
            return new BankingView(banking.bankName(), banking.accountName(), banking.accountNumber(),
                    banking.branchCode(), banking.swift(), banking.iban());
        }
    }

    record GcpView(String projectId, String dataset) {
    }

    record AiView(String model) {
    }

    record BrandingView(String primaryColor, String secondaryColor, String logoUrl) {

        static BrandingView of(Tenant.Branding branding) {
            return new BrandingView(branding.primaryColor(), branding.secondaryColor(), branding.logoUrl());
        }
    }

    record VoiceView(Map<String, String> assistantIds, boolean webhookSecretSet) {
    }

    record WhatsAppView(String provider, String phoneNumberId, boolean webhookSecretSet,
            List<String> credentialsSet) {
    }

    record BookingView(String provider, String apiBaseUrl, boolean apiTokenSet) {
    }

    record SettingsView(List<String> overriddenFields, List<String> overridableFields, Instant updatedAt) {
    }
}
