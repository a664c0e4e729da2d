package com.zorahai.whatsapp.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Checks what webhooks prove themselves with: Meta's {@code X-Hub-Signature-256} (HMAC-SHA256 of the raw body bytes
 * with the app secret, {@code sha256=<hex>}) and shared secrets, both compared in constant time. Counts rejections by
 * reason ({@code zorah.whatsapp.webhook.rejected}).
 */
@Component("whatsappWebhookSecurity")
public class WebhookSecurity {

    private final MeterRegistry meters;

    WebhookSecurity(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Whether {@code header} is the signature of exactly these bytes. */
    public boolean validSignature(byte[] body, String header, String secret) {
        if (header == null || secret == null || secret.isEmpty() || !header.startsWith("sha256=")) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring("sha256=".length()).trim());
        } catch (IllegalArgumentException ex) {
            return false;
        }
        return MessageDigest.isEqual(hmac(body, secret), given);
    }

    /** {@code sha256=<hex>} for the body: what Meta sends. */
    public static String sign(byte[] body, String secret) {
        return "sha256=" + HexFormat.of().formatHex(hmac(body, secret));
    }

    /** Constant-time equality of two secrets; false when either is missing. */
    public static boolean sameSecret(String given, String expected) {
        if (given == null || expected == null || expected.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(sha256(given), sha256(expected));
    }

    public void rejected(String reason) {
        Counter.builder("zorah.whatsapp.webhook.rejected")
                .description("WhatsApp webhook requests refused, by reason")
                .tag("reason", reason)
                .register(meters)
                .increment();
    }

    private static byte[] hmac(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException ex) {
            throw new IllegalStateException("HmacSHA256 is missing", ex);
        }
    }

    // hashing first makes the comparison independent of the lengths
    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is missing", ex);
        }
    }
}
