package com.zorahai.platform.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Objects as files under a local folder: {@code <root>/<bucket>/<key>}, with the content type kept beside it under
 * {@code <root>/.types/<bucket>/<key>} (no bucket can start with a dot, so the two never meet).
 */
class LocalObjectStorage implements ObjectStorage {

    private static final String DEFAULT_TYPE = "application/octet-stream";

    private final Path root;

    LocalObjectStorage(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void put(String bucket, String key, byte[] content, String contentType) {
        Path file = resolve(root, bucket, key);
        Path typeFile = resolve(root.resolve(".types"), bucket, key);
        try {
            write(file, content);
            write(typeFile, (contentType == null ? DEFAULT_TYPE : contentType).getBytes(StandardCharsets.UTF_8));
        } catch (IOException ex) {
            throw new StorageUnavailableException(ex);
        }
    }

    @Override
    public Optional<StoredObject> get(String bucket, String key) {
        Path file = resolve(root, bucket, key);
        Path typeFile = resolve(root.resolve(".types"), bucket, key);
        try {
            byte[] content = Files.readAllBytes(file);
            String type = Files.isRegularFile(typeFile) ? Files.readString(typeFile).trim() : DEFAULT_TYPE;
            return Optional.of(new StoredObject(content, type));
        } catch (NoSuchFileException ex) {
            return Optional.empty();
        } catch (IOException ex) {
            if (Files.isDirectory(file)) {
                return Optional.empty();
            }
            throw new StorageUnavailableException(ex);
        }
    }

    @Override
    public boolean delete(String bucket, String key) {
        Path file = resolve(root, bucket, key);
        try {
            Files.deleteIfExists(resolve(root.resolve(".types"), bucket, key));
            return Files.isRegularFile(file) && Files.deleteIfExists(file);
        } catch (IOException ex) {
            throw new StorageUnavailableException(ex);
        }
    }

    @Override
    public String description() {
        return "local files under " + root;
    }

    /** The file of an object; the key check already refuses {@code ..}, this also refuses anything outside. */
    static Path resolve(Path base, String bucket, String key) {
        ObjectKeys.check(bucket, key);
        Path bucketDir = base.resolve(bucket).normalize();
        Path file = bucketDir.resolve(key).normalize();
        if (!bucketDir.startsWith(base) || !file.startsWith(bucketDir) || file.equals(bucketDir)) {
            throw new IllegalArgumentException("Invalid object key");
        }
        return file;
    }

    private static void write(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), ".upload-", ".tmp");
        try {
            Files.write(temp, content);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException ex) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
