package com.zorahai.email.inbound;

import com.zorahai.email.InboundEmail;
import com.zorahai.email.InboundEmailReceived;
import com.zorahai.platform.ProblemException;
import com.zorahai.platform.storage.ObjectStorage;
import com.zorahai.platform.storage.StorageUnavailableException;
import com.zorahai.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code inbound_emails} table. A message is stored once per tenant and dedupe key: the row and the
 * {@link InboundEmailReceived} event are written in one transaction, so processing starts exactly when a new
 * message is stored and a redelivered message changes nothing.
 */
@Component
public class InboundMailbox {

    private static final Logger log = LoggerFactory.getLogger(InboundMailbox.class);
    private static final TypeReference<List<InboundEmail.Attachment>> ATTACHMENTS = new TypeReference<>() {
    };
    private static final String COLUMNS = """
            id, tenant_id, message_id, from_address, to_addresses, cc_addresses, subject, text_body, html_body,
            headers, spam_score, spf, dkim, envelope::text as envelope, attachments::text as attachments, status,
            error, raw_mime is not null as has_raw, received_at, processed_at""";
    private static final String SUMMARY_COLUMNS = """
            id, tenant_id, message_id, from_address, to_addresses, cc_addresses, subject, null as text_body,
            null as html_body, null as headers, spam_score, spf, null as dkim, envelope::text as envelope,
            attachments::text as attachments, status, error, raw_mime is not null as has_raw, received_at,
            processed_at""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ObjectStorage storage;
    private final JsonMapper json;
    private final InboundProperties properties;
    private final ApplicationEventPublisher events;

    InboundMailbox(JdbcClient jdbc, TransactionTemplate transactions, ObjectStorage storage, JsonMapper json,
            InboundProperties properties, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.storage = storage;
        this.json = json;
        this.properties = properties;
        this.events = events;
    }

    /** What storing a message did. */
    public record Receipt(UUID id, boolean duplicate) {
    }

    /**
     * Stores the message with its attachments and publishes {@link InboundEmailReceived}; a message the tenant
     * already has (same dedupe key) is not stored again and publishes nothing.
     *
     * @throws ProblemException 503 {@code storage-unavailable} when an attachment cannot be kept (SendGrid retries)
     */
    public Receipt receive(TenantId tenant, DecodedEmail email) {
        Optional<UUID> existing = existing(tenant, email.dedupeKey());
        if (existing.isPresent()) {
            return new Receipt(existing.get(), true);
        }
        List<InboundEmail.Attachment> attachments = keep(tenant, email);
        Receipt receipt = transactions.execute(tx -> insert(tenant, email, attachments));
        if (!receipt.duplicate()) {
            log.info("Inbound email {} stored: {} attachment(s)", receipt.id(), attachments.size());
        }
        return receipt;
    }

    private Receipt insert(TenantId tenant, DecodedEmail email, List<InboundEmail.Attachment> attachments) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                insert into inbound_emails (id, tenant_id, message_id, dedupe_key, from_address, to_addresses,
                                            cc_addresses, subject, text_body, html_body, headers, raw_mime,
                                            spam_score, spf, dkim, envelope, attachments, status)
                values (:id, :tenant, :messageId, :key, :from, :to, :cc, :subject, :text, :html, :headers, :raw,
                        :spamScore, :spf, :dkim, cast(:envelope as jsonb), cast(:attachments as jsonb), 'received')
                on conflict (tenant_id, dedupe_key) do nothing""")
                .param("id", id)
                .param("tenant", tenant.value())
                .param("messageId", email.messageId())
                .param("key", email.dedupeKey())
                .param("from", clean(email.from()))
                .param("to", email.to().stream().map(InboundMailbox::clean).toArray(String[]::new))
                .param("cc", email.cc().stream().map(InboundMailbox::clean).toArray(String[]::new))
                .param("subject", clean(email.subject()))
                .param("text", clean(email.text()))
                .param("html", clean(email.html()))
                .param("headers", clean(email.headers()))
                .param("raw", email.rawMime())
                .param("spamScore", email.spamScore())
                .param("spf", clean(email.spf()))
                .param("dkim", clean(email.dkim()))
                .param("envelope", clean(email.envelopeJson()))
                .param("attachments", json.writeValueAsString(attachments))
                .update();
        if (inserted == 0) {
            return new Receipt(existing(tenant, email.dedupeKey()).orElseThrow(), true);
        }
        events.publishEvent(new InboundEmailReceived(tenant, id, email.messageId()));
        return new Receipt(id, false);
    }

    private Optional<UUID> existing(TenantId tenant, String dedupeKey) {
        return jdbc.sql("select id from inbound_emails where tenant_id = :tenant and dedupe_key = :key")
                .param("tenant", tenant.value())
                .param("key", dedupeKey)
                .query(UUID.class)
                .optional();
    }

    /** Writes each attachment within the size limit to object storage; larger ones are noted as skipped. */
    private List<InboundEmail.Attachment> keep(TenantId tenant, DecodedEmail email) {
        String folder = tenant.value() + "/" + sha256(email.dedupeKey()).substring(0, 32);
        long max = properties.maxAttachmentSize().toBytes();
        List<InboundEmail.Attachment> result = new ArrayList<>();
        List<DecodedEmail.Attachment> given = email.attachments();
        for (int i = 0; i < given.size(); i++) {
            DecodedEmail.Attachment attachment = given.get(i);
            String filename = clean(attachment.filename());
            long size = attachment.content().length;
            if (size > max) {
                log.warn("Inbound email attachment {} skipped: {} bytes, limit {}", i + 1, size, max);
                result.add(new InboundEmail.Attachment(filename, attachment.contentType(), size,
                        attachment.contentId(), null, null,
                        "larger than " + InboundProperties.readable(properties.maxAttachmentSize())));
                continue;
            }
            String key = folder + "/" + (i + 1) + "-" + safeName(filename);
            try {
                storage.put(properties.bucket(), key, attachment.content(), attachment.contentType());
            } catch (StorageUnavailableException ex) {
                throw ProblemException.of(HttpStatus.SERVICE_UNAVAILABLE, "storage-unavailable",
                        "Storage unavailable", "The attachments could not be stored; try again later.");
            }
            result.add(new InboundEmail.Attachment(filename, attachment.contentType(), size, attachment.contentId(),
                    properties.bucket(), key, null));
        }
        return result;
    }

    /** The tenant's email with this id, bodies included. */
    public Optional<InboundEmail> find(TenantId tenant, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from inbound_emails where tenant_id = :tenant and id = :id")
                .param("tenant", tenant.value())
                .param("id", id)
                .query(this::map)
                .optional();
    }

    /** The tenant's emails, newest first, without bodies and headers. */
    public List<InboundEmail> list(TenantId tenant, Optional<String> status, int page, int size) {
        return jdbc.sql("select " + SUMMARY_COLUMNS + """
                 from inbound_emails
                where tenant_id = :tenant and (cast(:status as varchar) is null or status = :status)
                order by received_at desc, id
                limit :size offset :offset""")
                .param("tenant", tenant.value())
                .param("status", status.orElse(null))
                .param("size", size)
                .param("offset", (long) page * size)
                .query(this::map)
                .list();
    }

    public long count(TenantId tenant, Optional<String> status) {
        return jdbc.sql("""
                select count(*) from inbound_emails
                 where tenant_id = :tenant and (cast(:status as varchar) is null or status = :status)""")
                .param("tenant", tenant.value())
                .param("status", status.orElse(null))
                .query(Long.class)
                .single();
    }

    /** Records the outcome of processing; {@code false} when the tenant has no such email. */
    public boolean finish(TenantId tenant, UUID id, String status, String error) {
        return jdbc.sql("""
                update inbound_emails set status = :status, error = :error, processed_at = now()
                 where tenant_id = :tenant and id = :id""")
                .param("status", status)
                .param("error", error == null ? null : error.length() > 500 ? error.substring(0, 500) : error)
                .param("tenant", tenant.value())
                .param("id", id)
                .update() == 1;
    }

    /**
     * Forgets what identifies the sender and what they wrote: addresses, subject, bodies, headers, raw source,
     * envelope and the kept attachments (deleted from storage). The row keeps its dedupe key, status and times, so a
     * redelivery of the same message is still recognised. {@code false} when the tenant has no such email.
     */
    public boolean erase(TenantId tenant, UUID id) {
        Optional<InboundEmail> email = find(tenant, id);
        if (email.isEmpty()) {
            return false;
        }
        for (InboundEmail.Attachment attachment : email.get().attachments()) {
            if (attachment.kept()) {
                storage.delete(attachment.bucket(), attachment.storageKey());
            }
        }
        return jdbc.sql("""
                update inbound_emails set message_id = null, from_address = null, to_addresses = '{}',
                       cc_addresses = '{}', subject = null, text_body = null, html_body = null, headers = null,
                       raw_mime = null, dkim = null, envelope = null, attachments = '[]'
                 where tenant_id = :tenant and id = :id""")
                .param("tenant", tenant.value())
                .param("id", id)
                .update() == 1;
    }

    private InboundEmail map(ResultSet rs, int row) throws SQLException {
        String attachments = rs.getString("attachments");
        String envelope = rs.getString("envelope");
        List<String> envelopeTo = new ArrayList<>();
        if (envelope != null) {
            var node = json.readTree(envelope).get("to");
            if (node != null && node.isArray()) {
                node.forEach(n -> envelopeTo.add(n.asString()));
            }
        }
        return new InboundEmail(rs.getObject("id", UUID.class), TenantId.of(rs.getString("tenant_id")),
                rs.getString("message_id"), rs.getString("from_address"), strings(rs.getArray("to_addresses")),
                strings(rs.getArray("cc_addresses")), rs.getString("subject"), rs.getString("text_body"),
                rs.getString("html_body"), rs.getString("headers"), rs.getBigDecimal("spam_score"),
                rs.getString("spf"), rs.getString("dkim"), envelopeTo,
                attachments == null ? List.of() : json.readValue(attachments, ATTACHMENTS), rs.getString("status"),
                rs.getString("error"), rs.getBoolean("has_raw"),
                rs.getObject("received_at", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(rs.getObject("processed_at", OffsetDateTime.class))
                        .map(OffsetDateTime::toInstant)
                        .orElse(null));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    /** PostgreSQL text cannot hold NUL. */
    private static String clean(String value) {
        return value == null ? null : value.replace("\u0000", "");
    }

    static String safeName(String filename) {
        String name = filename == null ? "" : filename.replaceAll("[^A-Za-z0-9._-]+", "_");
        name = name.replaceAll("^[._]+", "");
        if (name.length() > 100) {
            name = name.substring(name.length() - 100);
        }
        return name.isEmpty() ? "attachment" : name.toLowerCase(Locale.ROOT);
    }

    private static String sha256(String value) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is missing", ex);
        }
    }
}
