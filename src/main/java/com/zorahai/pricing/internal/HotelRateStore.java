package com.zorahai.pricing.internal;

import com.zorahai.platform.ProblemException;
import com.zorahai.pricing.BoardBasis;
import com.zorahai.pricing.Destination;
import com.zorahai.pricing.HotelRate;
import com.zorahai.pricing.PricingSource;
import com.zorahai.pricing.RateBasis;
import com.zorahai.tenancy.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
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

/** The {@code hotel_rates} table; every statement filters by tenant. */
@Repository
public class HotelRateStore {

    private static final String COLUMNS = "id, hotel_name, hotel_code, destination, destination_name, room_type, "
            + "board_basis, stars, valid_from, valid_to, rate, rate_basis, max_adults, max_children, max_occupancy, "
            + "child_free_under, child_max_age, child_rate, child_percent, currency, supplier";

    private static final String INSERT = "insert into hotel_rates (tenant_id, " + COLUMNS + ") values (:tenant_id, "
            + ":id, :hotel_name, :hotel_code, :destination, :destination_name, :room_type, :board_basis, :stars, "
            + ":valid_from, :valid_to, :rate, :rate_basis, :max_adults, :max_children, :max_occupancy, "
            + ":child_free_under, :child_max_age, :child_rate, :child_percent, :currency, :supplier)";

