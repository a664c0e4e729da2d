package com.zorahai.whatsapp.web;

import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.Tenants;
import com.zorahai.whatsapp.internal.Providers;
import com.zorahai.whatsapp.internal.WebhookInbox;
import com.zorahai.whatsapp.internal.WebhookSecurity;
import com.zorahai.whatsapp.internal.WhatsAppProperties;
import com.zorahai.whatsapp.provider.CloudApiWebhooks;
import com.zorahai.whatsapp.provider.ParsedWebhook;
import com.zorahai.whatsapp.provider.ProviderHttp;
import com.zorahai.whatsapp.provider.WhatsAppProvider;
import com.zorahai.whatsapp.provider.WhatsAppProvider.WebhookAuthentication;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * WhatsApp webhooks. {@code GET} answers Meta's verification handshake; {@code POST} authenticates the raw bytes
 * before reading them (Meta: {@code X-Hub-Signature-256} with the app secret; 360dialog, MontyMobile and Qiscus: the
 * tenant's {@code webhook_secret} as {@code ?token=} or {@code X-Webhook-Secret}), stores every message and status in
 * one transaction, and answers 200. {@code /webhook/whatsapp} routes each change by {@code metadata.phone_number_id};
 * {@code /webhook/whatsapp/{tenant_id}} is told the tenant. A bad signature is 401 and nothing is stored.
 */
@RestController("whatsappWebhookController")
@RequestMapping("/webhook/whatsapp")
class WhatsAppWebhookController {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppWebhookController.class);
    static final String SIGNATURE = "X-Hub-Signature-256";
    static final String SECRET_HEADER = "X-Webhook-Secret";

    private final Tenants tenants;
    private final Providers providers;
    private final WebhookInbox inbox;
    private final WebhookSecurity security;
    private final WhatsAppProperties properties;

    WhatsAppWebhookController(Tenants tenants, Providers providers, WebhookInbox inbox, WebhookSecurity security,
            WhatsAppProperties properties) {
        this.tenants = tenants;
        this.providers = providers;
        this.inbox = inbox;
        this.security = security;
        this.properties = properties;
    }

    /** What a post did. */
    record Receipt(int received, int duplicates, int statuses, int dropped) {
    }

    @GetMapping(produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "Meta's webhook verification handshake")
    ResponseEntity<String> verify(@RequestParam(name = "hub.mode", required = false) String mode,
            @RequestParam(name = "hub.verify_token", required = false) String token,
            @RequestParam(name = "hub.challenge", required = false) String challenge) {
        return handshake(mode, token, challenge, properties.verifyToken());
    }

    @GetMapping(path = "/{tenantId}", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "Meta's webhook verification handshake for one tenant")
    ResponseEntity<String> verifyForTenant(@PathVariable String tenantId,
            @RequestParam(name = "hub.mode", required = false) String mode,
            @RequestParam(name = "hub.verify_token", required = false) String token,
            @RequestParam(name = "hub.challenge", required = false) String challenge) {
        Tenant tenant = tenant(tenantId);
        String expected = credential(tenant, "verify_token");
        return handshake(mode, token, challenge, StringUtils.hasText(expected)
                ? expected
                : properties.verifyToken());
    }

    private ResponseEntity<String> handshake(String mode, String token, String challenge, String expected) {
        if (!"subscribe".equals(mode) || challenge == null || challenge.length() > 256
                || !WebhookSecurity.sameSecret(token, expected)) {
            security.rejected("verify-token");
            log.warn("WhatsApp webhook verification refused");
            throw ProblemException.of(HttpStatus.FORBIDDEN, "webhook-verification-failed",
                    "Verification failed", "The verify token does not match.");
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(challenge);
    }

    @PostMapping
    @Operation(summary = "Webhook of the tenant whose phone-number id the payload names")
    ResponseEntity<Receipt> receive(@RequestBody(required = false) byte[] body,
            @RequestHeader(name = SIGNATURE, required = false) String signature, HttpServletRequest request) {
        byte[] bytes = checkSize(body);
        boolean verified = false;
        if (StringUtils.hasText(properties.appSecret())) {
            if (!security.validSignature(bytes, signature, properties.appSecret())) {
                throw unauthorized("bad-signature", null);
            }
            verified = true;
        }
        JsonNode json = json(bytes);
        ParsedWebhook parsed = CloudApiWebhooks.parse(json);
        Map<String, List<Object>> byNumber = new LinkedHashMap<>();
        parsed.messages().forEach(m -> byNumber.computeIfAbsent(String.valueOf(m.phoneNumberId()),
                k -> new ArrayList<>()).add(m));
        parsed.statuses().forEach(s -> byNumber.computeIfAbsent(String.valueOf(s.phoneNumberId()),
                k -> new ArrayList<>()).add(s));
        WebhookInbox.Receipt total = new WebhookInbox.Receipt(0, 0, 0);
        int dropped = 0;
        for (Map.Entry<String, List<Object>> group : byNumber.entrySet()) {
            Optional<Tenant> tenant = tenants.findByWhatsAppPhoneNumberId(group.getKey());
            if (tenant.isEmpty()) {
                dropped += group.getValue().size();
                security.rejected("unknown-number");
                log.warn("WhatsApp webhook for an unknown phone-number id dropped ({} item(s))",
                        group.getValue().size());
                continue;
            }
            WhatsAppProvider provider = providers.effective(tenant.get());
            if (!verified) {
                authenticate(tenant.get(), provider, bytes, signature, request);
            }
            List<ParsedWebhook.Inbound> messages = group.getValue().stream()
                    .filter(ParsedWebhook.Inbound.class::isInstance).map(ParsedWebhook.Inbound.class::cast).toList();
            List<ParsedWebhook.Status> statuses = group.getValue().stream()
                    .filter(ParsedWebhook.Status.class::isInstance).map(ParsedWebhook.Status.class::cast).toList();
            total = total.plus(accept(tenant.get(), provider, bytes,
                    new ParsedWebhook(messages, statuses, List.of())));
        }
        return ResponseEntity.ok(new Receipt(total.received(), total.duplicates(), total.statuses(), dropped));
    }

    @PostMapping("/{tenantId}")
    @Operation(summary = "Webhook of one tenant (any provider; Qiscus is deprecated)")
    ResponseEntity<Receipt> receiveForTenant(@PathVariable String tenantId,
            @RequestBody(required = false) byte[] body,
            @RequestHeader(name = SIGNATURE, required = false) String signature, HttpServletRequest request) {
        Tenant tenant = tenant(tenantId);
        byte[] bytes = checkSize(body);
        WhatsAppProvider provider = providers.effective(tenant);
        authenticate(tenant, provider, bytes, signature, request);
        ParsedWebhook parsed = provider.parse(json(bytes));
        WebhookInbox.Receipt receipt = accept(tenant, provider, bytes, parsed);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (provider.deprecated()) {
            answer.header("Deprecation", "true");
            log.warn("WhatsApp webhook of tenant {} through deprecated provider {}", tenant.id().value(),
                    provider.name());
        }
        return answer.body(new Receipt(receipt.received(), receipt.duplicates(), receipt.statuses(), 0));
    }

    private WebhookInbox.Receipt accept(Tenant tenant, WhatsAppProvider provider, byte[] bytes,
            ParsedWebhook parsed) {
        MDC.put("tenantId", tenant.id().value());
        try {
            WebhookInbox.Receipt receipt = inbox.accept(tenant.id(), provider.name(), bytes, parsed);
            log.debug("WhatsApp webhook: {} new, {} redelivered, {} statuses", receipt.received(),
                    receipt.duplicates(), receipt.statuses());
            return receipt;
        } finally {
            MDC.remove("tenantId");
        }
    }

    private void authenticate(Tenant tenant, WhatsAppProvider provider, byte[] bytes, String signature,
            HttpServletRequest request) {
        String secret = StringUtils.hasText(tenant.whatsapp().webhookSecret())
                ? tenant.whatsapp().webhookSecret()
                : properties.appSecret();
        WebhookAuthentication mode = provider.webhookAuthentication();
        switch (mode) {
            case META_SIGNATURE -> {
                if (!StringUtils.hasText(secret)) {
                    log.error("WhatsApp webhook of tenant {} refused: no app secret is configured"
                            + " (whatsapp.webhook_secret or WHATSAPP_APP_SECRET)", tenant.id().value());
                    throw unauthorized("no-secret", tenant);
                }
                if (!security.validSignature(bytes, signature, secret)) {
                    throw unauthorized("bad-signature", tenant);
                }
            }
            case SIGNATURE_WHEN_CONFIGURED -> {
                if (StringUtils.hasText(secret) && !security.validSignature(bytes, signature, secret)) {
                    throw unauthorized("bad-signature", tenant);
                }
            }
            case SHARED_SECRET -> {
                String expected = tenant.whatsapp().webhookSecret();
                String given = Objects.requireNonNullElse(request.getHeader(SECRET_HEADER),
                        Objects.requireNonNullElse(request.getParameter("token"), ""));
                if (!WebhookSecurity.sameSecret(given, expected)) {
                    throw unauthorized("bad-secret", tenant);
                }
            }
        }
    }

    private ProblemException unauthorized(String reason, Tenant tenant) {
        security.rejected(reason);
        log.warn("WhatsApp webhook refused{}: {}", tenant == null ? "" : " for tenant " + tenant.id().value(),
                reason);
        return ProblemException.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                "The webhook signature or secret is missing or wrong.");
    }

    private Tenant tenant(String tenantId) {
        try {
            return tenants.forWebhook(tenantId);
        } catch (ProblemException ex) {
            security.rejected("unknown-tenant");
            throw ex;
        }
    }

    private byte[] checkSize(byte[] body) {
        if (body == null || body.length == 0) {
            throw ProblemException.invalidField("body", "must be a JSON webhook payload");
        }
        if (body.length > properties.maxPayloadSize().toBytes()) {
            security.rejected("too-large");
            throw ProblemException.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
                    "The payload is larger than " + properties.maxPayloadSize().toMegabytes() + " MB.");
        }
        return body;
    }

    private static JsonNode json(byte[] bytes) {
        try {
            JsonNode json = ProviderHttp.JSON.readTree(bytes);
            if (json == null || !json.isObject()) {
                throw ProblemException.invalidField("body", "must be a JSON object");
            }
            return json;
        } catch (JacksonException ex) {
            throw ProblemException.invalidField("body", "must be JSON");
        }
    }

    private static String credential(Tenant tenant, String name) {
        Map<String, String> credentials = tenant.whatsapp() == null ? null : tenant.whatsapp().credentials();
        return credentials == null ? null : credentials.get(name);
    }
}
