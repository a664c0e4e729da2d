package com.zorahai.tickets.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Channel references of messages (an email's {@code Message-ID}, a WhatsApp message id) as they are stored and
 * compared: without surrounding angle brackets and whitespace, and hashed when too long for an index.
 */
final class MessageIds {

    static final int MAX_REFERENCE = 998;
    private static final int MAX_KEY = 255;

    private MessageIds() {
    }

    /** The reference without {@code <>} and whitespace; null when nothing is left. */
    static String clean(String reference) {
        if (reference == null) {
            return null;
        }
        String value = reference.strip();
        if (value.startsWith("<") && value.endsWith(">")) {
            value = value.substring(1, value.length() - 1).strip();
        }
        return value.isEmpty() ? null : value;
    }

    /** What the database compares: the clean reference, or its SHA-256 when longer than 255 characters. */
    static String key(String reference) {
        String clean = clean(reference);
        if (clean == null) {
            return null;
        }
        if (clean.length() <= MAX_KEY) {
            return clean;
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(clean.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is missing", ex);
        }
    }

    /** Whether the reference looks like an email {@code Message-ID} ({@code left@right}), so it may thread mail. */
    static boolean isEmailMessageId(String reference) {
        String clean = clean(reference);
        if (clean == null || clean.length() > MAX_REFERENCE) {
            return false;
        }
        int at = clean.indexOf('@');
        return at > 0 && at < clean.length() - 1 && clean.chars().noneMatch(c -> c <= ' ' || c == '<' || c == '>');
    }

    /** The reference as a header writes it: {@code <left@right>}. */
    static String bracketed(String reference) {
        return "<" + clean(reference) + ">";
    }
}
