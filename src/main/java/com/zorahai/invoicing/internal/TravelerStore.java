package com.zorahai.invoicing.internal;

import com.zorahai.crm.ClientId;
import com.zorahai.invoicing.InvoiceId;
import com.zorahai.tenancy.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code invoice_travelers} table. It only ever sees ciphertext; {@link TravelerRecords} encrypts and decrypts.
 */
@Component
class TravelerStore {

    private static final String COLUMNS = "t.id, t.tenant_id, t.invoice_id, t.key_id, t.full_name, t.date_of_birth,"
            + " t.passport_number, t.passport_expiry, t.erased_at, t.created_at";

    private final JdbcClient jdbc;

    TravelerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored row: each personal field is a nonce followed by ciphertext, under the key {@code keyId}. */
    record Row(UUID id, TenantId tenantId, InvoiceId invoiceId, String keyId, byte[] fullName, byte[] dateOfBirth,
            byte[] passportNumber, byte[] passportExpiry, Instant erasedAt, Instant createdAt) {
    }

    void insert(Row row, UUID createdBy) {
        jdbc.sql("""
                insert into invoice_travelers (id, tenant_id, invoice_id, key_id, full_name, date_of_birth,
                                               passport_number, passport_expiry, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(row.id(), row.tenantId().value(), row.invoiceId().value(), row.keyId(), row.fullName(),
                        row.dateOfBirth(), row.passportNumber(), row.passportExpiry(), createdBy,
                        InvoiceStore.ts(row.createdAt()))
                .update();
    }

    List<Row> list(TenantId tenant, InvoiceId invoice) {
        return jdbc.sql("select " + COLUMNS + " from invoice_travelers t where t.tenant_id = ? and t.invoice_id = ?"
                + " order by t.created_at, t.id")
                .params(tenant.value(), invoice.value())
                .query(this::row)
                .list();
    }

    Optional<Row> find(TenantId tenant, InvoiceId invoice, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from invoice_travelers t where t.tenant_id = ? and t.invoice_id = ?"
                + " and t.id = ?")
                .params(tenant.value(), invoice.value(), id)
                .query(this::row)
                .optional();
    }

    long count(TenantId tenant, InvoiceId invoice) {
        return jdbc.sql("select count(*) from invoice_travelers where tenant_id = ? and invoice_id = ?")
                .params(tenant.value(), invoice.value())
                .query(Long.class)
                .single();
    }

    boolean delete(TenantId tenant, InvoiceId invoice, UUID id) {
        return jdbc.sql("delete from invoice_travelers where tenant_id = ? and invoice_id = ? and id = ?")
                .params(tenant.value(), invoice.value(), id)
                .update() == 1;
    }

    /** The travellers of every invoice of the client, oldest first. */
    List<Row> forClient(TenantId tenant, ClientId client) {
        return jdbc.sql("select " + COLUMNS + " from invoice_travelers t join invoices i on i.id = t.invoice_id"
                + " where t.tenant_id = ? and i.tenant_id = t.tenant_id and i.client_id = ?"
                + " order by t.created_at, t.id")
                .params(tenant.value(), client.value())
                .query(this::row)
                .list();
    }

    /** Clears the personal fields of the travellers of every invoice of the client; how many were erased. */
    int eraseForClient(TenantId tenant, ClientId client) {
        return jdbc.sql("""
                update invoice_travelers t set full_name = null, date_of_birth = null, passport_number = null,
                       passport_expiry = null, erased_at = now()
                from invoices i
                where i.id = t.invoice_id and i.tenant_id = t.tenant_id and t.tenant_id = ? and i.client_id = ?
                  and t.erased_at is null""")
                .params(tenant.value(), client.value())
                .update();
    }

    /** Rows written under another key than {@code keyId}, locked for re-encryption (skipping rows others hold). */
    List<Row> lockUnderOtherKey(String keyId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from invoice_travelers t where t.key_id <> ? order by t.id limit ?"
                + " for update skip locked")
                .params(keyId, limit)
                .query(this::row)
                .list();
    }

    void rewrite(Row row) {
        jdbc.sql("""
                update invoice_travelers set key_id = ?, full_name = ?, date_of_birth = ?, passport_number = ?,
                       passport_expiry = ?
                where tenant_id = ? and id = ?""")
                .params(row.keyId(), row.fullName(), row.dateOfBirth(), row.passportNumber(), row.passportExpiry(),
                        row.tenantId().value(), row.id())
                .update();
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), TenantId.of(rs.getString("tenant_id")),
                InvoiceId.of(rs.getObject("invoice_id", UUID.class)), rs.getString("key_id"),
                rs.getBytes("full_name"), rs.getBytes("date_of_birth"), rs.getBytes("passport_number"),
                rs.getBytes("passport_expiry"), InvoiceStore.instant(rs, "erased_at"),
                InvoiceStore.instant(rs, "created_at"));
    }
}
