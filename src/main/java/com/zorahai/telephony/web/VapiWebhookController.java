package com.zorahai.telephony.web;

import com.zorahai.platform.ProblemException;
import com.zorahai.telephony.internal.TelephonyProperties;
import com.zorahai.telephony.internal.VapiMessages;
import com.zorahai.telephony.internal.VapiPayloads;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.Tenants;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * VAPI's server URL, {@code POST /webhooks/vapi/{client_id}} (the path the replaced system used; the segment is the
 * tenant id). A post must carry the tenant's voice webhook secret in {@code X-Vapi-Secret}: VAPI's inline secret,
 * the {@code server.headers} our provisioning sets, or a custom bearer credential whose header is {@code
 * X-Vapi-Secret} without prefix ({@code Authorization: Bearer} is read by the platform's token filter on every path,
 * so it cannot carry the secret). Anything else is answered 401 and not processed. The message is then handled as {@link VapiMessages} says.
 */
@RestController
class VapiWebhookController {

    private static final Logger log = LoggerFactory.getLogger(VapiWebhookController.class);

    private final Tenants tenants;
    private final VapiMessages messages;
    private final TelephonyProperties properties;
    private final MeterRegistry meters;

    VapiWebhookController(Tenants tenants, VapiMessages messages, TelephonyProperties properties,
            MeterRegistry meters) {
        this.tenants = tenants;
        this.messages = messages;
        this.properties = properties;
        this.meters = meters;
    }

    @PostMapping("/webhooks/vapi/{clientId}")
    Map<String, Object> receive(@PathVariable String clientId, HttpServletRequest request) {
        Tenant tenant;
        try {
            tenant = tenants.forWebhook(clientId);
        } catch (ProblemException ex) {
            rejected("unknown-tenant");
            throw ex;
        }
        if (!authentic(tenant, request)) {
            rejected("unauthorized");
            log.warn("VAPI message for tenant {} rejected: missing or wrong secret", tenant.id());
            throw ProblemException.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                    "The webhook secret is missing or wrong.");
        }
        byte[] body = body(request);
        JsonNode root;
        try {
            root = VapiPayloads.JSON.readTree(body);
        } catch (JacksonException ex) {
            throw ProblemException.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                    "The body must be a JSON object.");
        }
        if (root == null || !root.isObject()) {
            throw ProblemException.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                    "The body must be a JSON object.");
        }
        MDC.put("tenantId", tenant.id().value());
        try {
            return messages.handle(tenant, body, root);
        } finally {
            MDC.remove("tenantId");
        }
    }

    /** Whether the post carries the tenant's secret; compared in constant time. A tenant with none accepts nothing. */
    static boolean authentic(Tenant tenant, HttpServletRequest request) {
        String secret = tenant.voice() == null ? null : tenant.voice().webhookSecret();
        if (secret == null || secret.isBlank()) {
            return false;
        }
        byte[] expected = secret.getBytes(StandardCharsets.UTF_8);
        String header = request.getHeader("X-Vapi-Secret");
        return header != null && MessageDigest.isEqual(expected, header.trim().getBytes(StandardCharsets.UTF_8));
    }

    private byte[] body(HttpServletRequest request) {
        long max = properties.webhook().maxPayloadSize().toBytes();
        if (request.getContentLengthLong() > max) {
            throw tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
            if (body.length > max) {
                throw tooLarge();
            }
            return body;
        } catch (IOException ex) {
            throw ProblemException.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                    "The body could not be read.");
        }
    }

    private ProblemException tooLarge() {
        rejected("too-large");
        return ProblemException.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
                "The message is larger than " + properties.webhook().maxPayloadSize().toMegabytes() + " MB.");
    }

    private void rejected(String reason) {
        meters.counter("zorah.telephony.webhook.rejected", "reason", reason).increment();
    }
}
