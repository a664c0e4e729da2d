package com.zorahai.whatsapp.internal;

import com.zorahai.platform.storage.ObjectStorage;
import com.zorahai.platform.storage.StorageUnavailableException;
import com.zorahai.platform.storage.StoredObject;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.Tenants;
import com.zorahai.whatsapp.WhatsAppMessageReceived;
import com.zorahai.whatsapp.provider.MediaResult;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Downloads the media of an inbound message as soon as it is stored (provider links last minutes) and keeps it in
 * object storage under the key the message announced. A file that cannot be had is marked {@code unavailable}; a
 * passing failure is marked {@code failed} and tried again when someone asks for the file.
 */
@Component("whatsappMediaDownloads")
public class MediaDownloads {

    private static final Logger log = LoggerFactory.getLogger(MediaDownloads.class);

    private final JdbcClient jdbc;
    private final Tenants tenants;
    private final Providers providers;
    private final ObjectStorage storage;
    private final WhatsAppProperties properties;

    MediaDownloads(JdbcClient jdbc, Tenants tenants, Providers providers, ObjectStorage storage,
            WhatsAppProperties properties) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.providers = providers;
        this.storage = storage;
        this.properties = properties;
    }

    /** A stored file. */
    public record MediaFile(String bucket, String key, byte[] content, String mimeType) {
    }

    private record Pending(UUID id, String provider, String mediaId, String mime, String key, String status) {
    }

    @ApplicationModuleListener
    void on(WhatsAppMessageReceived event) {
        if (event.message().media() != null && event.message().media().storageKey() != null) {
            fetch(event.tenantId(), event.messageId());
        }
    }

    /** The message's file, downloading it first when it is not stored yet. */
    public Optional<MediaFile> fetch(TenantId tenant, UUID messageId) {
        Optional<Pending> row = jdbc.sql("""
                select id, provider, media_id, media_mime_type, media_storage_key, media_status
                  from whatsapp_messages where tenant_id = :tenant and id = :id""")
                .param("tenant", tenant.value())
                .param("id", messageId)
                .query((rs, n) -> new Pending(rs.getObject("id", UUID.class), rs.getString("provider"),
                        rs.getString("media_id"), rs.getString("media_mime_type"),
                        rs.getString("media_storage_key"), rs.getString("media_status")))
                .optional();
        if (row.isEmpty() || row.get().key() == null || row.get().mediaId() == null) {
            return Optional.empty();
        }
        Pending pending = row.get();
        if ("stored".equals(pending.status())) {
            Optional<StoredObject> stored = storage.get(properties.mediaBucket(), pending.key());
            if (stored.isPresent()) {
                return stored.map(o -> new MediaFile(properties.mediaBucket(), pending.key(), o.content(),
                        pending.mime() != null ? pending.mime() : o.contentType()));
            }
        }
        if ("unavailable".equals(pending.status())) {
            return Optional.empty();
        }
        Optional<Tenant> owner = tenants.find(tenant);
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        MediaResult result = providers.effective(owner.get()).download(owner.get(), pending.mediaId());
        switch (result) {
            case MediaResult.Fetched fetched -> {
                String mime = pending.mime() != null ? pending.mime() : fetched.mimeType();
                try {
                    storage.put(properties.mediaBucket(), pending.key(), fetched.content(), mime);
                } catch (StorageUnavailableException ex) {
                    mark(pending.id(), "failed", "storage unavailable");
                    log.warn("WhatsApp media of message {} could not be stored", messageId);
                    return Optional.empty();
                }
                mark(pending.id(), "stored", null);
                log.info("WhatsApp media of message {} stored ({} bytes)", messageId, fetched.content().length);
                return Optional.of(new MediaFile(properties.mediaBucket(), pending.key(), fetched.content(), mime));
            }
            case MediaResult.Unavailable unavailable -> {
                mark(pending.id(), "unavailable", unavailable.reason());
                log.warn("WhatsApp media of message {} unavailable: {}", messageId, unavailable.reason());
                return Optional.empty();
            }
            case MediaResult.Failed failed -> {
                mark(pending.id(), "failed", failed.reason());
                log.warn("WhatsApp media of message {} not downloaded yet: {}", messageId, failed.reason());
                return Optional.empty();
            }
        }
    }

    private void mark(UUID id, String status, String error) {
        jdbc.sql("update whatsapp_messages set media_status = :status, media_error = :error where id = :id")
                .param("status", status)
                .param("error", error == null || error.length() <= 300 ? error : error.substring(0, 300))
                .param("id", id)
                .update();
    }
}
