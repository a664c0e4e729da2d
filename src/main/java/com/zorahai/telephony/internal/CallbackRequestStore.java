package com.zorahai.telephony.internal;

import com.zorahai.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code callback_requests} table: callers who asked to be called back.
 */
@Component
public class CallbackRequestStore {

    private final JdbcClient jdbc;

    CallbackRequestStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(TenantId tenant, UUID id, String vapiCallId, UUID clientId, String phone, String name,
            String reason, Instant preferredAt, UUID queueEntryId) {
        jdbc.sql("""
                insert into callback_requests (id, tenant_id, vapi_call_id, client_id, phone_number, name, reason,
                    preferred_at, queue_entry_id)
                values (:id, :tenant, :call, :client, :phone, :name, :reason, :preferred, :queue)""")
                .param("id", id)
                .param("tenant", tenant.value())
                .param("call", vapiCallId)
                .param("client", clientId)
                .param("phone", phone)
                .param("name", name)
                .param("reason", reason)
                .param("preferred", CallRecordStore.offset(preferredAt))
                .param("queue", queueEntryId)
                .update();
    }

    public List<Map<String, Object>> ofClient(TenantId tenant, UUID clientId) {
        return jdbc.sql("""
                select id, phone_number, name, reason, preferred_at, queue_entry_id, created_at
                  from callback_requests where tenant_id = :tenant and client_id = :client order by created_at, id""")
                .param("tenant", tenant.value())
                .param("client", clientId)
                .query((rs, row) -> {
                    Map<String, Object> m = new java.util.LinkedHashMap<>();
                    m.put("id", rs.getObject("id", UUID.class));
                    m.put("phone_number", rs.getString("phone_number"));
                    m.put("name", rs.getString("name"));
                    m.put("reason", rs.getString("reason"));
                    m.put("preferred_at", PhoneNumberStore.instant(rs, "preferred_at"));
                    m.put("queue_entry_id", rs.getObject("queue_entry_id", UUID.class));
                    m.put("created_at", PhoneNumberStore.instant(rs, "created_at"));
                    return m;
                })
                .list();
    }

    public int erase(TenantId tenant, UUID clientId) {
        return jdbc.sql("""
                update callback_requests set phone_number = null, name = null, reason = null
                 where tenant_id = :tenant and client_id = :client""")
                .param("tenant", tenant.value())
                .param("client", clientId)
                .update();
    }

    public long countForCall(TenantId tenant, String vapiCallId) {
        return jdbc.sql("select count(*) from callback_requests where tenant_id = :tenant and vapi_call_id = :call")
                .param("tenant", tenant.value())
                .param("call", vapiCallId)
                .query(Long.class)
                .single();
    }
}
