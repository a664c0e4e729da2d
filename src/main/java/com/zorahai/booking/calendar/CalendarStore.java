package com.zorahai.booking.calendar;

import static com.zorahai.booking.internal.AppointmentStore.instant;
import static com.zorahai.booking.internal.AppointmentStore.ts;

import com.zorahai.booking.BookableService;
import com.zorahai.booking.Gender;
import com.zorahai.platform.Money;
import com.zorahai.tenancy.TenantId;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tables of the built-in calendar: services, resources (and the services each does), working hours, closures.
 */
@Repository
public class CalendarStore {

    private static final String SERVICE_COLUMNS = "id, tenant_id, name, description, duration_minutes, price_amount,"
            + " currency, price_female, price_male, active, created_at, updated_at";
    private static final String RESOURCE_COLUMNS = "r.id, r.tenant_id, r.name, r.kind, r.active, r.created_at,"
            + " r.updated_at, array(select s.service_id from booking_resource_services s where s.tenant_id ="
            + " r.tenant_id and s.resource_id = r.id order by s.service_id) as service_ids";

    /** A service of the built-in calendar. */
    public record ServiceRow(UUID id, TenantId tenantId, String name, String description, int durationMinutes,
            BigDecimal price, String currency, BigDecimal priceFemale, BigDecimal priceMale, boolean active,
            Instant createdAt, Instant updatedAt) {

        public BookableService bookable() {
            Currency code = Currency.getInstance(currency);
            Map<Gender, Money> byGender = new EnumMap<>(Gender.class);
            if (priceFemale != null) {
                byGender.put(Gender.FEMALE, Money.of(priceFemale, code));
            }
            if (priceMale != null) {
                byGender.put(Gender.MALE, Money.of(priceMale, code));
            }
            return new BookableService(id.toString(), name, description, durationMinutes, Money.of(price, code),
                    byGender, active);
        }
    }

    /**
     * A member of staff or a room.
     *
     * @param kind {@code staff} or {@code room}
     * @param serviceIds the services it does; empty means every service
     */
    public record ResourceRow(UUID id, TenantId tenantId, String name, String kind, boolean active,
            List<UUID> serviceIds, Instant createdAt, Instant updatedAt) {

        public ResourceRow {
            serviceIds = serviceIds == null ? List.of() : List.copyOf(serviceIds);
        }

        public boolean does(UUID service) {
            return serviceIds.isEmpty() || serviceIds.contains(service);
        }
    }

    /** Opening hours on one weekday; {@code resourceId} null for the whole clinic. */
    public record HoursRow(UUID resourceId, DayOfWeek weekday, LocalTime opens, LocalTime closes) {
    }

    /** Days off, inclusive; {@code resourceId} null for the whole clinic. */
    public record ClosureRow(UUID id, TenantId tenantId, UUID resourceId, LocalDate startsOn, LocalDate endsOn,
            String reason, Instant createdAt) {
    }

    private final JdbcClient jdbc;

    CalendarStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // services

    public List<ServiceRow> services(TenantId tenant, boolean includeInactive) {
        return jdbc.sql("select " + SERVICE_COLUMNS + " from booking_services where tenant_id = ?"
                + (includeInactive ? "" : " and active") + " order by lower(name), id")
                .param(tenant.value())
                .query(CalendarStore::service)
                .list();
    }

    public boolean anyService(TenantId tenant) {
        return jdbc.sql("select exists (select 1 from booking_services where tenant_id = ?)")
                .param(tenant.value())
                .query(Boolean.class)
                .single();
    }

    public Optional<ServiceRow> service(TenantId tenant, UUID id) {
        return jdbc.sql("select " + SERVICE_COLUMNS + " from booking_services where tenant_id = ? and id = ?")
                .params(tenant.value(), id)
                .query(CalendarStore::service)
                .optional();
    }

    /** Inserts the service; {@code false} when the tenant has a service of that name. */
    public boolean insert(ServiceRow row) {
        return jdbc.sql("insert into booking_services (" + SERVICE_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?) on conflict do nothing")
                .params(row.id(), row.tenantId().value(), row.name(), row.description(), row.durationMinutes(),
                        row.price(), row.currency(), row.priceFemale(), row.priceMale(), row.active(),
                        ts(row.createdAt()), ts(row.updatedAt()))
                .update() == 1;
    }

