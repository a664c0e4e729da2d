package com.zorahai.invoicing.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AES-256 keys personal data is encrypted with: the current one ({@code ZORAH_DATA_KEY}, or a key generated once
 * into a file readable only by the app) and older ones still read after a rotation. A key is known by its id, a
 * short digest of the key, stored with each encrypted row. Keys are never logged.
 */
final class DataKeys {

    private static final Logger log = LoggerFactory.getLogger(DataKeys.class);
    static final int KEY_BYTES = 32;

    private final String currentId;
    private final Map<String, SecretKey> keys;

    private DataKeys(String currentId, Map<String, SecretKey> keys) {
        this.currentId = currentId;
        this.keys = Map.copyOf(keys);
    }

    /** The keys the settings name, generating the key file when no key is configured. */
    static DataKeys from(InvoicingProperties.DataKey settings) {
        byte[] current = settings.key() != null && !settings.key().isBlank()
                ? decode(settings.key(), "zorah.invoicing.data-key.key (ZORAH_DATA_KEY)")
                : fromFile(Path.of(settings.file()));
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        String currentId = idOf(current);
        keys.put(currentId, new SecretKeySpec(current, "AES"));
        for (int i = 0; i < settings.previous().size(); i++) {
            byte[] previous = decode(settings.previous().get(i),
                    "zorah.invoicing.data-key.previous[" + i + "] (ZORAH_PREVIOUS_DATA_KEYS)");
            keys.putIfAbsent(idOf(previous), new SecretKeySpec(previous, "AES"));
        }
        return new DataKeys(currentId, keys);
    }

    /** Only these keys, the first being the current one (for tests and tools). */
    static DataKeys of(byte[] current, byte[]... previous) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        keys.put(idOf(current), new SecretKeySpec(current, "AES"));
        for (byte[] key : previous) {
            keys.putIfAbsent(idOf(key), new SecretKeySpec(key, "AES"));
        }
        return new DataKeys(idOf(current), keys);
    }

    String currentId() {
        return currentId;
    }

    SecretKey current() {
        return keys.get(currentId);
    }

    Optional<SecretKey> find(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    /** The first 8 bytes of SHA-256 over a label and the key, in hex: names the key without revealing it. */
    static String idOf(byte[] key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update("zorah-data-key".getBytes(StandardCharsets.US_ASCII));
            byte[] hash = digest.digest(key);
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is not available", ex);
        }
    }

    private static byte[] decode(String value, String property) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value.trim());
        } catch (IllegalArgumentException ex) {
            throw new IllegalStateException(property + " must be Base64 (e.g. the output of openssl rand -base64 32)");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException(property + " must be " + KEY_BYTES + " bytes in Base64, not "
                    + key.length);
        }
        return key;
    }

    private static byte[] fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file), "the data key file " + file);
            }
            byte[] generated = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(generated);
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(file, Base64.getEncoder().encodeToString(generated));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ex) {
                log.warn("Could not restrict the permissions of the data key file {}", file);
            }
            log.info("Generated a data key in {} (set ZORAH_DATA_KEY to choose one; keep it with the database backups)",
                    file);
            return generated;
        } catch (IOException ex) {
            throw new UncheckedIOException("Could not read or create the data key file " + file, ex);
        }
    }
}
