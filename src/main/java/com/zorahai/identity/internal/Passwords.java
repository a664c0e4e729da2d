package com.zorahai.identity.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password hashing (BCrypt) and the password policy: at least {@value #MIN_LENGTH} characters, at most 72 bytes
 * (what BCrypt reads), not in the shipped list of common passwords, not built from the account's email.
 */
@Component
public class Passwords {

    public static final int MIN_LENGTH = 12;
    static final int MAX_BYTES = 72;
    static final String COMMON_LIST = "identity/common-passwords.txt";

    private final BCryptPasswordEncoder encoder;
    private final Set<String> common;
    // compared against when the account does not exist, so an unknown email takes as long as a wrong password
    private final String decoyHash;

    Passwords(IdentityProperties properties) {
        this.encoder = new BCryptPasswordEncoder(properties.bcryptStrength());
        this.common = loadCommon();
        this.decoyHash = encoder.encode(SecretTokens.generate());
    }

    public String hash(String raw) {
        return encoder.encode(raw);
    }

    /** Whether {@code raw} matches {@code hash}; spends the same time when there is no hash. */
    public boolean matches(String raw, String hash) {
        if (raw == null || raw.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            encoder.matches("", decoyHash);
            return false;
        }
        if (hash == null) {
            encoder.matches(raw, decoyHash);
            return false;
        }
        return encoder.matches(raw, hash);
    }

    /** Refuses a weak password with a {@code weak-password} problem naming the reason. */
    public void requireStrong(String password, String email) {
        String reason = weakness(password, email);
        if (reason != null) {
            throw IdentityProblems.weakPassword(reason);
        }
    }

    /** Why the password is refused, or null when it is acceptable. */
    String weakness(String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return "must be at least " + MIN_LENGTH + " characters long";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "must be at most " + MAX_BYTES + " bytes long";
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower) || common.contains(lower.strip())) {
            return "is too common";
        }
        if (lower.chars().distinct().count() < 4) {
            return "uses too few different characters";
        }
        if (email != null) {
            String local = email.toLowerCase(Locale.ROOT);
            int at = local.indexOf('@');
            local = at > 0 ? local.substring(0, at) : local;
            if (local.length() >= 4 && lower.contains(local)) {
                return "must not contain your email address";
            }
        }
        return null;
    }

    int commonCount() {
        return common.size();
    }

    private static Set<String> loadCommon() {
        Set<String> words = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new ClassPathResource(COMMON_LIST)
                .getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("Could not read " + COMMON_LIST, ex);
        }
        return Set.copyOf(words);
    }
}
