package com.zorahai.crm.internal;

import com.zorahai.crm.Address;
import com.zorahai.crm.ClientId;
import com.zorahai.crm.ClientSource;
import com.zorahai.crm.Consents;
import com.zorahai.crm.Consents.Consent;
import com.zorahai.platform.Page;
import com.zorahai.tenancy.TenantId;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code clients}, {@code client_emails} and {@code client_phones} tables. Every query names the tenant.
 */
@Repository
class ClientStore {

    private static final String COLUMNS = """
            c.id, c.tenant_id, c.name, c.emails, c.phones, c.address, c.tags, c.notes, c.source,
            c.consent_marketing_email, c.consent_marketing_email_at, c.consent_marketing_whatsapp,
            c.consent_marketing_whatsapp_at, c.consent_marketing_sms, c.consent_marketing_sms_at,
            c.consent_marketing_calls, c.consent_marketing_calls_at, c.assigned_consultant, c.created_at,
            c.updated_at, c.deleted_at, c.erased_at, c.merged_into, c.merged_at""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ClientStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** An email or phone row of a live client. */
    record ContactRow(String value, Instant createdAt) {
    }

    /** How a search filters and orders. Null filters match everything. */
    record Search(String text, String email, String phone, String tag, ClientSort sort, boolean descending,
            long offset, int limit) {
    }

    void insert(ClientRow row) {
        Consents c = row.consents();
        jdbc.sql("""
                insert into clients (id, tenant_id, name, emails, phones, address, tags, notes, source,
                    consent_marketing_email, consent_marketing_email_at, consent_marketing_whatsapp,
                    consent_marketing_whatsapp_at, consent_marketing_sms, consent_marketing_sms_at,
                    consent_marketing_calls, consent_marketing_calls_at, assigned_consultant, created_at, updated_at)
                values (?, ?, ?, ?::text[], ?::text[], ?::jsonb, ?::text[], ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(row.id().value(), row.tenantId().value(), row.name(), array(row.emails()),
                        array(row.phones()), address(row.address()), array(row.tags()), row.notes(),
                        row.source().value(), c.marketingEmail().granted(), ts(c.marketingEmail().updatedAt()),
                        c.marketingWhatsapp().granted(), ts(c.marketingWhatsapp().updatedAt()),
                        c.marketingSms().granted(), ts(c.marketingSms().updatedAt()), c.marketingCalls().granted(),
                        ts(c.marketingCalls().updatedAt()), row.assignedConsultant(), ts(row.createdAt()),
                        ts(row.updatedAt()))
                .update();
    }

    /** Writes every field of the row but its id, tenant, source and creation time. */
    void update(ClientRow row) {
        Consents c = row.consents();
        jdbc.sql("""
                update clients set name = ?, emails = ?::text[], phones = ?::text[], address = ?::jsonb,
                    tags = ?::text[], notes = ?, consent_marketing_email = ?, consent_marketing_email_at = ?,
                    consent_marketing_whatsapp = ?, consent_marketing_whatsapp_at = ?, consent_marketing_sms = ?,
                    consent_marketing_sms_at = ?, consent_marketing_calls = ?, consent_marketing_calls_at = ?,
                    assigned_consultant = ?, updated_at = ?, deleted_at = ?, erased_at = ?, merged_into = ?,
                    merged_at = ?
                where tenant_id = ? and id = ?""")
                .params(row.name(), array(row.emails()), array(row.phones()), address(row.address()),
                        array(row.tags()), row.notes(), c.marketingEmail().granted(),
                        ts(c.marketingEmail().updatedAt()), c.marketingWhatsapp().granted(),
                        ts(c.marketingWhatsapp().updatedAt()), c.marketingSms().granted(),
                        ts(c.marketingSms().updatedAt()), c.marketingCalls().granted(),
                        ts(c.marketingCalls().updatedAt()), row.assignedConsultant(), ts(row.updatedAt()),
                        ts(row.deletedAt()), ts(row.erasedAt()),
                        row.mergedInto() == null ? null : row.mergedInto().value(), ts(row.mergedAt()),
                        row.tenantId().value(), row.id().value())
                .update();
    }

    Optional<ClientRow> find(TenantId tenant, ClientId id) {
        return jdbc.sql("select " + COLUMNS + " from clients c where c.tenant_id = ? and c.id = ?")
                .params(tenant.value(), id.value())
                .query(this::row)
                .optional();
    }

