package com.zorahai.whatsapp.internal;

import com.zorahai.platform.Page;
import com.zorahai.tenancy.TenantId;
import com.zorahai.whatsapp.ChatMessage;
import com.zorahai.whatsapp.Conversation;
import com.zorahai.whatsapp.DeliveryStatus;
import com.zorahai.whatsapp.MessageType;
import com.zorahai.whatsapp.WhatsAppContact;
import com.zorahai.whatsapp.WhatsAppMessage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The conversation and message tables. A conversation is one per tenant and contact; an inbound message is stored
 * once per provider message id (the unique index is the webhook inbox); statuses only ever move a message forward.
 */
@Component("whatsappConversations")
public class Conversations {

    private static final String CONVERSATION_COLUMNS = """
            id, contact_key, wa_id, user_id, profile_name, provider_ref, last_inbound_at, last_message_at,
            last_message_preview, unread_count, needs_human, bot_paused, handoff_reason, created_at""";
    private static final String MESSAGE_COLUMNS = """
            id, conversation_id, direction, provider, provider_message_id, type, text, content::text as content,
            content_kept, media_status, context_message_id, status, status_at, error_code, error_title, sent_by,
            provider_timestamp, created_at""";

    private final JdbcClient jdbc;
    private final WhatsAppProperties properties;
    private final Clock clock;

