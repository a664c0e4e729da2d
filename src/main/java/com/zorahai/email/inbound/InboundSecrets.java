package com.zorahai.email.inbound;

import com.zorahai.tenancy.Tenant;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.springframework.stereotype.Component;

/**
 * Checks the tenant's inbound secret on a SendGrid post: the password of HTTP Basic auth (SendGrid sends the
 * credentials of a parse URL such as {@code https://inbound:<secret>@host/webhooks/email/inbound}) or a
 * {@code token} query parameter. A tenant with no secret accepts nothing. Counts every rejected post.
 */
@Component
public class InboundSecrets {

    static final String REJECTED = "zorah.email.inbound.rejected";

    private final MeterRegistry meters;

    InboundSecrets(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Whether the request carries the tenant's secret; compared in constant time. */
    public boolean accepts(Tenant tenant, HttpServletRequest request) {
        String secret = tenant.email() == null ? null : tenant.email().inboundSecret();
        if (secret == null || secret.isBlank()) {
            return false;
        }
        byte[] expected = secret.getBytes(StandardCharsets.UTF_8);
        String presented = basicPassword(request.getHeader("Authorization"));
        if (presented == null) {
            presented = request.getParameter("token");
        }
        return presented != null && MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8));
    }

    /** Counts a post that was not accepted, by reason. */
    public void rejected(String reason) {
        meters.counter(REJECTED, "reason", reason).increment();
    }

    private static String basicPassword(String header) {
        if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(colon + 1);
        } catch (IllegalArgumentException ex) {
            return null;
        }
    }
}
