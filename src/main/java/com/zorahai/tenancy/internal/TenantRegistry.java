package com.zorahai.tenancy.internal;

import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.internal.ClientFileReader.ClientFile;
import com.zorahai.tenancy.internal.TenantStore.BrandingRow;
import com.zorahai.tenancy.internal.TenantStore.SettingsRow;
import com.zorahai.tenancy.internal.TenantStore.TenantRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The effective tenants, cached: file or database definition, then {@code tenant_settings} overrides, then
 * branding. The whole set is read at once (tenants are few) and kept until a change made through this instance
 * invalidates it, or {@code zorah.tenancy.cache-ttl} passes (for changes made through other instances).
 */
@Component
public class TenantRegistry {

    private static final Logger log = LoggerFactory.getLogger(TenantRegistry.class);

    private final ClientsDirectory files;
    private final TenantStore store;
    private final TenancyProperties properties;
    private final AtomicLong generation = new AtomicLong();
    private volatile Snapshot snapshot;

    public TenantRegistry(ClientsDirectory files, TenantStore store, TenancyProperties properties) {
        this.files = files;
        this.store = store;
        this.properties = properties;
    }

    /**
     * One effective tenant and what it was built from.
     *
     * @param base the file tree, or for a database tenant its name and features
     * @param overrides the {@code tenant_settings} tree (empty when none)
     * @param branding the {@code tenant_branding} row (all null when none)
     */
    public record Entry(Tenant tenant, Map<String, Object> base, Map<String, Object> overrides,
            Instant settingsUpdatedAt, BrandingRow branding) {
    }

    public Optional<Entry> find(TenantId id) {
        Entry entry = snapshot().entries().get(id);
        if (entry == null && store.tenant(id).isPresent()) {
            // created through another instance since the last read
            invalidate();
            entry = snapshot().entries().get(id);
        }
        return Optional.ofNullable(entry);
    }

    /** All tenants, ordered by id. */
    public List<Entry> all() {
        return List.copyOf(snapshot().entries().values());
    }

    /** Drops the cache now, and again when the current transaction (if any) ends. */
    public void invalidate() {
        generation.incrementAndGet();
        snapshot = null;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    generation.incrementAndGet();
                    snapshot = null;
                }
            });
        }
    }

    /**
     * The tenant built from a base tree, overrides and branding; empty with the problems in {@code errors} when the
     * result is invalid.
     */
    public Optional<Tenant> compose(TenantId id, Tenant.Source source, Map<String, Object> base,
            Map<String, Object> overrides, BrandingRow branding, List<ConfigError> errors) {
        Map<String, Object> tree = ConfigTrees.merge(ConfigTrees.merge(base, overrides), brandingTree(branding));
        return TenantConfigBinder.bind(id, tree, source, errors).map(tenant -> withLogo(tenant, branding));
    }

    /** The public address of an uploaded logo; versioned so caches never serve an old one. */
    public String logoUrl(TenantId id, String sha256) {
        return properties.baseUrl().replaceAll("/+$", "") + "/public/tenants/" + id + "/logo?v="
                + sha256.substring(0, 12);
    }

    private Snapshot snapshot() {
        Snapshot current = snapshot;
        if (current != null && !current.expired(properties.cacheTtl().toNanos())) {
            return current;
        }
        synchronized (this) {
            current = snapshot;
            if (current != null && !current.expired(properties.cacheTtl().toNanos())) {
                return current;
            }
            long before = generation.get();
            Snapshot loaded = load();
            if (generation.get() == before) {
                snapshot = loaded;
            }
            return loaded;
        }
    }

    private Snapshot load() {
        Map<TenantId, SettingsRow> settings = store.settings();
        Map<TenantId, BrandingRow> brandings = store.brandings();
        Map<TenantId, Entry> entries = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
        for (ClientFile file : files.all()) {
            add(entries, file.id(), Tenant.Source.FILE, file.tree(), settings, brandings);
        }
        for (TenantRow row : store.tenants()) {
            if (entries.containsKey(row.id())) {
                log.warn("Tenant {} has both a file and a database row; the file is used", row.id());
                continue;
            }
            Map<String, Object> base = new LinkedHashMap<>();
            base.put("name", row.name());
            base.put("features", row.features().stream().map(TenantConfigBinder::featureName).sorted().toList());
            add(entries, row.id(), Tenant.Source.DATABASE, base, settings, brandings);
        }
        return new Snapshot(Collections.unmodifiableMap(entries), System.nanoTime());
    }

    private void add(Map<TenantId, Entry> entries, TenantId id, Tenant.Source source, Map<String, Object> base,
            Map<TenantId, SettingsRow> settings, Map<TenantId, BrandingRow> brandings) {
        SettingsRow row = settings.get(id);
        Map<String, Object> overrides = row == null ? Map.of() : row.settings();
        BrandingRow branding = brandings.getOrDefault(id, BrandingRow.empty(id));
        List<ConfigError> errors = new ArrayList<>();
        Optional<Tenant> tenant = compose(id, source, base, overrides, branding, errors);
        if (tenant.isEmpty()) {
            // only possible when rows were edited by hand or the file changed since; the tenant keeps working
            log.warn("Ignoring the stored overrides of tenant {}: {}", id,
                    errors.stream().map(ConfigError::field).toList());
            overrides = Map.of();
            branding = BrandingRow.empty(id);
            tenant = compose(id, source, base, overrides, branding, new ArrayList<>());
        }
        if (tenant.isEmpty()) {
            log.error("Tenant {} cannot be built from its definition; it is left out", id);
            return;
        }
        entries.put(id, new Entry(tenant.get(), base, overrides, row == null ? null : row.updatedAt(), branding));
    }

    private static Map<String, Object> brandingTree(BrandingRow row) {
        Map<String, Object> branding = new LinkedHashMap<>();
        if (row != null) {
            putIfSet(branding, "primary_color", row.primaryColor());
            putIfSet(branding, "secondary_color", row.secondaryColor());
            putIfSet(branding, "logo_url", row.logoUrl());
        }
        return branding.isEmpty() ? Map.of() : Map.of("branding", branding);
    }

    private Tenant withLogo(Tenant tenant, BrandingRow row) {
        if (row == null || !row.hasLogo()) {
            return tenant;
        }
        Tenant.Branding branding = new Tenant.Branding(tenant.branding().primaryColor(),
                tenant.branding().secondaryColor(), logoUrl(tenant.id(), row.logoSha256()));
        return new Tenant(tenant.id(), tenant.name(), tenant.currency(), tenant.timezone(), tenant.locale(),
                tenant.features(), tenant.email(), tenant.banking(), tenant.gcp(), tenant.ai(), tenant.voice(),
                tenant.whatsapp(), tenant.booking(), tenant.trainerWhatsappNumber(), branding, tenant.source());
    }

    private static void putIfSet(Map<String, Object> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private record Snapshot(Map<TenantId, Entry> entries, long loadedAt) {

        boolean expired(long ttlNanos) {
            return System.nanoTime() - loadedAt > ttlNanos;
        }
    }
}
