package com.zorahai.tenancy.internal;

import com.zorahai.tenancy.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code tenant_templates} table; every query is scoped to one tenant.
 */
@Repository
public class TemplateStore {

    private final JdbcClient jdbc;

    public TemplateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One stored template. */
    public record TemplateRow(String name, String content, Instant updatedAt) {
    }

    /** A stored template without its content. */
    public record TemplateName(String name, Instant updatedAt) {
    }

    public Optional<TemplateRow> find(TenantId tenant, String name) {
        return jdbc.sql("select name, content, updated_at from tenant_templates where tenant_id = ? and name = ?")
                .params(tenant.value(), name)
                .query(TemplateStore::row)
                .optional();
    }

    public List<TemplateName> names(TenantId tenant) {
        return jdbc.sql("select name, updated_at from tenant_templates where tenant_id = ? order by name")
                .param(tenant.value())
                .query((rs, n) -> new TemplateName(rs.getString("name"),
                        rs.getTimestamp("updated_at").toInstant()))
                .list();
    }

    public TemplateRow save(TenantId tenant, String name, String content) {
        return jdbc.sql("""
                insert into tenant_templates (tenant_id, name, content) values (?, ?, ?)
                on conflict (tenant_id, name) do update set content = excluded.content, updated_at = now()
                returning name, content, updated_at""")
                .params(tenant.value(), name, content)
                .query(TemplateStore::row)
                .single();
    }

    public boolean delete(TenantId tenant, String name) {
        return jdbc.sql("delete from tenant_templates where tenant_id = ? and name = ?")
                .params(tenant.value(), name)
                .update() == 1;
    }

    private static TemplateRow row(ResultSet rs, int n) throws SQLException {
        return new TemplateRow(rs.getString("name"), rs.getString("content"), rs.getTimestamp("updated_at")
                .toInstant());
    }
}
