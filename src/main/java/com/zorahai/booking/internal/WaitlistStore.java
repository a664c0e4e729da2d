package com.zorahai.booking.internal;

import static com.zorahai.booking.internal.AppointmentStore.instant;
import static com.zorahai.booking.internal.AppointmentStore.ts;

import com.zorahai.booking.Channel;
import com.zorahai.crm.ClientId;
import com.zorahai.platform.Page;
import com.zorahai.tenancy.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code booking_waitlist} table.
 */
@Repository
public class WaitlistStore {

    private static final String COLUMNS = "id, tenant_id, service_ref, service_name, customer_name, customer_phone,"
            + " client_id, earliest_on, latest_on, channel, language, notes, status, offered_at, offered_start_at,"
            + " offered_end_at, offered_resource, created_at, updated_at";

    private final JdbcClient jdbc;

    WaitlistStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(WaitlistRow row) {
        jdbc.sql("insert into booking_waitlist (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?)")
                .params(row.id(), row.tenantId().value(), row.serviceRef(), row.serviceName(), row.customerName(),
                        row.customerPhone(), row.clientId() == null ? null : row.clientId().value(), row.earliestOn(),
                        row.latestOn(), row.channel().value(), row.language(), row.notes(), row.status(),
                        ts(row.offeredAt()), ts(row.offeredStartAt()), ts(row.offeredEndAt()), row.offeredResource(),
                        ts(row.createdAt()), ts(row.updatedAt()))
                .update();
    }

    public Optional<WaitlistRow> find(TenantId tenant, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from booking_waitlist where tenant_id = ? and id = ?")
                .params(tenant.value(), id)
                .query(WaitlistStore::row)
                .optional();
    }

    public Page<WaitlistRow> page(TenantId tenant, String status, int page, int size) {
        String where = " where tenant_id = ?" + (status == null ? "" : " and status = ?");
        List<Object> params = new ArrayList<>(List.of(tenant.value()));
        if (status != null) {
            params.add(status);
        }
        long total = jdbc.sql("select count(*) from booking_waitlist" + where).params(params).query(Long.class)
                .single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<WaitlistRow> items = jdbc.sql("select " + COLUMNS + " from booking_waitlist" + where
                + " order by created_at, id limit ? offset ?")
                .params(pageParams)
                .query(WaitlistStore::row)
                .list();
        return new Page<>(items, page, size, total);
    }

    /** Waiting entries whose dates include {@code day}, first come first, locked so one offer goes to each. */
    public List<WaitlistRow> waitingOn(TenantId tenant, LocalDate day, int limit) {
        return jdbc.sql("select " + COLUMNS + " from booking_waitlist where tenant_id = ? and status = 'waiting'"
                + " and earliest_on <= ? and latest_on >= ? order by created_at, id limit ? for update skip locked")
                .params(tenant.value(), day, day, limit)
                .query(WaitlistStore::row)
                .list();
    }

    public void markOffered(WaitlistRow row, Instant start, Instant end, String resource, Instant now) {
        jdbc.sql("update booking_waitlist set status = 'offered', offered_at = ?, offered_start_at = ?,"
                + " offered_end_at = ?, offered_resource = ?, updated_at = ? where tenant_id = ? and id = ?")
                .params(ts(now), ts(start), ts(end), resource, ts(now), row.tenantId().value(), row.id())
                .update();
    }

    /** Marks the waiting or offered entries of this phone for this service as booked. */
    public int markBooked(TenantId tenant, String phone, String serviceRef, Instant now) {
        return jdbc.sql("update booking_waitlist set status = 'booked', updated_at = ? where tenant_id = ?"
                + " and customer_phone = ? and service_ref = ? and status in ('waiting', 'offered')")
                .params(ts(now), tenant.value(), phone, serviceRef)
                .update();
    }

    public boolean remove(TenantId tenant, UUID id, Instant now) {
        return jdbc.sql("update booking_waitlist set status = 'removed', updated_at = ? where tenant_id = ? and id = ?")
                .params(ts(now), tenant.value(), id)
                .update() == 1;
    }

    public int eraseClient(TenantId tenant, ClientId client) {
        return jdbc.sql("update booking_waitlist set customer_name = null, customer_phone = null, notes = null,"
                + " status = case when status in ('waiting', 'offered') then 'removed' else status end,"
                + " updated_at = now() where tenant_id = ? and client_id = ?")
                .params(tenant.value(), client.value())
                .update();
    }

    public List<WaitlistRow> forClient(TenantId tenant, ClientId client) {
        return jdbc.sql("select " + COLUMNS + " from booking_waitlist where tenant_id = ? and client_id = ?"
                + " order by created_at, id")
                .params(tenant.value(), client.value())
                .query(WaitlistStore::row)
                .list();
    }

    private static WaitlistRow row(ResultSet rs, int n) throws SQLException {
        UUID client = rs.getObject("client_id", UUID.class);
        return new WaitlistRow(rs.getObject("id", UUID.class), TenantId.of(rs.getString("tenant_id")),
                rs.getString("service_ref"), rs.getString("service_name"), rs.getString("customer_name"),
                rs.getString("customer_phone"), client == null ? null : ClientId.of(client),
                rs.getObject("earliest_on", LocalDate.class), rs.getObject("latest_on", LocalDate.class),
                Channel.find(rs.getString("channel")).orElseThrow(), rs.getString("language"), rs.getString("notes"),
                rs.getString("status"), instant(rs, "offered_at"), instant(rs, "offered_start_at"),
                instant(rs, "offered_end_at"), rs.getString("offered_resource"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }
}
