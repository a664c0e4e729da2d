package com.zorahai.whatsapp;

import com.zorahai.tenancy.NewTenant;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.Tenants;
import com.zorahai.tenancy.internal.TenantRegistry;
import com.zorahai.tenancy.internal.TenantStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.transaction.support.TransactionTemplate;

/** Creates tenants with a WhatsApp channel of their own, as an operator would in {@code tenant_settings}. */
public final class WhatsAppTenants {

    private final Tenants tenants;
    private final TenantStore store;
    private final TenantRegistry registry;
    private final TransactionTemplate transactions;

    public WhatsAppTenants(Tenants tenants, TenantStore store, TenantRegistry registry,
            TransactionTemplate transactions) {
        this.tenants = tenants;
        this.store = store;
        this.registry = registry;
        this.transactions = transactions;
    }

    /** A fresh tenant id. */
    public static String newId() {
        return "wa-" + UUID.randomUUID().toString().substring(0, 12);
    }

    /** A new tenant whose channel is {@code provider}; {@code null} values are left out. */
    public Tenant create(String id, String provider, String phoneNumberId, String webhookSecret,
            Map<String, String> credentials) {
        tenants.create(new NewTenant(TenantId.of(id), "Clinic " + id, Set.of(Tenant.Feature.WHATSAPP)));
        Map<String, Object> whatsapp = new LinkedHashMap<>();
        whatsapp.put("provider", provider);
        if (phoneNumberId != null) {
            whatsapp.put("phone_number_id", phoneNumberId);
        }
        if (webhookSecret != null) {
            whatsapp.put("webhook_secret", webhookSecret);
        }
        if (credentials != null && !credentials.isEmpty()) {
            whatsapp.put("credentials", credentials);
        }
        transactions.executeWithoutResult(tx -> {
            store.lockSettings(TenantId.of(id));
            store.saveSettings(TenantId.of(id), Map.of("whatsapp", whatsapp));
        });
        registry.invalidate();
        return tenants.get(TenantId.of(id));
    }

    /** A sandbox tenant without a webhook secret: unsigned Meta-format posts are accepted. */
    public Tenant sandbox(String id) {
        return create(id, "sandbox", null, null, null);
    }
}
