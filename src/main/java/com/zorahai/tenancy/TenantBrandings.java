package com.zorahai.tenancy;

import com.zorahai.platform.ProblemException;
import com.zorahai.platform.storage.ObjectStorage;
import com.zorahai.tenancy.internal.ConfigError;
import com.zorahai.tenancy.internal.LogoSniffer;
import com.zorahai.tenancy.internal.Problems;
import com.zorahai.tenancy.internal.TenancyProperties;
import com.zorahai.tenancy.internal.TenantConfigBinder;
import com.zorahai.tenancy.internal.TenantRegistry;
import com.zorahai.tenancy.internal.TenantStore;
import com.zorahai.tenancy.internal.TenantStore.BrandingRow;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A tenant's colours and logo. Colours and a logo URL override {@code client.yaml}; an uploaded logo (PNG, JPEG or
 * an inert SVG, recognised from its bytes) is kept in object storage, bucket {@code zorah.tenancy.assets-bucket}.
 */
@Service
public class TenantBrandings {

    private static final Logger log = LoggerFactory.getLogger(TenantBrandings.class);

    private final Tenants tenants;
    private final TenantRegistry registry;
    private final TenantStore store;
    private final ObjectStorage storage;
    private final TenancyProperties properties;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    public TenantBrandings(Tenants tenants, TenantRegistry registry, TenantStore store, ObjectStorage storage,
            TenancyProperties properties, PlatformTransactionManager transactionManager,
            ApplicationEventPublisher events) {
        this.tenants = tenants;
        this.registry = registry;
        this.store = store;
        this.storage = storage;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
        this.events = events;
    }

    /** New colours and logo URL; a null field falls back to {@code client.yaml}. */
    public record BrandingUpdate(String primaryColor, String secondaryColor, String logoUrl) {
    }

    /**
     * The effective branding of a tenant and what is stored for it.
     *
     * @param effective the colours and logo URL documents and emails use
     * @param logoContentType the type of the uploaded logo; null when none is uploaded
     */
    public record BrandingDetails(Tenant.Branding effective, String primaryColorOverride,
            String secondaryColorOverride, String logoUrlOverride, String logoContentType, Integer logoSize,
            Instant updatedAt) {

        public boolean logoUploaded() {
            return logoContentType != null;
        }
    }

    /** An uploaded logo. */
    public record Logo(byte[] content, String contentType, String sha256) {

        public Logo {
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }
    }

    /** The branding of the tenant; 404 {@code tenant-not-found} when it does not exist. */
    public BrandingDetails get(TenantId id) {
        TenantRegistry.Entry entry = entry(id);
        BrandingRow row = entry.branding();
        return new BrandingDetails(entry.tenant().branding(), row.primaryColor(), row.secondaryColor(),
                row.logoUrl(), row.hasLogo() ? row.logoContentType() : null, row.hasLogo() ? row.logoSize() : null,
                row.updatedAt());
    }

    /** Replaces the stored colours and logo URL (400 naming the field when one is invalid). */
    public BrandingDetails update(TenantId id, BrandingUpdate update) {
        entry(id);
        List<ConfigError> errors = new ArrayList<>();
        String primary = color("primary_color", update.primaryColor(), errors);
        String secondary = color("secondary_color", update.secondaryColor(), errors);
        String logoUrl = logoUrl(update.logoUrl(), errors);
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        transactions.executeWithoutResult(status -> {
            BrandingRow row = store.lockBranding(id);
            store.saveBranding(new BrandingRow(id, primary, secondary, logoUrl, row.logoKey(),
                    row.logoContentType(), row.logoSize(), row.logoSha256(), null));
            changed(id);
        });
        return get(id);
    }

