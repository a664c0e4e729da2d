package com.zorahai.whatsapp.web;

import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.Tenants;
import com.zorahai.whatsapp.internal.Providers;
import com.zorahai.whatsapp.provider.WhatsAppProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Which provider the caller's tenant uses, and whether it fell back to the sandbox. Owners and admins. */
@PreAuthorize("hasAnyRole('OWNER','ADMIN')")
@RestController("whatsappChannelController")
class ChannelController {

    private final Tenants tenants;
    private final Providers providers;

    ChannelController(Tenants tenants, Providers providers) {
        this.tenants = tenants;
        this.providers = providers;
    }

    /**
     * @param configuredProvider what {@code whatsapp.provider} names
     * @param provider what is used: the sandbox when the named provider lacks credentials
     * @param missing what the named provider lacks (setting names, never values)
     */
    record Channel(String configuredProvider, String provider, boolean deprecated, String missing) {
    }

    @GetMapping("/api/v1/whatsapp/channel")
    Channel channel() {
        Tenant tenant = tenants.current();
        String configured = tenant.whatsapp() == null ? "sandbox" : tenant.whatsapp().provider();
        WhatsAppProvider effective = providers.effective(tenant);
        WhatsAppProvider named = providers.named(configured);
        String missing = named == null || named.configured(tenant) ? null : named.missingConfiguration(tenant);
        return new Channel(configured, effective.name(), effective.deprecated(), missing);
    }
}
