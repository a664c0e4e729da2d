package com.zorahai.telephony.internal;

import com.zorahai.tenancy.TenantId;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code do_not_call} table: numbers a tenant never calls. Adding a number also blocks the calls queued for it.
 */
@Component
public class DoNotCallList {

    private final JdbcClient jdbc;

    DoNotCallList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An entry. {@code source} is {@code api} or {@code call} (the callee asked during a call). */
    public record Entry(UUID id, String phoneNumber, String reason, String source, java.time.Instant createdAt) {
    }

    /** Adds the number (or keeps the existing entry) and blocks queued calls to it; returns the entry. */
    public Entry add(TenantId tenant, String e164, String reason, String source) {
        jdbc.sql("""
                insert into do_not_call (id, tenant_id, phone_number, reason, source)
                values (:id, :tenant, :number, :reason, :source)
                on conflict (tenant_id, phone_number) do nothing""")
                .param("id", UUID.randomUUID())
                .param("tenant", tenant.value())
                .param("number", e164)
                .param("reason", reason)
                .param("source", source)
                .update();
        jdbc.sql("""
                update outbound_call_queue set status = 'blocked', last_outcome = 'do_not_call', lease_until = null,
                    updated_at = now()
                 where tenant_id = :tenant and phone_number = :number and status = 'queued'""")
                .param("tenant", tenant.value())
                .param("number", e164)
                .update();
        return find(tenant, e164).orElseThrow();
    }

    public boolean contains(TenantId tenant, String e164) {
        return jdbc.sql("select exists(select 1 from do_not_call where tenant_id = :tenant and phone_number = :n)")
                .param("tenant", tenant.value())
                .param("n", e164)
                .query(Boolean.class)
                .single();
    }

    public java.util.Optional<Entry> find(TenantId tenant, String e164) {
        return jdbc.sql("select * from do_not_call where tenant_id = :tenant and phone_number = :n")
                .param("tenant", tenant.value())
                .param("n", e164)
                .query(DoNotCallList::map)
                .optional();
    }

    public List<Entry> list(TenantId tenant, int page, int size) {
        return jdbc.sql("select * from do_not_call where tenant_id = :tenant order by created_at desc, id "
                + "limit :size offset :offset")
                .param("tenant", tenant.value())
                .param("size", size)
                .param("offset", (long) page * size)
                .query(DoNotCallList::map)
                .list();
    }

    public long count(TenantId tenant) {
        return jdbc.sql("select count(*) from do_not_call where tenant_id = :tenant")
                .param("tenant", tenant.value())
                .query(Long.class)
                .single();
    }

    public boolean remove(TenantId tenant, UUID id) {
        return jdbc.sql("delete from do_not_call where tenant_id = :tenant and id = :id")
                .param("tenant", tenant.value())
                .param("id", id)
                .update() == 1;
    }

    private static Entry map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Entry(rs.getObject("id", UUID.class), rs.getString("phone_number"), rs.getString("reason"),
                rs.getString("source"), PhoneNumberStore.instant(rs, "created_at"));
    }
}
