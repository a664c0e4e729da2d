package com.zorahai.knowledge.index;

import com.zorahai.tenancy.TenantId;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Snapshots as files: {@code <dir>/<prefix>/<tenant>/index.zip}, each replaced atomically. */
public class LocalSnapshotStore implements SnapshotStore {

    private final Path dir;

    public LocalSnapshotStore(Path root, String prefix) {
        Path base = root.toAbsolutePath().normalize();
        this.dir = prefix == null || prefix.isBlank() ? base : base.resolve(prefix).normalize();
        if (!dir.startsWith(base)) {
            throw new IllegalArgumentException("the snapshot prefix must stay inside the snapshot folder");
        }
    }

    @Override
    public void write(TenantId tenant, Path zip) throws IOException {
        Path target = file(tenant);
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), ".snapshot-", ".tmp");
        try {
            Files.copy(zip, temp, StandardCopyOption.REPLACE_EXISTING);
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public boolean read(TenantId tenant, Path target) throws IOException {
        Path source = file(tenant);
        if (!Files.isRegularFile(source)) {
            return false;
        }
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        return true;
    }

    @Override
    public boolean delete(TenantId tenant) throws IOException {
        return Files.deleteIfExists(file(tenant));
    }

    @Override
    public String description() {
        return "local folder " + dir;
    }

    private Path file(TenantId tenant) {
        return dir.resolve(tenant.value()).resolve("index.zip");
    }
}
