package com.zorahai.whatsapp.internal;

import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.Tenants;
import com.zorahai.whatsapp.provider.WhatsAppProvider;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Picks each tenant's provider: the one its {@code whatsapp.provider} names when its credentials are there, the
 * sandbox otherwise (so {@code demo-clinic} runs on Meta once {@code WHATSAPP_API_TOKEN} and
 * {@code WHATSAPP_PHONE_NUMBER_ID} are set, and locally without them). Says at startup which tenant uses what, and
 * warns once per tenant when a named provider falls back to the sandbox or is deprecated.
 */
@Component("whatsappProviders")
public class Providers {

    private static final Logger log = LoggerFactory.getLogger(Providers.class);
    static final String SANDBOX = "sandbox";

    private final Map<String, WhatsAppProvider> byName;
    private final Tenants tenants;
    private final WhatsAppProperties properties;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    Providers(List<WhatsAppProvider> providers, Tenants tenants, WhatsAppProperties properties) {
        this.properties = properties;
        this.byName = providers.stream().collect(Collectors.toMap(WhatsAppProvider::name, Function.identity()));
        this.tenants = tenants;
        if (!byName.containsKey(SANDBOX)) {
            throw new IllegalStateException("The sandbox WhatsApp provider is missing");
        }
    }

    /** The provider the tenant's messages go through. */
    public WhatsAppProvider effective(Tenant tenant) {
        String configured = configuredName(tenant);
        WhatsAppProvider provider = byName.get(configured);
        if (provider == null || !provider.configured(tenant)) {
            if (provider != null && warned.add(tenant.id().value() + ":" + configured)) {
                log.warn("WhatsApp for tenant {}: {} is named but not configured (missing {}); using the sandbox",
                        tenant.id().value(), configured, provider.missingConfiguration(tenant));
            }
            return byName.get(SANDBOX);
        }
        if (provider.deprecated() && warned.add(tenant.id().value() + ":deprecated")) {
            log.warn("WhatsApp for tenant {}: provider {} is deprecated (inbound and text sends only);"
                    + " move the tenant to meta or dialog360", tenant.id().value(), configured);
        }
        return provider;
    }

    /** The provider with this name, if the channel has it. */
    public WhatsAppProvider named(String name) {
        return byName.get(name);
    }

    static String configuredName(Tenant tenant) {
        return tenant.whatsapp() == null || tenant.whatsapp().provider() == null
                ? SANDBOX
                : tenant.whatsapp().provider();
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        log.info("WhatsApp conversations: {}{}", "firestore".equals(properties.store())
                ? "PostgreSQL, copied to Firestore"
                : "PostgreSQL",
                properties.testingMode() ? " (TESTING_MODE: message contents are not stored)" : "");
        for (Tenant tenant : tenants.all()) {
            if (!tenant.has(Tenant.Feature.WHATSAPP)) {
                continue;
            }
            WhatsAppProvider provider = effective(tenant);
            if (SANDBOX.equals(provider.name())) {
                log.info("WhatsApp for tenant {}: local sandbox (outbound messages recorded, nothing sent)",
                        tenant.id().value());
            } else {
                log.info("WhatsApp for tenant {}: {}", tenant.id().value(), provider.name());
            }
        }
    }
}
