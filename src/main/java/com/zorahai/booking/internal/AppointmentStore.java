package com.zorahai.booking.internal;

import com.zorahai.booking.AppointmentId;
import com.zorahai.booking.AppointmentStatus;
import com.zorahai.booking.Channel;
import com.zorahai.booking.Gender;
import com.zorahai.crm.ClientId;
import com.zorahai.platform.Page;
import com.zorahai.tenancy.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code booking_appointments} table. Inserting never double-books: the exclusion constraint refuses a second
 * booked appointment of a resource over an overlapping time, and {@code on conflict do nothing} turns that (and a
 * repeated idempotency key) into "not inserted" without failing the transaction.
 */
@Repository
public class AppointmentStore {

    static final String COLUMNS = "id, tenant_id, provider, external_id, service_id, service_ref, service_name,"
            + " resource_id, resource_ref, resource_name, start_at, end_at, status, customer_name, customer_phone,"
            + " client_id, gender, channel, language, notes, price_amount, currency, idempotency_key, cancel_reason,"
            + " reminded_at, created_at, updated_at";

    /** A busy interval of a resource. */
    public record Busy(UUID resourceId, Instant start, Instant end) {
    }

    /** A filtered, paged list of appointments; null filters match everything. */
    public record Search(Instant from, Instant to, AppointmentStatus status, String phone, ClientId clientId,
            boolean descending, int page, int size) {
    }

    private final JdbcClient jdbc;

    AppointmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the appointment unless its resource is taken at that time or its idempotency key was used; returns
     * whether it was inserted. A concurrent insert of the same slot waits for the other transaction, then loses.
     */
    public boolean insertIfFree(AppointmentRow row) {
        return jdbc.sql("insert into booking_appointments (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
                .params(row.id(), row.tenantId().value(), row.provider(), row.externalId(), row.serviceId(),
                        row.serviceRef(), row.serviceName(), row.resourceId(), row.resourceRef(), row.resourceName(),
                        ts(row.startAt()), ts(row.endAt()), row.status().value(), row.customerName(),
                        row.customerPhone(), row.clientId() == null ? null : row.clientId().value(),
                        row.gender() == null ? null : row.gender().value(), row.channel().value(), row.language(),
                        row.notes(), row.priceAmount(), row.currency(), row.idempotencyKey(), row.cancelReason(),
                        ts(row.remindedAt()), ts(row.createdAt()), ts(row.updatedAt()))
                .update() == 1;
    }

    public Optional<AppointmentRow> find(TenantId tenant, AppointmentId id) {
        return jdbc.sql("select " + COLUMNS + " from booking_appointments where tenant_id = ? and id = ?")
                .params(tenant.value(), id.value())
                .query(AppointmentStore::row)
                .optional();
    }

    /** The row, locked until the transaction ends. */
    public Optional<AppointmentRow> lock(TenantId tenant, AppointmentId id) {
        return jdbc.sql("select " + COLUMNS + " from booking_appointments where tenant_id = ? and id = ? for update")
                .params(tenant.value(), id.value())
                .query(AppointmentStore::row)
                .optional();
    }

    public Optional<AppointmentRow> findByKey(TenantId tenant, String idempotencyKey) {
        return jdbc.sql("select " + COLUMNS + " from booking_appointments where tenant_id = ?"
                + " and idempotency_key = ?")
                .params(tenant.value(), idempotencyKey)
                .query(AppointmentStore::row)
                .optional();
    }

    /** What holds these resources between {@code from} and {@code to}. */
    public List<Busy> busy(TenantId tenant, Collection<UUID> resources, Instant from, Instant to) {
        if (resources.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select resource_id, start_at, end_at from booking_appointments where tenant_id = ?"
                + " and resource_id = any(?::uuid[]) and status in ('booked', 'completed') and start_at < ?"
                + " and end_at > ?")
                .params(tenant.value(), resources.stream().map(UUID::toString).toArray(String[]::new), ts(to),
                        ts(from))
                .query((rs, n) -> new Busy(rs.getObject("resource_id", UUID.class), instant(rs, "start_at"),
                        instant(rs, "end_at")))
                .list();
    }

    public void cancel(AppointmentRow row, String reason, Instant now) {
        jdbc.sql("update booking_appointments set status = 'cancelled', cancel_reason = ?, cancelled_at = ?,"
                + " updated_at = ? where tenant_id = ? and id = ?")
                .params(reason, ts(now), ts(now), row.tenantId().value(), row.id())
                .update();
    }

    public void markNoShow(AppointmentRow row, Instant now) {
        jdbc.sql("update booking_appointments set status = 'no_show', no_show_at = ?, updated_at = ?"
                + " where tenant_id = ? and id = ?")
                .params(ts(now), ts(now), row.tenantId().value(), row.id())
                .update();
    }

    public void markCompleted(AppointmentRow row, Instant now) {
        jdbc.sql("update booking_appointments set status = 'completed', completed_at = ?, updated_at = ?"
                + " where tenant_id = ? and id = ?")
                .params(ts(now), ts(now), row.tenantId().value(), row.id())
                .update();
    }

    /**
     * Moves the appointment; a reminder is due again for the new time. Throws the database's exclusion violation
     * when the resource is taken then (run it in a savepoint to try another).
     */
    public void move(AppointmentRow row, Instant start, Instant end, UUID resourceId, String resourceRef,
            String resourceName, String externalId, Instant now) {
        jdbc.sql("update booking_appointments set start_at = ?, end_at = ?, resource_id = ?, resource_ref = ?,"
                + " resource_name = ?, external_id = ?, reminded_at = null, updated_at = ?"
                + " where tenant_id = ? and id = ?")
                .params(ts(start), ts(end), resourceId, resourceRef, resourceName, externalId, ts(now),
                        row.tenantId().value(), row.id())
                .update();
    }

    public Page<AppointmentRow> search(TenantId tenant, Search search) {
        StringBuilder where = new StringBuilder(" where tenant_id = ?");
        List<Object> params = new ArrayList<>();
        params.add(tenant.value());
        if (search.from() != null) {
            where.append(" and end_at > ?");
            params.add(ts(search.from()));
        }
        if (search.to() != null) {
            where.append(" and start_at < ?");
            params.add(ts(search.to()));
        }
        if (search.status() != null) {
            where.append(" and status = ?");
            params.add(search.status().value());
        }
        if (search.phone() != null) {
            where.append(" and customer_phone = ?");
            params.add(search.phone());
        }
        if (search.clientId() != null) {
            where.append(" and client_id = ?");
            params.add(search.clientId().value());
        }
        long total = jdbc.sql("select count(*) from booking_appointments" + where)
                .params(params)
                .query(Long.class)
                .single();
        String direction = search.descending() ? " desc" : "";
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(search.size());
        pageParams.add((long) search.page() * search.size());
        List<AppointmentRow> items = jdbc.sql("select " + COLUMNS + " from booking_appointments" + where
                + " order by start_at" + direction + ", id" + direction + " limit ? offset ?")
                .params(pageParams)
                .query(AppointmentStore::row)
                .list();
        return new Page<>(items, search.page(), search.size(), total);
    }

    /** Booked appointments of this phone that are not over, soonest first. */
    public List<AppointmentRow> upcoming(TenantId tenant, String phone, Instant now, int limit) {
        return jdbc.sql("select " + COLUMNS + " from booking_appointments where tenant_id = ? and customer_phone = ?"
                + " and status = 'booked' and end_at > ? order by start_at, id limit ?")
                .params(tenant.value(), phone, ts(now), limit)
                .query(AppointmentStore::row)
                .list();
    }

    /**
     * Marks up to {@code limit} booked appointments starting after {@code now} and within {@code lead} as reminded
     * and returns them. Rows another instance is marking are skipped, so each is returned once.
     */
    public List<AppointmentRow> claimDueReminders(Instant now, Duration lead, Duration skipIfBookedWithin,
            int limit) {
        return jdbc.sql("update booking_appointments set reminded_at = ? where id in ("
                + " select id from booking_appointments where status = 'booked' and reminded_at is null"
                + " and start_at > ? and start_at <= ? and created_at <= start_at - ?::interval"
                + " order by start_at limit ? for update skip locked) returning " + COLUMNS)
                .params(ts(now), ts(now), ts(now.plus(lead)), skipIfBookedWithin.toSeconds() + " seconds", limit)
                .query(AppointmentStore::row)
                .list();
    }

    /** Blanks the customer's name, phone and notes on every appointment of the client. */
    public int eraseClient(TenantId tenant, ClientId client) {
        return jdbc.sql("update booking_appointments set customer_name = null, customer_phone = null, notes = null,"
                + " cancel_reason = null, updated_at = now() where tenant_id = ? and client_id = ?")
                .params(tenant.value(), client.value())
                .update();
    }

    public List<AppointmentRow> forClient(TenantId tenant, ClientId client) {
        return jdbc.sql("select " + COLUMNS + " from booking_appointments where tenant_id = ? and client_id = ?"
                + " order by start_at, id")
                .params(tenant.value(), client.value())
                .query(AppointmentStore::row)
                .list();
    }

    static AppointmentRow row(ResultSet rs, int n) throws SQLException {
        UUID client = rs.getObject("client_id", UUID.class);
        return new AppointmentRow(rs.getObject("id", UUID.class), TenantId.of(rs.getString("tenant_id")),
                rs.getString("provider"), rs.getString("external_id"), rs.getObject("service_id", UUID.class),
                rs.getString("service_ref"), rs.getString("service_name"), rs.getObject("resource_id", UUID.class),
                rs.getString("resource_ref"), rs.getString("resource_name"), instant(rs, "start_at"),
                instant(rs, "end_at"), AppointmentStatus.find(rs.getString("status")).orElseThrow(),
                rs.getString("customer_name"), rs.getString("customer_phone"),
                client == null ? null : ClientId.of(client), Gender.find(rs.getString("gender")).orElse(null),
                Channel.find(rs.getString("channel")).orElseThrow(), rs.getString("language"),
                rs.getString("notes"), rs.getBigDecimal("price_amount"), trim(rs.getString("currency")),
                rs.getString("idempotency_key"), rs.getString("cancel_reason"), instant(rs, "reminded_at"),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    public static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }
}