    /**
     * Stores a new logo. 413 {@code payload-too-large} above {@code zorah.tenancy.logo-max-size}; 415
     * {@code unsupported-media-type} unless the bytes are PNG, JPEG or SVG, whatever type was declared; 422
     * {@code unsafe-svg} for an SVG with scripts, event handlers or outside references.
     */
    public BrandingDetails uploadLogo(TenantId id, byte[] content) {
        entry(id);
        checkLogoSize(content.length);
        if (content.length == 0) {
            throw ProblemException.invalidField("file", "is empty");
        }
        LogoSniffer.Image image = switch (LogoSniffer.sniff(content)) {
            case LogoSniffer.Image accepted -> accepted;
            case LogoSniffer.Unsupported unsupported -> throw ProblemException.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "unsupported-media-type", "Unsupported media type", "A logo must be a PNG, JPEG or SVG image.");
            case LogoSniffer.UnsafeSvg unsafe -> throw ProblemException.of(HttpStatus.UNPROCESSABLE_CONTENT,
                    "unsafe-svg", "Unsafe SVG", "The SVG " + unsafe.reason() + ".")
                    .with("errors", List.of(Map.of("field", "file", "reason", "SVG " + unsafe.reason())));
        };
        String sha256 = sha256(content);
        String key = id + "/logo-" + sha256.substring(0, 16) + "." + image.extension();
        storage.put(properties.assetsBucket(), key, content, image.contentType());
        transactions.executeWithoutResult(status -> {
            BrandingRow row = store.lockBranding(id);
            store.saveBranding(new BrandingRow(id, row.primaryColor(), row.secondaryColor(), row.logoUrl(), key,
                    image.contentType(), content.length, sha256, null));
            deleteAfterCommit(row.logoKey(), key);
            changed(id);
        });
        log.info("Tenant {} uploaded a {} logo of {} bytes", id, image.contentType(), content.length);
        return get(id);
    }

    /** 413 {@code payload-too-large} when a logo of this many bytes would be refused. */
    public void checkLogoSize(long bytes) {
        long max = properties.logoMaxSize().toBytes();
        if (bytes > max) {
            throw Problems.tooLarge("A logo", max);
        }
    }

    /** The uploaded logo of the tenant, if any. */
    public Optional<Logo> logo(TenantId id) {
        return registry.find(id)
                .map(TenantRegistry.Entry::branding)
                .filter(BrandingRow::hasLogo)
                .flatMap(row -> storage.get(properties.assetsBucket(), row.logoKey())
                        .map(stored -> new Logo(stored.content(), row.logoContentType(), row.logoSha256())));
    }

    /** Removes the uploaded logo; {@code false} when there was none. */
    public boolean deleteLogo(TenantId id) {
        entry(id);
        Boolean deleted = transactions.execute(status -> {
            BrandingRow row = store.lockBranding(id);
            if (!row.hasLogo()) {
                return false;
            }
            store.saveBranding(new BrandingRow(id, row.primaryColor(), row.secondaryColor(), row.logoUrl(), null,
                    null, null, null, null));
            deleteAfterCommit(row.logoKey(), null);
            changed(id);
            return true;
        });
        return Boolean.TRUE.equals(deleted);
    }

    private TenantRegistry.Entry entry(TenantId id) {
        return registry.find(id).orElseThrow(() -> ProblemException.notFound("tenant", id));
    }

    private void changed(TenantId id) {
        registry.invalidate();
        events.publishEvent(new TenantUpdated(id));
    }

    private void deleteAfterCommit(String oldKey, String newKey) {
        if (oldKey == null || oldKey.equals(newKey)) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    storage.delete(properties.assetsBucket(), oldKey);
                } catch (RuntimeException ex) {
                    log.warn("Could not delete the previous logo {}: {}", oldKey, ex.getMessage());
                }
            }
        });
    }

    private static String color(String field, String value, List<ConfigError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String color = value.trim();
        if (!TenantConfigBinder.validColor(color)) {
            errors.add(new ConfigError(field, "must be a colour like #1a2b3c"));
            return null;
        }
        return color.toLowerCase(Locale.ROOT);
    }

    private static String logoUrl(String value, List<ConfigError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String url = value.trim();
        try {
            URI uri = new URI(url);
            if ("https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && uri.getUserInfo() == null
                    && url.length() <= 2048) {
                return url;
            }
        } catch (URISyntaxException ex) {
            // reported below
        }
        errors.add(new ConfigError("logo_url", "must be an absolute https URL"));
        return null;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
