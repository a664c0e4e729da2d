package com.zorahai.quoting.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Accept-link tokens: 256 random bits, Base64url without padding (43 characters). Only the SHA-256 of a token is
 * stored, so the database alone cannot produce a working link, and a changed token matches nothing.
 */
final class AcceptTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

    private AcceptTokens() {
    }

    /** A new token and its hash. */
    record Issued(String token, String hash) {
    }

    static Issued issue() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Issued(token, sha256(token));
    }

    /** The hash to look a token up by; empty when the text cannot be a token at all. */
    static Optional<String> hashOf(String token) {
        if (token == null || !FORMAT.matcher(token.trim()).matches()) {
            return Optional.empty();
        }
        return Optional.of(sha256(token.trim()));
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
        }
    }
}
