package com.zorahai.knowledge.gcs;

import com.google.cloud.ReadChannel;
import com.google.cloud.WriteChannel;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import com.zorahai.knowledge.index.SnapshotStore;
import com.zorahai.tenancy.TenantId;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Snapshots in a Cloud Storage bucket: {@code gs://<bucket>/<prefix>/<tenant>/index.zip}, streamed in and out, one
 * object per tenant replaced by each snapshot.
 */
public class GcsSnapshotStore implements SnapshotStore {

    private final Storage storage;
    private final String bucket;
    private final String prefix;

    public GcsSnapshotStore(Storage storage, String bucket, String prefix) {
        this.storage = storage;
        this.bucket = bucket;
        String p = prefix == null ? "" : prefix.strip();
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        this.prefix = p;
    }

    @Override
    public void write(TenantId tenant, Path zip) throws IOException {
        BlobInfo info = BlobInfo.newBuilder(blob(tenant)).setContentType("application/zip").build();
        try (WriteChannel channel = storage.writer(info); OutputStream out = Channels.newOutputStream(channel)) {
            Files.copy(zip, out);
        } catch (StorageException e) {
            throw new IOException("writing the snapshot to Cloud Storage failed (" + e.getCode() + ")", e);
        }
    }

    @Override
    public boolean read(TenantId tenant, Path target) throws IOException {
        try {
            Blob blob = storage.get(blob(tenant));
            if (blob == null || !blob.exists()) {
                return false;
            }
            try (ReadChannel channel = storage.reader(blob(tenant));
                    InputStream in = Channels.newInputStream(
                            channel)) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return true;
        } catch (StorageException e) {
            throw new IOException("reading the snapshot from Cloud Storage failed (" + e.getCode() + ")", e);
        }
    }

    @Override
    public boolean delete(TenantId tenant) throws IOException {
        try {
            return storage.delete(blob(tenant));
        } catch (StorageException e) {
            throw new IOException("deleting the snapshot from Cloud Storage failed (" + e.getCode() + ")", e);
        }
    }

    @Override
    public String description() {
        return "gs://" + bucket + "/" + (prefix.isEmpty() ? "" : prefix + "/");
    }

    private BlobId blob(TenantId tenant) {
        return BlobId.of(bucket, (prefix.isEmpty() ? "" : prefix + "/") + tenant.value() + "/index.zip");
    }
}
