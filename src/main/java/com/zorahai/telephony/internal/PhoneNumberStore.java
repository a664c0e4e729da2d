package com.zorahai.telephony.internal;

import com.zorahai.tenancy.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code phone_numbers} table.
 */
@Component
public class PhoneNumberStore {

    private final JdbcClient jdbc;

    PhoneNumberStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a number just bought, not yet imported into VAPI; false when the number is live elsewhere. */
    public boolean insert(PhoneNumberRecord n) {
        return jdbc.sql("""
                insert into phone_numbers (id, tenant_id, phone_number, iso_country, number_type, friendly_name,
                    twilio_sid, twilio_account_sid, address_id, bundle_sid, assistant_key, status, last_error)
                values (:id, :tenant, :number, :country, :type, :name, :sid, :account, :address, :bundle,
                    :assistant, :status, :error)
                on conflict do nothing""")
                .param("id", n.id())
                .param("tenant", n.tenantId())
                .param("number", n.phoneNumber())
                .param("country", n.isoCountry())
                .param("type", n.numberType())
                .param("name", n.friendlyName())
                .param("sid", n.twilioSid())
                .param("account", n.twilioAccountSid())
                .param("address", n.addressId())
                .param("bundle", n.bundleSid())
                .param("assistant", n.assistantKey())
                .param("status", n.status())
                .param("error", n.lastError())
                .update() == 1;
    }

    public Optional<PhoneNumberRecord> find(TenantId tenant, UUID id) {
        return jdbc.sql("select * from phone_numbers where tenant_id = :tenant and id = :id and status <> 'released'")
                .param("tenant", tenant.value())
                .param("id", id)
                .query(PhoneNumberStore::map)
                .optional();
    }

    /** The tenant's live number with this VAPI id or E.164 number. */
    public Optional<PhoneNumberRecord> findForCall(TenantId tenant, String vapiPhoneNumberId, String number) {
        return jdbc.sql("""
                select * from phone_numbers
                 where tenant_id = :tenant and status <> 'released'
                   and (vapi_phone_number_id = :vapi or phone_number = :number)
                 order by (vapi_phone_number_id = :vapi) desc nulls last limit 1""")
                .param("tenant", tenant.value())
                .param("vapi", vapiPhoneNumberId)
                .param("number", number)
                .query(PhoneNumberStore::map)
                .optional();
    }

    /** The tenant's first active number, which places outbound calls. */
    public Optional<PhoneNumberRecord> firstActive(TenantId tenant) {
        return jdbc.sql("""
                select * from phone_numbers where tenant_id = :tenant and status = 'active'
                   and vapi_phone_number_id is not null
                 order by created_at, id limit 1""")
                .param("tenant", tenant.value())
                .query(PhoneNumberStore::map)
                .optional();
    }

    public List<PhoneNumberRecord> list(TenantId tenant, int page, int size) {
        return jdbc.sql("""
                select * from phone_numbers where tenant_id = :tenant and status <> 'released'
                 order by created_at desc, id limit :size offset :offset""")
                .param("tenant", tenant.value())
                .param("size", size)
                .param("offset", (long) page * size)
                .query(PhoneNumberStore::map)
                .list();
    }

    public long count(TenantId tenant) {
        return jdbc.sql("select count(*) from phone_numbers where tenant_id = :tenant and status <> 'released'")
                .param("tenant", tenant.value())
                .query(Long.class)
                .single();
    }

    public boolean liveElsewhere(String number) {
        return jdbc.sql("select exists(select 1 from phone_numbers where phone_number = :n and status <> 'released')")
                .param("n", number)
                .query(Boolean.class)
                .single();
    }

    public void imported(UUID id, String vapiId, String assistantKey) {
        jdbc.sql("""
                update phone_numbers set vapi_phone_number_id = :vapi, assistant_key = :assistant, status = 'active',
                    last_error = null, updated_at = now() where id = :id""")
                .param("vapi", vapiId)
                .param("assistant", assistantKey)
                .param("id", id)
                .update();
    }

    public void importFailed(UUID id, String error) {
        jdbc.sql("update phone_numbers set status = 'import_failed', last_error = :error, updated_at = now() "
                + "where id = :id")
                .param("error", error)
                .param("id", id)
                .update();
    }

    public void assistant(UUID id, String assistantKey) {
        jdbc.sql("update phone_numbers set assistant_key = :assistant, updated_at = now() where id = :id")
                .param("assistant", assistantKey)
                .param("id", id)
                .update();
    }

    public void released(UUID id) {
        jdbc.sql("update phone_numbers set status = 'released', released_at = now(), updated_at = now() "
                + "where id = :id")
                .param("id", id)
                .update();
    }

    static PhoneNumberRecord map(ResultSet rs, int row) throws SQLException {
        return new PhoneNumberRecord(rs.getObject("id", UUID.class), rs.getString("tenant_id"),
                rs.getString("phone_number"), rs.getString("iso_country"), rs.getString("number_type"),
                rs.getString("friendly_name"), rs.getString("twilio_sid"), rs.getString("twilio_account_sid"),
                rs.getObject("address_id", UUID.class), rs.getString("bundle_sid"),
                rs.getString("vapi_phone_number_id"), rs.getString("assistant_key"), rs.getString("status"),
                rs.getString("last_error"), instant(rs, "created_at"), instant(rs, "updated_at"),
                instant(rs, "released_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