    /** The row, locked until the transaction ends. */
    Optional<ClientRow> lock(TenantId tenant, ClientId id) {
        return jdbc.sql("select " + COLUMNS + " from clients c where c.tenant_id = ? and c.id = ? for update")
                .params(tenant.value(), id.value())
                .query(this::row)
                .optional();
    }

    /** The clients merged into this one, locked when {@code lock} is set. */
    List<ClientRow> mergedInto(TenantId tenant, ClientId id, boolean lock) {
        return jdbc.sql("select " + COLUMNS + " from clients c where c.tenant_id = ? and c.merged_into = ?"
                + " order by c.merged_at, c.id" + (lock ? " for update" : ""))
                .params(tenant.value(), id.value())
                .query(this::row)
                .list();
    }

    /** Points the clients merged into {@code from} at {@code to}, so a merge chain is never longer than one. */
    void repointMerged(TenantId tenant, ClientId from, ClientId to) {
        jdbc.sql("update clients set merged_into = ? where tenant_id = ? and merged_into = ?")
                .params(to.value(), tenant.value(), from.value())
                .update();
    }

    /**
     * Serialises writers of the same emails and phones of a tenant until the transaction ends, so two concurrent
     * upserts of one address converge on one client. Keys are locked in a fixed order, so writers never deadlock.
     */
    void lockContacts(TenantId tenant, Collection<String> emails, Collection<String> phones) {
        List<String> keys = new ArrayList<>();
        emails.forEach(email -> keys.add(tenant.value() + "|e|" + email));
        phones.forEach(phone -> keys.add(tenant.value() + "|p|" + phone));
        keys.stream().distinct().sorted().forEach(key -> jdbc
                .sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
                .param(key)
                .query((rs, n) -> 1)
                .single());
    }

    Optional<ClientId> emailOwner(TenantId tenant, String email) {
        return jdbc.sql("select client_id from client_emails where tenant_id = ? and email = ?")
                .params(tenant.value(), email)
                .query((rs, n) -> ClientId.of(rs.getObject(1, UUID.class)))
                .optional();
    }

    Optional<ClientId> phoneOwner(TenantId tenant, String phone) {
        return jdbc.sql("select client_id from client_phones where tenant_id = ? and phone = ?")
                .params(tenant.value(), phone)
                .query((rs, n) -> ClientId.of(rs.getObject(1, UUID.class)))
                .optional();
    }

    /** Gives the email to the client; {@code false} when another client has it. */
    boolean claimEmail(TenantId tenant, String email, ClientId client) {
        jdbc.sql("insert into client_emails (tenant_id, email, client_id) values (?, ?, ?) on conflict do nothing")
                .params(tenant.value(), email, client.value())
                .update();
        return emailOwner(tenant, email).map(client::equals).orElse(false);
    }

    /** Gives the phone to the client; {@code false} when another client has it. */
    boolean claimPhone(TenantId tenant, String phone, ClientId client) {
        jdbc.sql("insert into client_phones (tenant_id, phone, client_id) values (?, ?, ?) on conflict do nothing")
                .params(tenant.value(), phone, client.value())
                .update();
        return phoneOwner(tenant, phone).map(client::equals).orElse(false);
    }

    void releaseEmail(TenantId tenant, String email, ClientId client) {
        jdbc.sql("delete from client_emails where tenant_id = ? and email = ? and client_id = ?")
                .params(tenant.value(), email, client.value())
                .update();
    }

    void releasePhone(TenantId tenant, String phone, ClientId client) {
        jdbc.sql("delete from client_phones where tenant_id = ? and phone = ? and client_id = ?")
                .params(tenant.value(), phone, client.value())
                .update();
    }

    /** Removes every email and phone row of the client. */
    void releaseAll(TenantId tenant, ClientId client) {
        jdbc.sql("delete from client_emails where tenant_id = ? and client_id = ?")
                .params(tenant.value(), client.value())
                .update();
        jdbc.sql("delete from client_phones where tenant_id = ? and client_id = ?")
                .params(tenant.value(), client.value())
                .update();
    }

    /** Gives every email and phone row of {@code from} to {@code to}. */
    void moveContacts(TenantId tenant, ClientId from, ClientId to) {
        jdbc.sql("update client_emails set client_id = ? where tenant_id = ? and client_id = ?")
                .params(to.value(), tenant.value(), from.value())
                .update();
        jdbc.sql("update client_phones set client_id = ? where tenant_id = ? and client_id = ?")
                .params(to.value(), tenant.value(), from.value())
                .update();
    }

