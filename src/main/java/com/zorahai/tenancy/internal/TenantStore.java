package com.zorahai.tenancy.internal;

import com.zorahai.tenancy.Tenant.Feature;
import com.zorahai.tenancy.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tenancy tables: tenants created through the API, settings overrides and branding.
 */
@Repository
public class TenantStore {

    private static final TypeReference<Map<String, Object>> TREE = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> NAMES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public TenantStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A tenant created through the API. */
    public record TenantRow(TenantId id, String name, Set<Feature> features, Instant createdAt) {
    }

    /** The overrides of one tenant. */
    public record SettingsRow(TenantId tenantId, Map<String, Object> settings, Instant updatedAt) {
    }

    /** The branding of one tenant; colours are {@code #rrggbb}, the logo is in object storage under logoKey. */
    public record BrandingRow(TenantId tenantId, String primaryColor, String secondaryColor, String logoUrl,
            String logoKey, String logoContentType, Integer logoSize, String logoSha256, Instant updatedAt) {

        public static BrandingRow empty(TenantId id) {
            return new BrandingRow(id, null, null, null, null, null, null, null, null);
        }

        public boolean hasLogo() {
            return logoKey != null;
        }
    }

    public List<TenantRow> tenants() {
        return jdbc.sql("select id, name, features, created_at from tenants order by id").query(this::tenantRow).list();
    }

    public Optional<TenantRow> tenant(TenantId id) {
        return jdbc.sql("select id, name, features, created_at from tenants where id = ?")
                .param(id.value())
                .query(this::tenantRow)
                .optional();
    }

    /** Inserts the tenant; {@code false} when the id is already taken. */
    public boolean insertTenant(TenantId id, String name, Set<Feature> features) {
        List<String> names = features.stream().map(TenantConfigBinder::featureName).sorted().toList();
        return jdbc.sql("insert into tenants (id, name, features) values (?, ?, ?::jsonb) on conflict (id) do nothing")
                .params(id.value(), name, json.writeValueAsString(names))
                .update() == 1;
    }

    public Map<TenantId, SettingsRow> settings() {
        return jdbc.sql("select tenant_id, settings, updated_at from tenant_settings")
                .query(this::settingsRow)
                .list()
                .stream()
                .collect(Collectors.toMap(SettingsRow::tenantId, Function.identity()));
    }

    /** The overrides of a tenant, locked until the transaction ends (an empty row is created first if needed). */
    public SettingsRow lockSettings(TenantId id) {
        jdbc.sql("insert into tenant_settings (tenant_id) values (?) on conflict (tenant_id) do nothing")
                .param(id.value())
                .update();
        return jdbc.sql("select tenant_id, settings, updated_at from tenant_settings where tenant_id = ? for update")
                .param(id.value())
                .query(this::settingsRow)
                .single();
    }

    public void saveSettings(TenantId id, Map<String, Object> settings) {
        jdbc.sql("update tenant_settings set settings = ?::jsonb, updated_at = now() where tenant_id = ?")
                .params(json.writeValueAsString(settings), id.value())
                .update();
    }

    public Map<TenantId, BrandingRow> brandings() {
        return jdbc.sql("select * from tenant_branding")
                .query(this::brandingRow)
                .list()
                .stream()
                .collect(Collectors.toMap(BrandingRow::tenantId, Function.identity()));
    }

    /** The branding of a tenant, locked until the transaction ends (an empty row is created first if needed). */
    public BrandingRow lockBranding(TenantId id) {
        jdbc.sql("insert into tenant_branding (tenant_id) values (?) on conflict (tenant_id) do nothing")
                .param(id.value())
                .update();
        return jdbc.sql("select * from tenant_branding where tenant_id = ? for update")
                .param(id.value())
                .query(this::brandingRow)
                .single();
    }

    public void saveBranding(BrandingRow row) {
        jdbc.sql("""
                update tenant_branding set primary_color = ?, secondary_color = ?, logo_url = ?, logo_key = ?,
                    logo_content_type = ?, logo_size = ?, logo_sha256 = ?, updated_at = now()
                where tenant_id = ?""")
                .params(row.primaryColor(), row.secondaryColor(), row.logoUrl(), row.logoKey(),
                        row.logoContentType(), row.logoSize(), row.logoSha256(), row.tenantId().value())
                .update();
    }

    private TenantRow tenantRow(ResultSet rs, int row) throws SQLException {
        Set<Feature> features = EnumSet.noneOf(Feature.class);
        for (String name : json.readValue(rs.getString("features"), NAMES)) {
            TenantConfigBinder.feature(name).ifPresent(features::add);
        }
        return new TenantRow(TenantId.of(rs.getString("id")), rs.getString("name"),
                Collections.unmodifiableSet(features), instant(rs, "created_at"));
    }

    private SettingsRow settingsRow(ResultSet rs, int row) throws SQLException {
        Map<String, Object> settings = json.readValue(rs.getString("settings"), TREE);
        return new SettingsRow(TenantId.of(rs.getString("tenant_id")),
                settings == null ? new LinkedHashMap<>() : settings, instant(rs, "updated_at"));
    }

    private BrandingRow brandingRow(ResultSet rs, int row) throws SQLException {
        int size = rs.getInt("logo_size");
        Integer logoSize = rs.wasNull() ? null : size;
        return new BrandingRow(TenantId.of(rs.getString("tenant_id")), rs.getString("primary_color"),
                rs.getString("secondary_color"), rs.getString("logo_url"), rs.getString("logo_key"),
                rs.getString("logo_content_type"), logoSize, rs.getString("logo_sha256"),
                instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
