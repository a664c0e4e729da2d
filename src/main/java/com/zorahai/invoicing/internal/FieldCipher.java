package com.zorahai.invoicing.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM for single fields: a random 12-byte nonce per value, stored in front of the ciphertext and its
 * 16-byte tag. The associated data binds a value to its row and column, so a ciphertext copied to another row or
 * column fails to decrypt instead of showing someone else's data.
 */
final class FieldCipher {

    static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final DataKeys keys;
    private final SecureRandom random = new SecureRandom();

    FieldCipher(DataKeys keys) {
        this.keys = keys;
    }

    /** The id of the key {@link #encrypt} uses. */
    String keyId() {
        return keys.currentId();
    }

    /** Nonce and ciphertext of {@code plain} under the current key; null stays null. */
    byte[] encrypt(String plain, String context) {
        if (plain == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.current(), nonce, context);
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Could not encrypt a field", ex);
        }
    }

    /** The plain text of a value {@link #encrypt} wrote with the key {@code keyId}; null stays null. */
    String decrypt(byte[] value, String keyId, String context) {
        if (value == null) {
            return null;
        }
        SecretKey key = keys.find(keyId).orElseThrow(() -> new IllegalStateException("No data key with id " + keyId
                + " is configured; add the old key to ZORAH_PREVIOUS_DATA_KEYS"));
        if (value.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalStateException("An encrypted field is too short to be one");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOf(value, NONCE_BYTES), context);
            byte[] plain = cipher.doFinal(value, NONCE_BYTES, value.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("An encrypted field could not be decrypted (wrong key or altered data)",
                    ex);
        }
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, String context)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