    /** Updates the service; {@code false} when another service of the tenant has the new name. */
    public boolean update(ServiceRow row) {
        if (nameTaken("booking_services", row.tenantId(), row.name(), row.id())) {
            return false;
        }
        jdbc.sql("update booking_services set name = ?, description = ?, duration_minutes = ?, price_amount = ?,"
                + " currency = ?, price_female = ?, price_male = ?, active = ?, updated_at = ?"
                + " where tenant_id = ? and id = ?")
                .params(row.name(), row.description(), row.durationMinutes(), row.price(), row.currency(),
                        row.priceFemale(), row.priceMale(), row.active(), ts(row.updatedAt()),
                        row.tenantId().value(), row.id())
                .update();
        return true;
    }

    public long countServices(TenantId tenant, boolean includeInactive) {
        return jdbc.sql("select count(*) from booking_services where tenant_id = ?"
                + (includeInactive ? "" : " and active"))
                .param(tenant.value())
                .query(Long.class)
                .single();
    }

    // resources

    public List<ResourceRow> resources(TenantId tenant, boolean includeInactive) {
        return jdbc.sql("select " + RESOURCE_COLUMNS + " from booking_resources r where r.tenant_id = ?"
                + (includeInactive ? "" : " and r.active") + " order by lower(r.name), r.id")
                .param(tenant.value())
                .query(CalendarStore::resource)
                .list();
    }

    public Optional<ResourceRow> resource(TenantId tenant, UUID id) {
        return jdbc.sql("select " + RESOURCE_COLUMNS + " from booking_resources r where r.tenant_id = ?"
                + " and r.id = ?")
                .params(tenant.value(), id)
                .query(CalendarStore::resource)
                .optional();
    }

