package com.zorahai.telephony.internal;

import com.zorahai.tenancy.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code vapi_inbox} table: each VAPI message worth keeping is stored once per tenant and dedupe key before it
 * is answered; a redelivered message finds its row and is not processed again. Payloads are dropped once processed
 * (they hold transcripts).
 */
@Component
public class VapiInbox {

    private final JdbcClient jdbc;

    VapiInbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored message. */
    public record Entry(UUID id, String tenantId, String messageType, String callId, String payload,
            String response) {
    }

    /** Stores the message; empty when the tenant already has one with this key. */
    public Optional<UUID> store(TenantId tenant, String type, String dedupeKey, String callId, String payload) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                insert into vapi_inbox (id, tenant_id, message_type, dedupe_key, call_id, payload)
                values (:id, :tenant, :type, :key, :call, :payload)
                on conflict (tenant_id, dedupe_key) do nothing""")
                .param("id", id)
                .param("tenant", tenant.value())
                .param("type", type)
                .param("key", dedupeKey)
                .param("call", callId)
                .param("payload", payload)
                .update();
        return inserted == 1 ? Optional.of(id) : Optional.empty();
    }

    public Optional<Entry> find(TenantId tenant, UUID id) {
        return jdbc.sql("select id, tenant_id, message_type, call_id, payload, response from vapi_inbox "
                + "where tenant_id = :tenant and id = :id")
                .param("tenant", tenant.value())
                .param("id", id)
                .query((rs, row) -> new Entry(rs.getObject("id", UUID.class), rs.getString("tenant_id"),
                        rs.getString("message_type"), rs.getString("call_id"), rs.getString("payload"),
                        rs.getString("response")))
                .optional();
    }

    /** The answer given to the message with this key, once it has one. */
    public Optional<String> response(TenantId tenant, String dedupeKey) {
        return jdbc.sql("select response from vapi_inbox where tenant_id = :tenant and dedupe_key = :key")
                .param("tenant", tenant.value())
                .param("key", dedupeKey)
                .query(String.class)
                .optional();
    }

    /** Marks the message processed, keeping the answer (if any) and dropping the payload. */
    public void processed(UUID id, String response) {
        jdbc.sql("update vapi_inbox set processed_at = now(), payload = null, response = :response where id = :id")
                .param("response", response)
                .param("id", id)
                .update();
    }

    /** Drops whatever is left of the calls' messages (erasure). */
    public int erase(TenantId tenant, List<String> callIds) {
        if (callIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("update vapi_inbox set payload = null, response = null "
                + "where tenant_id = :tenant and call_id in (:calls)")
                .param("tenant", tenant.value())
                .param("calls", callIds)
                .update();
    }
}