    Conversations(JdbcClient jdbc, WhatsAppProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    /** The addressing facts of a conversation, as the outbox needs them. */
    public record Address(UUID id, TenantId tenantId, String waId, String userId, String providerRef,
            Instant lastInboundAt) {
    }

    /** The filters of the dashboard's list. */
    public record Filter(Boolean unread, Boolean needsHuman, LocalDate from, LocalDate to) {
    }

    /**
     * The conversation of a contact, created on first contact. A contact seen before by phone number and now also
     * by user id (or the other way round) keeps its conversation; the new id is added to it.
     */
    public UUID upsert(TenantId tenant, WhatsAppContact contact, String phoneNumberId, String providerRef) {
        Optional<UUID> existing = jdbc.sql("""
                select id from whatsapp_conversations
                 where tenant_id = :tenant
                   and (contact_key = :key
                        or (cast(:userId as varchar) is not null and user_id = :userId)
                        or (cast(:waId as varchar) is not null and wa_id = :waId))
                 order by (contact_key = :key) desc, created_at
                 limit 1
                   for update""")
                .param("tenant", tenant.value())
                .param("key", contact.key())
                .param("userId", contact.userId())
                .param("waId", contact.waId())
                .query(UUID.class)
                .optional();
        if (existing.isPresent()) {
            jdbc.sql("""
                    update whatsapp_conversations
                       set wa_id = coalesce(:waId, wa_id), user_id = coalesce(:userId, user_id),
                           profile_name = coalesce(:name, profile_name), provider_ref = coalesce(:ref, provider_ref),
                           phone_number_id = coalesce(:phoneNumberId, phone_number_id), updated_at = now()
                     where id = :id""")
                    .param("waId", contact.waId())
                    .param("userId", contact.userId())
                    .param("name", contact.name())
                    .param("ref", providerRef)
                    .param("phoneNumberId", phoneNumberId)
                    .param("id", existing.get())
                    .update();
            return existing.get();
        }
        return jdbc.sql("""
                insert into whatsapp_conversations (id, tenant_id, contact_key, wa_id, user_id, profile_name,
                                                    provider_ref, phone_number_id)
                values (:id, :tenant, :key, :waId, :userId, :name, :ref, :phoneNumberId)
                on conflict (tenant_id, contact_key) do update
                   set wa_id = coalesce(excluded.wa_id, whatsapp_conversations.wa_id),
                       user_id = coalesce(excluded.user_id, whatsapp_conversations.user_id),
                       profile_name = coalesce(excluded.profile_name, whatsapp_conversations.profile_name),
                       provider_ref = coalesce(excluded.provider_ref, whatsapp_conversations.provider_ref),
                       updated_at = now()
                returning id""")
                .param("id", UUID.randomUUID())
                .param("tenant", tenant.value())
                .param("key", contact.key())
                .param("waId", contact.waId())
                .param("userId", contact.userId())
                .param("name", contact.name())
                .param("ref", providerRef)
                .param("phoneNumberId", phoneNumberId)
                .query(UUID.class)
                .single();
    }

    /**
     * Stores an inbound message unless the tenant already has one with its provider id; the id of the new row, or
     * empty for a redelivery.
     */
    public Optional<UUID> insertInbound(TenantId tenant, UUID conversationId, String provider,
            WhatsAppMessage message, String mediaStorageKey) {
        UUID id = UUID.randomUUID();
        boolean keep = !properties.testingMode();
        WhatsAppMessage.Media media = message.media();
        int inserted = jdbc.sql("""
                insert into whatsapp_messages (id, tenant_id, conversation_id, direction, provider,
                                               provider_message_id, type, text, content, content_kept, media_id,
                                               media_mime_type, media_storage_key, media_status,
                                               context_message_id, status, status_rank, status_at,
                                               provider_timestamp)
                values (:id, :tenant, :conversation, 'inbound', :provider, :providerId, :type, :text,
                        cast(:content as jsonb), :kept, :mediaId, :mime, :storageKey, :mediaStatus, :context,
                        'received', 0, now(), :timestamp)
                on conflict (tenant_id, provider_message_id) where provider_message_id is not null do nothing""")
                .param("id", id)
                .param("tenant", tenant.value())
                .param("conversation", conversationId)
                .param("provider", provider)
                .param("providerId", message.providerMessageId())
                .param("type", message.type().value())
                .param("text", keep ? message.text() : null)
                .param("content", keep ? StoredJson.MAPPER.writeValueAsString(message) : null)
                .param("kept", keep)
                .param("mediaId", media == null ? null : media.providerMediaId())
                .param("mime", media == null ? null : media.mimeType())
                .param("storageKey", mediaStorageKey)
                .param("mediaStatus", media == null
                        ? null
                        : media.providerMediaId() == null
                                ? "unavailable"
                                : "pending")
                .param("context", message.contextMessageId())
                .param("timestamp", timestamp(message.timestamp()))
                .update();
        return inserted == 1 ? Optional.of(id) : Optional.empty();
    }

    /**
     * A customer's message refreshes the window (never moves it back), counts as unread and becomes the preview;
     * answers whether the bot is paused for the conversation.
     */
    public boolean touchInbound(UUID conversationId, Instant sentAt, String preview) {
        Instant now = clock.instant();
        Instant at = sentAt == null || sentAt.isAfter(now) ? now : sentAt;
        return jdbc.sql("""
                update whatsapp_conversations
                   set last_inbound_at = greatest(coalesce(last_inbound_at, :at), :at),
                       last_message_at = greatest(coalesce(last_message_at, :at), :at),
                       last_message_preview = :preview, unread_count = unread_count + 1, updated_at = now()
                 where id = :id
                returning bot_paused""")
                .param("at", timestamp(at))
                .param("preview", preview == null ? null : truncate(preview, 200))
                .param("id", conversationId)
                .query(Boolean.class)
                .single();
    }

    /** Adds an outbound message in {@code queued}. */
    public UUID insertOutbound(TenantId tenant, UUID conversationId, String provider, MessageType type, String text,
            Object content, String sentBy) {
        UUID id = UUID.randomUUID();
        boolean keep = !properties.testingMode();
        jdbc.sql("""
                insert into whatsapp_messages (id, tenant_id, conversation_id, direction, provider, type, text,
                                               content, content_kept, status, status_rank, status_at, sent_by)
                values (:id, :tenant, :conversation, 'outbound', :provider, :type, :text, cast(:content as jsonb),
                        :kept, 'queued', 0, now(), :sentBy)""")
                .param("id", id)
                .param("tenant", tenant.value())
                .param("conversation", conversationId)
                .param("provider", provider)
                .param("type", type.value())
                .param("text", keep ? text : null)
                .param("content", keep && content != null ? StoredJson.MAPPER.writeValueAsString(content) : null)
                .param("kept", keep)
                .param("sentBy", sentBy)
                .update();
        jdbc.sql("""
                update whatsapp_conversations
                   set last_message_at = now(), last_message_preview = :preview, updated_at = now()
                 where id = :id""")
                .param("preview", keep && text != null ? truncate(text, 200) : null)
                .param("id", conversationId)
                .update();
        return id;
    }

    /** A status change that took effect. */
    public record StatusApplied(UUID messageId, UUID conversationId) {
    }

    /**
     * Moves the tenant's message with this provider id to {@code status} when that is further than where it is;
     * empty when the message is unknown or already further.
     */
    public Optional<StatusApplied> applyStatus(TenantId tenant, String providerMessageId, DeliveryStatus status,
            Integer errorCode, String errorTitle, String errorDetail, Instant at) {
        return jdbc.sql("""
                update whatsapp_messages
                   set status = :status, status_rank = :rank, status_at = coalesce(:at, now()),
                       error_code = coalesce(:code, error_code), error_title = coalesce(:title, error_title),
                       error_detail = coalesce(:detail, error_detail)
                 where tenant_id = :tenant and provider_message_id = :providerId and status_rank < :rank
                returning id, conversation_id""")
                .param("status", status.value())
                .param("rank", status.rank())
                .param("at", timestamp(at))
                .param("code", errorCode)
                .param("title", errorTitle)
                .param("detail", errorDetail)
                .param("tenant", tenant.value())
                .param("providerId", providerMessageId)
                .query((rs, row) -> new StatusApplied(rs.getObject("id", UUID.class),
                        rs.getObject("conversation_id", UUID.class)))
                .optional();
    }

    /** The provider accepted an outbound message: its id and {@code sent}, unless a status webhook came first. */
    public void markSent(UUID messageId, String provider, String providerMessageId) {
        jdbc.sql("""
                update whatsapp_messages
                   set provider_message_id = coalesce(:providerId, provider_message_id), provider = :provider,
                       status = case when status_rank < 1 then 'sent' else status end,
                       status_rank = greatest(status_rank, 1), status_at = now()
                 where id = :id""")
                .param("providerId", providerMessageId)
                .param("provider", provider)
                .param("id", messageId)
                .update();
    }

    /** An outbound message that will not be sent. */
    public void markFailed(UUID messageId, Integer errorCode, String errorTitle) {
        jdbc.sql("""
                update whatsapp_messages
                   set status = 'failed', status_rank = 5, status_at = now(), error_code = :code,
                       error_title = :title
                 where id = :id""")
                .param("code", errorCode)
                .param("title", errorTitle == null ? null : truncate(errorTitle, 300))
                .param("id", messageId)
                .update();
    }

    public Optional<Address> address(UUID conversationId) {
        return jdbc.sql("""
                select id, tenant_id, wa_id, user_id, provider_ref, last_inbound_at
                  from whatsapp_conversations where id = :id""")
                .param("id", conversationId)
                .query((rs, row) -> new Address(rs.getObject("id", UUID.class),
                        TenantId.of(rs.getString("tenant_id")), rs.getString("wa_id"), rs.getString("user_id"),
                        rs.getString("provider_ref"), instant(rs, "last_inbound_at")))
                .optional();
    }

    /** Whether free-form messages may go to the conversation now. */
    public boolean windowOpen(Instant lastInboundAt) {
        return lastInboundAt != null && clock.instant().isBefore(lastInboundAt.plus(properties.window()));
    }

    public Optional<Conversation> find(TenantId tenant, UUID id) {
        return jdbc.sql("select " + CONVERSATION_COLUMNS
                + " from whatsapp_conversations where tenant_id = :tenant and id = :id")
                .param("tenant", tenant.value())
                .param("id", id)
                .query(this::conversation)
                .optional();
    }

    public Optional<Conversation> findByContact(TenantId tenant, String contact) {
        return jdbc.sql("select " + CONVERSATION_COLUMNS + """
                 from whatsapp_conversations
                where tenant_id = :tenant and (contact_key = :contact or wa_id = :contact or user_id = :contact)
                order by (contact_key = :contact) desc limit 1""")
                .param("tenant", tenant.value())
                .param("contact", contact)
                .query(this::conversation)
                .optional();
    }

    /** A page of the tenant's conversations, the most recent first. */
    public Page<Conversation> page(TenantId tenant, Filter filter, int page, int size) {
        String where = """
                where tenant_id = :tenant
                  and (cast(:unread as boolean) is null or (unread_count > 0) = :unread)
                  and (cast(:needsHuman as boolean) is null or needs_human = :needsHuman)
                  and (cast(:from as timestamptz) is null or last_message_at >= :from)
                  and (cast(:to as timestamptz) is null or last_message_at < :to)""";
        Timestamp from = filter.from() == null
                ? null
                : Timestamp.from(filter.from().atStartOfDay(ZoneOffset.UTC).toInstant());
        Timestamp to = filter.to() == null
                ? null
                : Timestamp.from(filter.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        long total = jdbc.sql("select count(*) from whatsapp_conversations " + where)
                .param("tenant", tenant.value())
                .param("unread", filter.unread())
                .param("needsHuman", filter.needsHuman())
                .param("from", from)
                .param("to", to)
                .query(Long.class)
                .single();
        List<Conversation> items = jdbc.sql("select " + CONVERSATION_COLUMNS + " from whatsapp_conversations "
                + where + " order by last_message_at desc nulls last, id limit :size offset :offset")
                .param("tenant", tenant.value())
                .param("unread", filter.unread())
                .param("needsHuman", filter.needsHuman())
                .param("from", from)
                .param("to", to)
                .param("size", size)
                .param("offset", (long) page * size)
                .query(this::conversation)
                .list();
        return new Page<>(items, page, size, total);
    }

    /** A page of a conversation's messages, newest first. */
    public Page<ChatMessage> messages(TenantId tenant, UUID conversationId, int page, int size) {
        long total = jdbc.sql("select count(*) from whatsapp_messages where tenant_id = :tenant"
                + " and conversation_id = :conversation")
                .param("tenant", tenant.value())
                .param("conversation", conversationId)
                .query(Long.class)
                .single();
        List<ChatMessage> items = jdbc.sql("select " + MESSAGE_COLUMNS + """
                 from whatsapp_messages where tenant_id = :tenant and conversation_id = :conversation
                order by created_at desc, id limit :size offset :offset""")
                .param("tenant", tenant.value())
                .param("conversation", conversationId)
                .param("size", size)
                .param("offset", (long) page * size)
                .query(this::message)
                .list();
        return new Page<>(items, page, size, total);
    }

    /** The last {@code n} messages, oldest first. */
    public List<ChatMessage> recent(TenantId tenant, UUID conversationId, int n) {
        List<ChatMessage> items = new ArrayList<>(messages(tenant, conversationId, 0, n).items());
        Collections.reverse(items);
        return items;
    }

    public Optional<ChatMessage> message(TenantId tenant, UUID messageId) {
        return jdbc.sql("select " + MESSAGE_COLUMNS + " from whatsapp_messages where tenant_id = :tenant and id = :id")
                .param("tenant", tenant.value())
                .param("id", messageId)
                .query(this::message)
                .optional();
    }

    /** Pauses the bot; false when the conversation is unknown. */
    public boolean handoff(TenantId tenant, UUID id, String reason) {
        return jdbc.sql("""
                update whatsapp_conversations
                   set bot_paused = true, needs_human = true, handoff_reason = :reason, handed_over_at = now(),
                       updated_at = now()
                 where tenant_id = :tenant and id = :id""")
                .param("reason", reason == null ? null : truncate(reason, 500))
                .param("tenant", tenant.value())
                .param("id", id)
                .update() == 1;
    }

    /** Gives the conversation back to the bot; false when it is unknown. */
    public boolean resume(TenantId tenant, UUID id) {
        return jdbc.sql("""
                update whatsapp_conversations
                   set bot_paused = false, needs_human = false, handoff_reason = null, updated_at = now()
                 where tenant_id = :tenant and id = :id""")
                .param("tenant", tenant.value())
                .param("id", id)
                .update() == 1;
    }

    /** Clears the unread count; the provider id of the latest inbound message, for the read receipt. */
    public Optional<String> markRead(TenantId tenant, UUID id) {
        jdbc.sql("update whatsapp_conversations set unread_count = 0, updated_at = now()"
                + " where tenant_id = :tenant and id = :id")
                .param("tenant", tenant.value())
                .param("id", id)
                .update();
        return jdbc.sql("""
                select provider_message_id from whatsapp_messages
                 where tenant_id = :tenant and conversation_id = :id and direction = 'inbound'
                   and provider_message_id is not null
                 order by created_at desc limit 1""")
                .param("tenant", tenant.value())
                .param("id", id)
                .query(String.class)
                .optional();
    }

    private Conversation conversation(ResultSet rs, int row) throws SQLException {
        Instant lastInbound = instant(rs, "last_inbound_at");
        return new Conversation(rs.getObject("id", UUID.class),
                new WhatsAppContact(rs.getString("contact_key"), rs.getString("wa_id"), rs.getString("user_id"),
                        rs.getString("profile_name")),
                lastInbound, lastInbound == null ? null : lastInbound.plus(properties.window()),
                windowOpen(lastInbound), instant(rs, "last_message_at"), rs.getString("last_message_preview"),
                rs.getInt("unread_count"), rs.getBoolean("needs_human"), rs.getBoolean("bot_paused"),
                rs.getString("handoff_reason"), instant(rs, "created_at"));
    }

    private ChatMessage message(ResultSet rs, int row) throws SQLException {
        String content = rs.getString("content");
        MessageType type = MessageType.parse(rs.getString("type")).orElse(MessageType.UNSUPPORTED);
        WhatsAppMessage message;
        if ("inbound".equals(rs.getString("direction")) && content != null) {
            message = StoredJson.MAPPER.readValue(content, WhatsAppMessage.class);
        } else {
            message = new WhatsAppMessage(type, rs.getString("text"), null, null, null, null,
                    rs.getString("context_message_id"), rs.getString("provider_message_id"),
                    instant(rs, "provider_timestamp"));
        }
        if (message.providerMessageId() == null && rs.getString("provider_message_id") != null) {
            message = new WhatsAppMessage(message.type(), message.text(), message.media(), message.location(),
                    message.reply(), message.reaction(), message.contextMessageId(),
                    rs.getString("provider_message_id"), message.timestamp());
        }
        return new ChatMessage(rs.getObject("id", UUID.class), rs.getObject("conversation_id", UUID.class),
                rs.getString("direction"), rs.getString("provider"), message,
                DeliveryStatus.parse(rs.getString("status")).orElse(DeliveryStatus.QUEUED),
                instant(rs, "status_at"), (Integer) rs.getObject("error_code"), rs.getString("error_title"),
                rs.getString("media_status"), rs.getString("sent_by"), instant(rs, "created_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
