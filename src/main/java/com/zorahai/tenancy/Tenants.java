package com.zorahai.tenancy;

import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.internal.ClientsDirectory;
import com.zorahai.tenancy.internal.ConfigError;
import com.zorahai.tenancy.internal.ConfigTrees;
import com.zorahai.tenancy.internal.Problems;
import com.zorahai.tenancy.internal.SettingsPolicy;
import com.zorahai.tenancy.internal.TenantConfigBinder;
import com.zorahai.tenancy.internal.TenantRegistry;
import com.zorahai.tenancy.internal.TenantStore;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenant registry: tenants from {@code clients/*}/client.yaml} and from the database, with their overrides.
 * Lookups are served from a cache that every change through this class invalidates.
 */
@Service
public class Tenants {

    private final TenantRegistry registry;
    private final TenantStore store;
    private final ClientsDirectory files;
    private final CurrentTenant currentTenant;
    private final ApplicationEventPublisher events;

    public Tenants(TenantRegistry registry, TenantStore store, ClientsDirectory files, CurrentTenant currentTenant,
            ApplicationEventPublisher events) {
        this.registry = registry;
        this.store = store;
        this.files = files;
        this.currentTenant = currentTenant;
        this.events = events;
    }

    /** The tenant with this id, if it exists. */
    public Optional<Tenant> find(TenantId id) {
        return registry.find(id).map(TenantRegistry.Entry::tenant);
    }

    /** The tenant with this id; a 404 problem {@code tenant-not-found} otherwise. */
    public Tenant get(TenantId id) {
        return find(id).orElseThrow(() -> ProblemException.notFound("tenant", id));
    }

    /** All tenants, ordered by id. */
    public List<Tenant> all() {
        return registry.all().stream().map(TenantRegistry.Entry::tenant).toList();
    }

    /** The tenant of the current request; 403 {@code no-tenant} without one, 404 when it does not exist. */
    public Tenant current() {
        return get(currentTenant.require());
    }

    /**
     * The tenant named by a webhook path segment ({@code /webhooks/email/inbound/{tenant_id}}); a 404 problem
     * {@code tenant-not-found} when the segment is not a valid id or no such tenant exists.
     */
    public Tenant forWebhook(String pathSegment) {
        if (!TenantId.isValid(pathSegment)) {
            throw ProblemException.of(HttpStatus.NOT_FOUND, "tenant-not-found", "Tenant not found",
                    "No such tenant.");
        }
        return get(TenantId.of(pathSegment));
    }

    /**
     * The tenant whose inbound address (or inbound domain) receives mail sent to {@code address}. Accepts a bare
     * address or {@code "Name <address>"}; compares without regard to case; an exact address wins over a domain.
     */
    public Optional<Tenant> findByInboundAddress(String address) {
        String normalized = normalizeAddress(address);
        if (normalized == null) {
            return Optional.empty();
        }
        List<Tenant> all = all();
        Optional<Tenant> exact = all.stream()
                .filter(t -> normalized.equalsIgnoreCase(t.email().inboundAddress()))
                .findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        String domain = normalized.substring(normalized.lastIndexOf('@') + 1);
        return all.stream().filter(t -> domain.equalsIgnoreCase(t.email().inboundDomain())).findFirst();
    }

    /** The tenant whose WhatsApp channel uses this provider phone-number id. */
    public Optional<Tenant> findByWhatsAppPhoneNumberId(String phoneNumberId) {
        if (phoneNumberId == null || phoneNumberId.isBlank()) {
            return Optional.empty();
        }
        String id = phoneNumberId.trim();
        return all().stream().filter(t -> id.equals(t.whatsapp().phoneNumberId())).findFirst();
    }

    /** Creates a tenant that lives only in the database; 409 problem {@code tenant-exists} when the id is taken. */
    @Transactional
    public Tenant create(NewTenant tenant) {
        if (tenant == null || tenant.id() == null) {
            throw ProblemException.invalidField("id", "is required");
        }
        String name = tenant.name() == null ? "" : tenant.name().trim();
        if (name.isEmpty()) {
            throw ProblemException.invalidField("name", "is required");
        }
        if (name.length() > TenantConfigBinder.MAX_NAME_LENGTH) {
            throw ProblemException.invalidField("name", "must be at most " + TenantConfigBinder.MAX_NAME_LENGTH
                    + " characters");
        }
        Set<Tenant.Feature> features = tenant.features() == null ? Set.of() : tenant.features();
        if (files.find(tenant.id()).isPresent() || !store.insertTenant(tenant.id(), name, features)) {
            throw exists(tenant.id());
        }
        registry.invalidate();
        events.publishEvent(new TenantCreated(tenant.id(), name));
        return registry.find(tenant.id()).map(TenantRegistry.Entry::tenant).orElseThrow();
    }

    /** What the tenant's overrides change, and what the API may change. */
    public TenantSettings settings(TenantId id) {
        TenantRegistry.Entry entry = registry.find(id).orElseThrow(() -> ProblemException.notFound("tenant", id));
        return new TenantSettings(id, ConfigTrees.leafPaths(entry.overrides()).stream().sorted().toList(),
                SettingsPolicy.OVERRIDABLE.stream().sorted().toList(), entry.settingsUpdatedAt());
    }

    /**
     * Applies a JSON merge patch (RFC 7396, snake_case fields as in {@code client.yaml}) to the tenant's
     * overrides: a value overrides the field, {@code null} removes the override. Only
     * {@link TenantSettings#overridableFields()} may appear; the result is validated as a whole and nothing is
     * stored when a field is invalid (400 naming the fields). Visible to the next request.
     */
    @Transactional
    public Tenant updateSettings(TenantId id, Map<String, Object> patch) {
        TenantRegistry.Entry entry = registry.find(id).orElseThrow(() -> ProblemException.notFound("tenant", id));
        List<ConfigError> errors = SettingsPolicy.check(patch);
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        Map<String, Object> overrides = ConfigTrees.mergePatch(store.lockSettings(id).settings(), patch);
        Tenant updated = registry.compose(id, entry.tenant().source(), entry.base(), overrides, entry.branding(),
                errors).orElseThrow(() -> Problems.invalid(errors));
        store.saveSettings(id, overrides);
        registry.invalidate();
        events.publishEvent(new TenantUpdated(id));
        return updated;
    }

    private static ProblemException exists(TenantId id) {
        return ProblemException.of(HttpStatus.CONFLICT, "tenant-exists", "Tenant exists",
                "A tenant with id " + id + " already exists.").with("tenant_id", id.value());
    }

    private static String normalizeAddress(String address) {
        if (address == null) {
            return null;
        }
        String value = address.trim();
        int open = value.lastIndexOf('<');
        int close = value.lastIndexOf('>');
        if (open >= 0 && close > open) {
            value = value.substring(open + 1, close).trim();
        }
        int at = value.lastIndexOf('@');
        if (at <= 0 || at == value.length() - 1 || value.contains(" ")) {
            return null;
        }
        return value.toLowerCase(Locale.ROOT);
    }
}
