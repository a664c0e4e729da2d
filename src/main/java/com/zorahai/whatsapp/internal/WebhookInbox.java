package com.zorahai.whatsapp.internal;

import com.zorahai.tenancy.TenantId;
import com.zorahai.whatsapp.DeliveryStatus;
import com.zorahai.whatsapp.WhatsAppContact;
import com.zorahai.whatsapp.WhatsAppMessage;
import com.zorahai.whatsapp.WhatsAppMessageReceived;
import com.zorahai.whatsapp.WhatsAppMessageStatusChanged;
import com.zorahai.whatsapp.provider.ParsedWebhook;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes in one authenticated webhook body for one tenant, all in one transaction: the raw body (once per body),
 * every message (once per provider message id, with its conversation), every status (once per id and status, moving
 * the message forward only), and an event for each new message and each status change. The webhook answers 200 after
 * that commit; media downloads and everything else follow from the events.
 */
@Component("whatsappWebhookInbox")
public class WebhookInbox {

    private static final Logger log = LoggerFactory.getLogger(WebhookInbox.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Conversations conversations;
    private final ApplicationEventPublisher events;
    private final WhatsAppProperties properties;

    WebhookInbox(JdbcClient jdbc, TransactionTemplate transactions, Conversations conversations,
            ApplicationEventPublisher events, WhatsAppProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.conversations = conversations;
        this.events = events;
        this.properties = properties;
    }

    /** What one body did: new messages, redelivered ones, statuses that were new. */
    public record Receipt(int received, int duplicates, int statuses) {

        public Receipt plus(Receipt other) {
            return new Receipt(received + other.received, duplicates + other.duplicates,
                    statuses + other.statuses);
        }
    }

    public Receipt accept(TenantId tenant, String provider, byte[] body, ParsedWebhook parsed) {
        return transactions.execute(tx -> store(tenant, provider, body, parsed));
    }

    private Receipt store(TenantId tenant, String provider, byte[] body, ParsedWebhook parsed) {
        if (properties.keepRawPayloads()) {
            jdbc.sql("""
                    insert into whatsapp_webhook_payloads (id, tenant_id, provider, sha256, body)
                    values (:id, :tenant, :provider, :sha, :body)
                    on conflict (tenant_id, sha256) do nothing""")
                    .param("id", UUID.randomUUID())
                    .param("tenant", tenant.value())
                    .param("provider", provider)
                    .param("sha", sha256(body))
                    .param("body", properties.testingMode()
                            ? null
                            : new String(body, StandardCharsets.UTF_8).replace("\u0000", ""))
                    .update();
        }
        int received = 0;
        int duplicates = 0;
        // one order for every request, so concurrent deliveries lock conversations the same way round
        List<ParsedWebhook.Inbound> messages = parsed.messages()
                .stream()
                .sorted(Comparator.comparing((ParsedWebhook.Inbound m) -> m.contact().key())
                        .thenComparing(m -> String.valueOf(m.message().providerMessageId())))
                .toList();
        for (ParsedWebhook.Inbound inbound : messages) {
            if (receive(tenant, provider, inbound)) {
                received++;
            } else {
                duplicates++;
            }
        }
        int statuses = 0;
        for (ParsedWebhook.Status status : parsed.statuses()) {
            if (status(tenant, status)) {
                statuses++;
            }
        }
        for (ParsedWebhook.Error error : parsed.errors()) {
            log.warn("WhatsApp provider reported error {} for tenant {}: {}", error.code(), tenant.value(),
                    error.title());
        }
        return new Receipt(received, duplicates, statuses);
    }

    private boolean receive(TenantId tenant, String provider, ParsedWebhook.Inbound inbound) {
        WhatsAppMessage message = inbound.message();
        WhatsAppContact contact = inbound.contact();
        UUID conversationId = conversations.upsert(tenant, contact, inbound.phoneNumberId(), inbound.providerRef());
        String storageKey = null;
        if (message.media() != null && message.media().providerMediaId() != null) {
            storageKey = mediaKey(tenant, message);
            message = withStorageKey(message, storageKey);
        }
        Optional<UUID> id = conversations.insertInbound(tenant, conversationId, provider, message, storageKey);
        if (id.isEmpty()) {
            return false;
        }
        boolean paused = conversations.touchInbound(conversationId, message.timestamp(), preview(message));
        events.publishEvent(new WhatsAppMessageReceived(tenant, conversationId, id.get(), contact, message, paused));
        return true;
    }

    private boolean status(TenantId tenant, ParsedWebhook.Status status) {
        int inserted = jdbc.sql("""
                insert into whatsapp_status_events (tenant_id, provider_message_id, status, recipient, error_code,
                                                    error_title, error_detail, provider_timestamp)
                values (:tenant, :providerId, :status, :recipient, :code, :title, :detail, :at)
                on conflict (tenant_id, provider_message_id, status) do nothing""")
                .param("tenant", tenant.value())
                .param("providerId", status.providerMessageId())
                .param("status", status.status().value())
                .param("recipient", status.recipient())
                .param("code", status.errorCode())
                .param("title", status.errorTitle())
                .param("detail", status.errorDetail())
                .param("at", Conversations.timestamp(status.timestamp()))
                .update();
        if (inserted == 0) {
            return false;
        }
        if (status.status() == DeliveryStatus.FAILED) {
            log.warn("WhatsApp message {} of tenant {} failed: {} {}", status.providerMessageId(), tenant.value(),
                    status.errorCode(), status.errorTitle());
        }
        conversations.applyStatus(tenant, status.providerMessageId(), status.status(), status.errorCode(),
                status.errorTitle(), status.errorDetail(), status.timestamp())
                .ifPresent(applied -> events.publishEvent(new WhatsAppMessageStatusChanged(tenant,
                        applied.conversationId(), applied.messageId(), status.providerMessageId(), status.status(),
                        status.errorCode(), status.errorTitle())));
        return true;
    }

    /**
     * Applies the furthest status already reported for a provider id: a status webhook may arrive before the send
     * that produced the id has been recorded.
     */
    public void replayStatuses(TenantId tenant, String providerMessageId) {
        jdbc.sql("""
                select status, error_code, error_title, error_detail, provider_timestamp
                  from whatsapp_status_events where tenant_id = :tenant and provider_message_id = :providerId""")
                .param("tenant", tenant.value())
                .param("providerId", providerMessageId)
                .query((rs, row) -> new ParsedWebhook.Status(null, providerMessageId,
                        DeliveryStatus.parse(rs.getString("status")).orElseThrow(), null,
                        Conversations.instant(rs, "provider_timestamp"), (Integer) rs.getObject("error_code"),
                        rs.getString("error_title"), rs.getString("error_detail")))
                .list()
                .stream()
                .max(Comparator.comparingInt(s -> s.status().rank()))
                .ifPresent(s -> conversations.applyStatus(tenant, providerMessageId, s.status(), s.errorCode(),
                        s.errorTitle(), s.errorDetail(), s.timestamp())
                        .ifPresent(applied -> events.publishEvent(new WhatsAppMessageStatusChanged(tenant,
                                applied.conversationId(), applied.messageId(), providerMessageId, s.status(),
                                s.errorCode(), s.errorTitle()))));
    }

    private static WhatsAppMessage withStorageKey(WhatsAppMessage message, String key) {
        WhatsAppMessage.Media media = message.media();
        return new WhatsAppMessage(message.type(), message.text(),
                new WhatsAppMessage.Media(media.providerMediaId(), media.mimeType(), media.sha256(), media.filename(),
                        media.voice(), key),
                message.location(), message.reply(), message.reaction(), message.contextMessageId(),
                message.providerMessageId(), message.timestamp());
    }

    /** Where a message's media goes in object storage: the tenant, then a hash of the provider message id. */
    static String mediaKey(TenantId tenant, WhatsAppMessage message) {
        String extension = extension(message.media().mimeType());
        return tenant.value() + "/" + sha256(message.providerMessageId().getBytes(StandardCharsets.UTF_8))
                .substring(0, 40) + extension;
    }

    static String extension(String mimeType) {
        if (mimeType == null) {
            return "";
        }
        String type = mimeType.toLowerCase(Locale.ROOT).split(";")[0].trim();
        return switch (type) {
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            case "image/webp" -> ".webp";
            case "audio/ogg" -> ".ogg";
            case "audio/mpeg" -> ".mp3";
            case "audio/mp4", "audio/aac" -> ".m4a";
            case "video/mp4" -> ".mp4";
            case "application/pdf" -> ".pdf";
            default -> "";
        };
    }

    private static String preview(WhatsAppMessage message) {
        if (message.text() != null) {
            return message.text();
        }
        return "[" + message.type().value() + (message.media() != null && message.media().voice()
                ? " voice note"
                : "") + "]";
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is missing", ex);
        }
    }
}