    /** Inserts the resource and its services; {@code false} when the tenant has a resource of that name. */
    public boolean insert(ResourceRow row) {
        boolean inserted = jdbc.sql("insert into booking_resources (id, tenant_id, name, kind, active, created_at,"
                + " updated_at) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
                .params(row.id(), row.tenantId().value(), row.name(), row.kind(), row.active(), ts(row.createdAt()),
                        ts(row.updatedAt()))
                .update() == 1;
        if (inserted) {
            replaceServices(row.tenantId(), row.id(), row.serviceIds());
        }
        return inserted;
    }

    /** Updates the resource and its services; {@code false} when another resource has the new name. */
    public boolean update(ResourceRow row) {
        if (nameTaken("booking_resources", row.tenantId(), row.name(), row.id())) {
            return false;
        }
        jdbc.sql("update booking_resources set name = ?, kind = ?, active = ?, updated_at = ?"
                + " where tenant_id = ? and id = ?")
                .params(row.name(), row.kind(), row.active(), ts(row.updatedAt()), row.tenantId().value(), row.id())
                .update();
        replaceServices(row.tenantId(), row.id(), row.serviceIds());
        return true;
    }

    private void replaceServices(TenantId tenant, UUID resource, Collection<UUID> services) {
        jdbc.sql("delete from booking_resource_services where tenant_id = ? and resource_id = ?")
                .params(tenant.value(), resource)
                .update();
        for (UUID service : services) {
            jdbc.sql("insert into booking_resource_services (tenant_id, resource_id, service_id) values (?, ?, ?)"
                    + " on conflict do nothing")
                    .params(tenant.value(), resource, service)
                    .update();
        }
    }

    /** Which of these service ids exist in the tenant. */
    public List<UUID> existingServices(TenantId tenant, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id from booking_services where tenant_id = ? and id = any(?::uuid[])")
                .params(tenant.value(), ids.stream().map(UUID::toString).toArray(String[]::new))
                .query(UUID.class)
                .list();
    }

    // hours

    /** Every working-hours row of the tenant: the clinic's (resource null) and each resource's. */
    public List<HoursRow> hours(TenantId tenant) {
        return jdbc.sql("select resource_id, weekday, opens_at, closes_at from booking_working_hours"
                + " where tenant_id = ? order by resource_id nulls first, weekday, opens_at")
                .param(tenant.value())
                .query((rs, n) -> new HoursRow(rs.getObject("resource_id", UUID.class),
                        DayOfWeek.of(rs.getInt("weekday")), rs.getObject("opens_at", LocalTime.class),
                        rs.getObject("closes_at", LocalTime.class)))
                .list();
    }

    /** Replaces the clinic's hours ({@code resource} null) or one resource's. */
    public void replaceHours(TenantId tenant, UUID resource, List<HoursRow> rows) {
        jdbc.sql("delete from booking_working_hours where tenant_id = ? and resource_id is not distinct from ?")
                .params(tenant.value(), resource)
                .update();
        for (HoursRow row : rows) {
            jdbc.sql("insert into booking_working_hours (id, tenant_id, resource_id, weekday, opens_at, closes_at)"
                    + " values (?, ?, ?, ?, ?, ?)")
                    .params(UUID.randomUUID(), tenant.value(), resource, row.weekday().getValue(), row.opens(),
                            row.closes())
                    .update();
        }
    }

    // closures

    /** Closures that end on or after {@code from} and start on or before {@code to} (null: unbounded). */
    public List<ClosureRow> closures(TenantId tenant, LocalDate from, LocalDate to) {
        List<Object> params = new ArrayList<>(List.of(tenant.value()));
        StringBuilder sql = new StringBuilder("select id, tenant_id, resource_id, starts_on, ends_on, reason,"
                + " created_at from booking_closures where tenant_id = ?");
        if (from != null) {
            sql.append(" and ends_on >= ?");
            params.add(from);
        }
        if (to != null) {
            sql.append(" and starts_on <= ?");
            params.add(to);
        }
        return jdbc.sql(sql + " order by starts_on, id")
                .params(params)
                .query(CalendarStore::closure)
                .list();
    }

    public Optional<ClosureRow> closure(TenantId tenant, UUID id) {
        return jdbc.sql("select id, tenant_id, resource_id, starts_on, ends_on, reason, created_at"
                + " from booking_closures where tenant_id = ? and id = ?")
                .params(tenant.value(), id)
                .query(CalendarStore::closure)
                .optional();
    }

    public void insert(ClosureRow row) {
        jdbc.sql("insert into booking_closures (id, tenant_id, resource_id, starts_on, ends_on, reason, created_at)"
                + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(row.id(), row.tenantId().value(), row.resourceId(), row.startsOn(), row.endsOn(),
                        row.reason(), ts(row.createdAt()))
                .update();
    }

    public boolean deleteClosure(TenantId tenant, UUID id) {
        return jdbc.sql("delete from booking_closures where tenant_id = ? and id = ?")
                .params(tenant.value(), id)
                .update() == 1;
    }

    private boolean nameTaken(String table, TenantId tenant, String name, UUID except) {
        return jdbc.sql("select exists (select 1 from " + table + " where tenant_id = ? and lower(name) = lower(?)"
                + " and id <> ?)")
                .params(tenant.value(), name, except)
                .query(Boolean.class)
                .single();
    }

    private static ServiceRow service(ResultSet rs, int n) throws SQLException {
        return new ServiceRow(rs.getObject("id", UUID.class), TenantId.of(rs.getString("tenant_id")),
                rs.getString("name"), rs.getString("description"), rs.getInt("duration_minutes"),
                rs.getBigDecimal("price_amount"), rs.getString("currency").trim(), rs.getBigDecimal("price_female"),
                rs.getBigDecimal("price_male"), rs.getBoolean("active"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static ResourceRow resource(ResultSet rs, int n) throws SQLException {
        Array array = rs.getArray("service_ids");
        List<UUID> services = array == null
                ? List.of()
                : Arrays.stream((Object[]) array.getArray())
                        .map(o -> o instanceof UUID u ? u : UUID.fromString(o.toString()))
                        .toList();
        return new ResourceRow(rs.getObject("id", UUID.class), TenantId.of(rs.getString("tenant_id")),
                rs.getString("name"), rs.getString("kind"), rs.getBoolean("active"), services,
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static ClosureRow closure(ResultSet rs, int n) throws SQLException {
        return new ClosureRow(rs.getObject("id", UUID.class), TenantId.of(rs.getString("tenant_id")),
                rs.getObject("resource_id", UUID.class), rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class), rs.getString("reason"), instant(rs, "created_at"));
    }
}
