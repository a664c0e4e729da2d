package com.zorahai.identity.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The HS256 key the app signs and verifies its own tokens with: {@code ZORAH_JWT_SECRET}, or a random key generated
 * once and kept in a file readable only by the app. The key itself is never logged.
 */
@Component
public class SigningKey {

    private static final Logger log = LoggerFactory.getLogger(SigningKey.class);
    static final int MIN_BYTES = 32;

    private final SecretKey key;

    public SigningKey(SecurityProperties properties) {
        this.key = new SecretKeySpec(resolve(properties), "HmacSHA256");
    }

    public SecretKey key() {
        return key;
    }

    private static byte[] resolve(SecurityProperties properties) {
        String configured = properties.jwtSecret();
        if (configured != null && !configured.isBlank()) {
            byte[] bytes = configured.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < MIN_BYTES) {
                throw new IllegalStateException("zorah.security.jwt-secret (ZORAH_JWT_SECRET) must be at least "
                        + MIN_BYTES + " bytes long");
            }
            return bytes;
        }
        Path file = Path.of(properties.keyFile());
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).trim());
            }
            byte[] generated = new byte[48];
            new SecureRandom().nextBytes(generated);
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(file, Base64.getEncoder().encodeToString(generated));
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            log.info("Generated a token signing key in {} (set ZORAH_JWT_SECRET to choose one)", file);
            return generated;
        } catch (IOException ex) {
            throw new UncheckedIOException("Could not read or create the signing key file " + file, ex);
        }
    }
}