    /** Re-importing a season of the same product updates its price and terms instead of adding a duplicate. */
    private static final String UPSERT = INSERT + " on conflict on constraint hotel_rates_product_season do update"
            + " set destination_name = excluded.destination_name, stars = excluded.stars, rate = excluded.rate,"
            + " max_adults = excluded.max_adults, max_children = excluded.max_children,"
            + " max_occupancy = excluded.max_occupancy, child_free_under = excluded.child_free_under,"
            + " child_max_age = excluded.child_max_age, child_rate = excluded.child_rate,"
            + " child_percent = excluded.child_percent";

    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    HotelRateStore(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /** Stores a new rate; 409 {@code hotel-rate-exists} when the same product and season exists. */
    public HotelRate insert(TenantId tenant, HotelRate rate) {
        try {
            named.update(INSERT, parameters(tenant, rate));
        } catch (DuplicateKeyException e) {
            throw ProblemException.of(HttpStatus.CONFLICT, "hotel-rate-exists", "Hotel rate exists",
                    "A rate for this hotel, room type, board basis, supplier and season exists already.");
        }
        return rate;
    }

    /** Inserts or updates every rate in one transaction; returns how many were written. */
    @Transactional
    public int upsert(TenantId tenant, List<HotelRate> rates) {
        int written = 0;
        for (int from = 0; from < rates.size(); from += BATCH) {
            List<HotelRate> chunk = rates.subList(from, Math.min(rates.size(), from + BATCH));
            MapSqlParameterSource[] batch = chunk.stream().map(r -> parameters(tenant, r))
                    .toArray(MapSqlParameterSource[]::new);
            named.batchUpdate(UPSERT, batch);
            written += chunk.size();
        }
        return written;
    }

    public Optional<HotelRate> find(TenantId tenant, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from hotel_rates where tenant_id = ? and id = ?")
                .params(tenant.value(), id).query(HotelRateStore::map).optional();
    }

    /** One page of the tenant's rates, by destination, hotel, room, board and season. */
    public List<HotelRate> list(TenantId tenant, String destinationKey, int page, int size) {
        return jdbc.sql("select " + COLUMNS + " from hotel_rates where tenant_id = :tenant"
                + " and (cast(:destination as varchar) is null or destination = :destination)"
                + " order by destination, hotel_name, room_type, board_basis, valid_from, id"
                + " limit :limit offset :offset")
                .param("tenant", tenant.value()).param("destination", destinationKey)
                .param("limit", size).param("offset", (long) page * size)
                .query(HotelRateStore::map).list();
    }

    public long count(TenantId tenant, String destinationKey) {
        return jdbc.sql("select count(*) from hotel_rates where tenant_id = :tenant"
                + " and (cast(:destination as varchar) is null or destination = :destination)")
                .param("tenant", tenant.value()).param("destination", destinationKey)
                .query(Long.class).single();
    }

    public boolean delete(TenantId tenant, UUID id) {
        return jdbc.sql("delete from hotel_rates where tenant_id = ? and id = ?").params(tenant.value(), id)
                .update() > 0;
    }

    public boolean any(TenantId tenant) {
        return jdbc.sql("select exists (select 1 from hotel_rates where tenant_id = ?)").params(tenant.value())
                .query(Boolean.class).single();
    }

    /** Rates of the destination that cover at least one night of the query, with its filters. */
    public List<HotelRate> lookup(TenantId tenant, PricingSource.RateQuery query) {
        return jdbc.sql("select " + COLUMNS + " from hotel_rates where tenant_id = :tenant"
                + " and destination = :destination and valid_from <= :last_night and valid_to >= :first_night"
                + " and (cast(:board as varchar) is null or board_basis = :board)"
                + " and (cast(:min_stars as integer) is null or stars >= :min_stars)"
                + " order by hotel_name, room_type, board_basis, valid_from, id")
                .param("tenant", tenant.value()).param("destination", query.destinationKey())
                .param("first_night", query.firstNight()).param("last_night", query.lastNight())
                .param("board", query.boardBasis() == null ? null : query.boardBasis().name())
                .param("min_stars", query.minStars())
                .query(HotelRateStore::map).list();
    }

    private static MapSqlParameterSource parameters(TenantId tenant, HotelRate rate) {
        return new MapSqlParameterSource()
                .addValue("tenant_id", tenant.value())
                .addValue("id", UUID.fromString(rate.id()))
                .addValue("hotel_name", rate.hotelName())
                .addValue("hotel_code", rate.hotelCode())
                .addValue("destination", rate.destination().key())
                .addValue("destination_name", rate.destination().name())
                .addValue("room_type", rate.roomType())
                .addValue("board_basis", rate.boardBasis().name())
                .addValue("stars", rate.stars())
                .addValue("valid_from", rate.validFrom())
                .addValue("valid_to", rate.validTo())
                .addValue("rate", rate.rate())
                .addValue("rate_basis", rate.rateBasis().value())
                .addValue("max_adults", rate.occupancy().maxAdults())
                .addValue("max_children", rate.occupancy().maxChildren())
                .addValue("max_occupancy", rate.occupancy().maxOccupancy())
                .addValue("child_free_under", rate.childPolicy().freeUnderAge())
                .addValue("child_max_age", rate.childPolicy().maxAge())
                .addValue("child_rate", rate.childPolicy().rate())
                .addValue("child_percent", rate.childPolicy().percent())
                .addValue("currency", rate.currency().getCurrencyCode())
                .addValue("supplier", rate.supplier());
    }

    static HotelRate map(ResultSet rs, int row) throws SQLException {
        return new HotelRate(rs.getObject("id", UUID.class).toString(), rs.getString("hotel_name"),
                rs.getString("hotel_code"), new Destination(rs.getString("destination"),
                        rs.getString("destination_name")),
                rs.getString("room_type"), BoardBasis.valueOf(rs.getString("board_basis")),
                rs.getObject("stars", Integer.class), rs.getObject("valid_from", java.time.LocalDate.class),
                rs.getObject("valid_to", java.time.LocalDate.class), rs.getBigDecimal("rate"),
                RateBasis.valueOf(rs.getString("rate_basis").toUpperCase(Locale.ROOT)),
                new HotelRate.Occupancy(rs.getObject("max_adults", Integer.class),
                        rs.getObject("max_children", Integer.class), rs.getObject("max_occupancy", Integer.class)),
                new HotelRate.ChildPolicy(rs.getObject("child_free_under", Integer.class),
                        rs.getObject("child_max_age", Integer.class), rs.getBigDecimal("child_rate"),
                        rs.getBigDecimal("child_percent")),
                Currency.getInstance(rs.getString("currency")), rs.getString("supplier"));
    }
}
