package com.zorahai.whatsapp.sandbox;

import com.zorahai.platform.Page;
import com.zorahai.tenancy.TenantId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the sandbox provider recorded, newest first. */
@Component("whatsappSandboxMessages")
public class SandboxMessages {

    private final JdbcClient jdbc;

    SandboxMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One recorded send.
     *
     * @param body the Cloud API request body Meta would have received, as JSON text
     */
    public record Recorded(UUID id, String recipient, String type, String body, String providerMessageId,
            Instant createdAt) {
    }

    public Page<Recorded> page(TenantId tenant, int page, int size) {
        long total = jdbc.sql("select count(*) from whatsapp_sandbox_messages where tenant_id = :tenant")
                .param("tenant", tenant.value())
                .query(Long.class)
                .single();
        var items = jdbc.sql("""
                select id, recipient, type, body::text as body, provider_message_id, created_at
                  from whatsapp_sandbox_messages where tenant_id = :tenant
                 order by created_at desc, id limit :size offset :offset""")
                .param("tenant", tenant.value())
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, row) -> new Recorded(rs.getObject("id", UUID.class), rs.getString("recipient"),
                        rs.getString("type"), rs.getString("body"), rs.getString("provider_message_id"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list();
        return new Page<>(items, page, size, total);
    }
}