    List<ContactRow> emailRows(TenantId tenant, ClientId client) {
        return jdbc.sql("select email, created_at from client_emails where tenant_id = ? and client_id = ?"
                + " order by created_at, email")
                .params(tenant.value(), client.value())
                .query((rs, n) -> new ContactRow(rs.getString(1), instant(rs, "created_at")))
                .list();
    }

    List<ContactRow> phoneRows(TenantId tenant, ClientId client) {
        return jdbc.sql("select phone, created_at from client_phones where tenant_id = ? and client_id = ?"
                + " order by created_at, phone")
                .params(tenant.value(), client.value())
                .query((rs, n) -> new ContactRow(rs.getString(1), instant(rs, "created_at")))
                .list();
    }

    /** Live clients matching the search, in its order, and how many match in all. */
    Page<ClientRow> search(TenantId tenant, Search search) {
        StringBuilder where = new StringBuilder(
                " from clients c where c.tenant_id = :tenant and c.deleted_at is null and c.erased_at is null"
                        + " and c.merged_into is null");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("tenant", tenant.value());
        if (search.text() != null) {
            params.put("pattern", "%" + likeEscape(search.text().toLowerCase(java.util.Locale.ROOT)) + "%");
            where.append(" and (lower(c.name) like :pattern or exists (select 1 from client_emails e"
                    + " where e.tenant_id = c.tenant_id and e.client_id = c.id and e.email like :pattern)");
            String digits = search.text().replaceAll("[^0-9]", "");
            if (digits.length() >= 3) {
                params.put("digits", "%" + digits + "%");
                where.append(" or exists (select 1 from client_phones p where p.tenant_id = c.tenant_id"
                        + " and p.client_id = c.id and p.phone like :digits)");
            }
            where.append(')');
        }
        if (search.email() != null) {
            params.put("email", search.email());
            where.append(" and exists (select 1 from client_emails e where e.tenant_id = c.tenant_id"
                    + " and e.client_id = c.id and e.email = :email)");
        }
        if (search.phone() != null) {
            params.put("phone", search.phone());
            where.append(" and exists (select 1 from client_phones p where p.tenant_id = c.tenant_id"
                    + " and p.client_id = c.id and p.phone = :phone)");
        }
        if (search.tag() != null) {
            params.put("tag", search.tag());
            where.append(" and c.tags @> array[cast(:tag as text)]");
        }
        long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
        String direction = search.descending() ? " desc" : " asc";
        params.put("limit", search.limit());
        params.put("offset", search.offset());
        List<ClientRow> rows = jdbc.sql("select " + COLUMNS + where + " order by " + search.sort().column()
                + direction + ", c.id" + direction + " limit :limit offset :offset")
                .params(params)
                .query(this::row)
                .list();
        return new Page<>(rows, 0, search.limit(), total);
    }

    private ClientRow row(ResultSet rs, int n) throws SQLException {
        UUID mergedInto = rs.getObject("merged_into", UUID.class);
        return new ClientRow(ClientId.of(rs.getObject("id", UUID.class)), TenantId.of(rs.getString("tenant_id")),
                rs.getString("name"), list(rs.getArray("emails")), list(rs.getArray("phones")),
                readAddress(rs.getString("address")), list(rs.getArray("tags")), rs.getString("notes"),
                ClientSource.find(rs.getString("source")).orElse(ClientSource.MANUAL),
                new Consents(consent(rs, "consent_marketing_email"), consent(rs, "consent_marketing_whatsapp"),
                        consent(rs, "consent_marketing_sms"), consent(rs, "consent_marketing_calls")),
                rs.getObject("assigned_consultant", UUID.class), instant(rs, "created_at"),
                instant(rs, "updated_at"), instant(rs, "deleted_at"), instant(rs, "erased_at"),
                mergedInto == null ? null : ClientId.of(mergedInto), instant(rs, "merged_at"));
    }

    private static Consent consent(ResultSet rs, String column) throws SQLException {
        return new Consent(rs.getBoolean(column), instant(rs, column + "_at"));
    }

    private Address readAddress(String value) {
        return value == null ? null : json.readValue(value, Address.class);
    }

    private String address(Address address) {
        return address == null ? null : json.writeValueAsString(address);
    }

    private static List<String> list(Array array) throws SQLException {
        return array == null ? List.of() : List.copyOf(Arrays.asList((String[]) array.getArray()));
    }

    private static String[] array(List<String> values) {
        return values == null ? new String[0] : values.toArray(String[]::new);
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    static String likeEscape(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
