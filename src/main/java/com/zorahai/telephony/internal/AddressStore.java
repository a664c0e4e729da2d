package com.zorahai.telephony.internal;

import com.zorahai.telephony.twilio.RegisteredAddress;
import com.zorahai.tenancy.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code telephony_addresses} table.
 */
@Component
public class AddressStore {

    private final JdbcClient jdbc;

    AddressStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public AddressRecord insert(TenantId tenant, RegisteredAddress a) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into telephony_addresses (id, tenant_id, twilio_sid, customer_name, street, street_secondary,
                    city, region, postal_code, iso_country, friendly_name, emergency_enabled, validated, verified)
                values (:id, :tenant, :sid, :name, :street, :street2, :city, :region, :postal, :country,
                    :friendly, :emergency, :validated, :verified)""")
                .param("id", id)
                .param("tenant", tenant.value())
                .param("sid", a.sid())
                .param("name", a.customerName())
                .param("street", a.street())
                .param("street2", a.streetSecondary())
                .param("city", a.city())
                .param("region", a.region())
                .param("postal", a.postalCode())
                .param("country", a.isoCountry())
                .param("friendly", a.friendlyName())
                .param("emergency", a.emergencyEnabled())
                .param("validated", a.validated())
                .param("verified", a.verified())
                .update();
        return find(tenant, id).orElseThrow();
    }

    public void refreshed(TenantId tenant, UUID id, RegisteredAddress a) {
        jdbc.sql("""
                update telephony_addresses set validated = :validated, verified = :verified, refreshed_at = now()
                 where tenant_id = :tenant and id = :id""")
                .param("validated", a.validated())
                .param("verified", a.verified())
                .param("tenant", tenant.value())
                .param("id", id)
                .update();
    }

    public Optional<AddressRecord> find(TenantId tenant, UUID id) {
        return jdbc.sql("select * from telephony_addresses where tenant_id = :tenant and id = :id")
                .param("tenant", tenant.value())
                .param("id", id)
                .query(AddressStore::map)
                .optional();
    }

    public List<AddressRecord> list(TenantId tenant, int page, int size) {
        return jdbc.sql("""
                select * from telephony_addresses where tenant_id = :tenant
                 order by created_at desc, id limit :size offset :offset""")
                .param("tenant", tenant.value())
                .param("size", size)
                .param("offset", (long) page * size)
                .query(AddressStore::map)
                .list();
    }

    public long count(TenantId tenant) {
        return jdbc.sql("select count(*) from telephony_addresses where tenant_id = :tenant")
                .param("tenant", tenant.value())
                .query(Long.class)
                .single();
    }

    static AddressRecord map(ResultSet rs, int row) throws SQLException {
        return new AddressRecord(rs.getObject("id", UUID.class), rs.getString("tenant_id"),
                rs.getString("twilio_sid"), rs.getString("customer_name"), rs.getString("street"),
                rs.getString("street_secondary"), rs.getString("city"), rs.getString("region"),
                rs.getString("postal_code"), rs.getString("iso_country"), rs.getString("friendly_name"),
                rs.getBoolean("emergency_enabled"), (Boolean) rs.getObject("validated"),
                (Boolean) rs.getObject("verified"), PhoneNumberStore.instant(rs, "created_at"),
                PhoneNumberStore.instant(rs, "refreshed_at"));
    }
}
