package com.zorahai.pricing.internal;

import com.zorahai.platform.ProblemException;
import com.zorahai.pricing.Cabin;
import com.zorahai.pricing.FlightPrice;
import com.zorahai.pricing.PricingSource;
import com.zorahai.tenancy.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The {@code flight_prices} table; every statement filters by tenant. */
@Repository
public class FlightPriceStore {

    private static final String COLUMNS = "id, origin, destination, depart_from, depart_to, return_from, return_to, "
            + "cabin, fare_adult, fare_child, fare_infant, currency, airline, supplier";

    private static final String INSERT = "insert into flight_prices (tenant_id, " + COLUMNS + ") values (:tenant_id, "
            + ":id, :origin, :destination, :depart_from, :depart_to, :return_from, :return_to, :cabin, :fare_adult, "
            + ":fare_child, :fare_infant, :currency, :airline, :supplier)";

    private static final String UPSERT = INSERT + " on conflict on constraint flight_prices_fare do update"
            + " set fare_adult = excluded.fare_adult, fare_child = excluded.fare_child,"
            + " fare_infant = excluded.fare_infant";

    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    FlightPriceStore(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /** Stores a new fare; 409 {@code flight-price-exists} when the same route, cabin and dates exist. */
    public FlightPrice insert(TenantId tenant, FlightPrice price) {
        try {
            named.update(INSERT, parameters(tenant, price));
        } catch (DuplicateKeyException e) {
            throw ProblemException.of(HttpStatus.CONFLICT, "flight-price-exists", "Flight price exists",
                    "A fare for this route, cabin, dates, airline and supplier exists already.");
        }
        return price;
    }

    @Transactional
    public int upsert(TenantId tenant, List<FlightPrice> prices) {
        int written = 0;
        for (int from = 0; from < prices.size(); from += BATCH) {
            List<FlightPrice> chunk = prices.subList(from, Math.min(prices.size(), from + BATCH));
            named.batchUpdate(UPSERT, chunk.stream().map(p -> parameters(tenant, p))
                    .toArray(MapSqlParameterSource[]::new));
            written += chunk.size();
        }
        return written;
    }

    public Optional<FlightPrice> find(TenantId tenant, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from flight_prices where tenant_id = ? and id = ?")
                .params(tenant.value(), id).query(FlightPriceStore::map).optional();
    }

    public List<FlightPrice> list(TenantId tenant, String destination, int page, int size) {
        return jdbc.sql("select " + COLUMNS + " from flight_prices where tenant_id = :tenant"
                + " and (cast(:destination as varchar) is null or destination = :destination)"
                + " order by origin, destination, cabin, depart_from, id limit :limit offset :offset")
                .param("tenant", tenant.value()).param("destination", destination)
                .param("limit", size).param("offset", (long) page * size)
                .query(FlightPriceStore::map).list();
    }

    public long count(TenantId tenant, String destination) {
        return jdbc.sql("select count(*) from flight_prices where tenant_id = :tenant"
                + " and (cast(:destination as varchar) is null or destination = :destination)")
                .param("tenant", tenant.value()).param("destination", destination)
                .query(Long.class).single();
    }

    public boolean delete(TenantId tenant, UUID id) {
        return jdbc.sql("delete from flight_prices where tenant_id = ? and id = ?").params(tenant.value(), id)
                .update() > 0;
    }

    public boolean any(TenantId tenant) {
        return jdbc.sql("select exists (select 1 from flight_prices where tenant_id = ?)").params(tenant.value())
                .query(Boolean.class).single();
    }

    /** Fares on the route for a departure on the date (and a return on the date when given, else one way). */
    public List<FlightPrice> lookup(TenantId tenant, PricingSource.FlightQuery query) {
        return jdbc.sql("select " + COLUMNS + " from flight_prices where tenant_id = :tenant"
                + " and origin = :origin and destination = :destination"
                + " and depart_from <= :depart and depart_to >= :depart"
                + " and ((cast(:return_date as date) is null and return_from is null)"
                + "   or (return_from <= :return_date and return_to >= :return_date))"
                + " and (cast(:cabin as varchar) is null or cabin = :cabin)"
                + " order by fare_adult, id")
                .param("tenant", tenant.value()).param("origin", query.origin())
                .param("destination", query.destination()).param("depart", query.depart())
                .param("return_date", query.returnDate())
                .param("cabin", query.cabin() == null ? null : query.cabin().value())
                .query(FlightPriceStore::map).list();
    }

    private static MapSqlParameterSource parameters(TenantId tenant, FlightPrice price) {
        return new MapSqlParameterSource()
                .addValue("tenant_id", tenant.value())
                .addValue("id", UUID.fromString(price.id()))
                .addValue("origin", price.origin())
                .addValue("destination", price.destination())
                .addValue("depart_from", price.departFrom())
                .addValue("depart_to", price.departTo())
                .addValue("return_from", price.returnFrom())
                .addValue("return_to", price.returnTo())
                .addValue("cabin", price.cabin().value())
                .addValue("fare_adult", price.fareAdult())
                .addValue("fare_child", price.fareChild())
                .addValue("fare_infant", price.fareInfant())
                .addValue("currency", price.currency().getCurrencyCode())
                .addValue("airline", price.airline())
                .addValue("supplier", price.supplier());
    }

    static FlightPrice map(ResultSet rs, int row) throws SQLException {
        return new FlightPrice(rs.getObject("id", UUID.class).toString(), rs.getString("origin"),
                rs.getString("destination"), rs.getObject("depart_from", LocalDate.class),
                rs.getObject("depart_to", LocalDate.class), rs.getObject("return_from", LocalDate.class),
                rs.getObject("return_to", LocalDate.class),
                Cabin.valueOf(rs.getString("cabin").toUpperCase(Locale.ROOT)), rs.getBigDecimal("fare_adult"),
                rs.getBigDecimal("fare_child"), rs.getBigDecimal("fare_infant"),
                Currency.getInstance(rs.getString("currency")), rs.getString("airline"), rs.getString("supplier"));
    }
}
