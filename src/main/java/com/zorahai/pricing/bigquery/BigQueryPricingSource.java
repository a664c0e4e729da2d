package com.zorahai.pricing.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.FieldValue;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.QueryParameterValue;
import com.google.cloud.bigquery.TableResult;
import com.zorahai.pricing.BoardBasis;
import com.zorahai.pricing.Cabin;
import com.zorahai.pricing.Destination;
import com.zorahai.pricing.FlightPrice;
import com.zorahai.pricing.HotelRate;
import com.zorahai.pricing.PricingSource;
import com.zorahai.pricing.PricingSourceUnavailableException;
import com.zorahai.pricing.RateBasis;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rates and fares from BigQuery: the shared dataset's tables (rows with a null {@code tenant_id} are for every
 * tenant) plus, when enabled, the same tables in the tenant's own dataset. Values only ever travel as named query
 * parameters; dataset and project names, which BigQuery cannot take as parameters, are checked against strict
 * patterns before they are quoted into the SQL.
 */
class BigQueryPricingSource implements PricingSource {

    static final String NAME = "bigquery";

    private static final Logger log = LoggerFactory.getLogger(BigQueryPricingSource.class);

    private static final Pattern PROJECT = Pattern.compile("(?:[a-z0-9.-]+:)?[a-z][a-z0-9-]{4,28}[a-z0-9]");
    private static final Pattern DATASET = Pattern.compile("[A-Za-z0-9_]{1,1024}");

    private static final String RATE_COLUMNS = "CAST(id AS STRING) AS id, hotel_name, hotel_code, destination,"
            + " destination_name, room_type, board_basis, stars, valid_from, valid_to, rate, rate_basis, max_adults,"
            + " max_children, max_occupancy, child_free_under, child_max_age, child_rate, child_percent, currency,"
            + " supplier";

    private static final String RATE_FILTER = "destination = @destination AND valid_from <= @last_night"
            + " AND valid_to >= @first_night AND (@board_basis IS NULL OR board_basis = @board_basis)"
            + " AND (@min_stars IS NULL OR stars >= @min_stars)";

    private static final String FLIGHT_COLUMNS = "CAST(id AS STRING) AS id, origin, destination, depart_from,"
            + " depart_to, return_from, return_to, cabin, fare_adult, fare_child, fare_infant, currency, airline,"
            + " supplier";

    private static final String FLIGHT_FILTER = "origin = @origin AND destination = @destination"
            + " AND depart_from <= @depart AND depart_to >= @depart"
            + " AND ((@return_date IS NULL AND return_from IS NULL)"
            + " OR (return_from <= @return_date AND return_to >= @return_date))"
            + " AND (@cabin IS NULL OR cabin = @cabin)";

    private final BigQuery bigQuery;
    private final BigQueryPricingProperties properties;
    private final Function<TenantId, Optional<Tenant.Gcp>> tenantGcp;
    private final CircuitBreaker circuitBreaker;

    BigQueryPricingSource(BigQuery bigQuery, BigQueryPricingProperties properties,
            Function<TenantId, Optional<Tenant.Gcp>> tenantGcp, CircuitBreaker circuitBreaker) {
        this.bigQuery = bigQuery;
        this.properties = properties;
        this.tenantGcp = tenantGcp;
        this.circuitBreaker = circuitBreaker;
        if (!PROJECT.matcher(properties.projectId()).matches()) {
            throw new IllegalStateException("zorah.pricing.bigquery.project-id (GCP_PROJECT_ID) is not a valid "
                    + "Google Cloud project id");
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<HotelRate> hotelRates(TenantId tenant, RateQuery query) {
        String sql = unionSql(tenant, "hotel_rates", RATE_COLUMNS, RATE_FILTER)
                + " ORDER BY hotel_name, room_type, board_basis, valid_from";
        QueryJobConfiguration config = QueryJobConfiguration.newBuilder(sql)
                .setUseLegacySql(false)
                .addNamedParameter("tenant_id", QueryParameterValue.string(tenant.value()))
                .addNamedParameter("destination", QueryParameterValue.string(query.destinationKey()))
                .addNamedParameter("first_night", QueryParameterValue.date(query.firstNight().toString()))
                .addNamedParameter("last_night", QueryParameterValue.date(query.lastNight().toString()))
                .addNamedParameter("board_basis", QueryParameterValue.string(
                        query.boardBasis() == null ? null : query.boardBasis().name()))
                .addNamedParameter("min_stars", QueryParameterValue.int64(
                        query.minStars() == null ? null : query.minStars().longValue()))
                .build();
        return read(config, BigQueryPricingSource::rate);
    }

    @Override
    public List<FlightPrice> flightPrices(TenantId tenant, FlightQuery query) {
        String sql = unionSql(tenant, "flight_prices", FLIGHT_COLUMNS, FLIGHT_FILTER) + " ORDER BY fare_adult";
        QueryJobConfiguration config = QueryJobConfiguration.newBuilder(sql)
                .setUseLegacySql(false)
                .addNamedParameter("tenant_id", QueryParameterValue.string(tenant.value()))
                .addNamedParameter("origin", QueryParameterValue.string(query.origin()))
                .addNamedParameter("destination", QueryParameterValue.string(query.destination()))
                .addNamedParameter("depart", QueryParameterValue.date(query.depart().toString()))
                .addNamedParameter("return_date", QueryParameterValue.date(
                        query.returnDate() == null ? null : query.returnDate().toString()))
                .addNamedParameter("cabin", QueryParameterValue.string(
                        query.cabin() == null ? null : query.cabin().value()))
                .build();
        return read(config, BigQueryPricingSource::flight);
    }

    /** The shared table (for every tenant or this one) and, when enabled, the tenant's own table. */
    String unionSql(TenantId tenant, String table, String columns, String filter) {
        StringBuilder sql = new StringBuilder("SELECT ").append(columns).append(" FROM ")
                .append(table(properties.projectId(), properties.sharedDataset(), table))
                .append(" WHERE (tenant_id IS NULL OR tenant_id = @tenant_id) AND ").append(filter);
        if (properties.tenantDatasets()) {
            Optional<Tenant.Gcp> gcp = tenantGcp.apply(tenant);
            String project = gcp.map(Tenant.Gcp::projectId).filter(p -> !p.isBlank())
                    .orElse(properties.projectId());
            String dataset = gcp.map(Tenant.Gcp::dataset).filter(d -> !d.isBlank())
                    .orElse(tenant.value().replace('-', '_') + "_analytics");
            sql.append(" UNION ALL SELECT ").append(columns).append(" FROM ").append(table(project, dataset, table))
                    .append(" WHERE ").append(filter);
        }
        return sql.toString();
    }

    private static String table(String project, String dataset, String table) {
        if (!PROJECT.matcher(project).matches() || !DATASET.matcher(dataset).matches()) {
            throw new PricingSourceUnavailableException(NAME,
                    new IllegalStateException("Invalid BigQuery project or dataset name"));
        }
        return "`" + project + "." + dataset + "." + table + "`";
    }

    private <T> List<T> read(QueryJobConfiguration config, Function<FieldValueList, T> mapper) {
        Supplier<List<T>> call = () -> {
            try {
                TableResult result = bigQuery.query(config);
                List<T> rows = new ArrayList<>();
                for (FieldValueList row : result.iterateAll()) {
                    T value = mapRow(row, mapper);
                    if (value != null) {
                        rows.add(value);
                    }
                }
                return rows;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PricingSourceUnavailableException(NAME, e);
            } catch (BigQueryException e) {
                log.warn("BigQuery pricing query failed: code={} reason={}", e.getCode(), e.getReason());
                throw new PricingSourceUnavailableException(NAME, e);
            } catch (RuntimeException e) {
                if (e instanceof PricingSourceUnavailableException unavailable) {
                    throw unavailable;
                }
                log.warn("BigQuery pricing query failed: {}", e.getClass().getSimpleName());
                throw new PricingSourceUnavailableException(NAME, e);
            }
        };
        try {
            return circuitBreaker.executeSupplier(call);
        } catch (CallNotPermittedException e) {
            throw new PricingSourceUnavailableException(NAME, e);
        }
    }

    private static <T> T mapRow(FieldValueList row, Function<FieldValueList, T> mapper) {
        try {
            return mapper.apply(row);
        } catch (RuntimeException e) {
            // one malformed row must not hide every other price
            log.warn("Skipping a BigQuery pricing row that does not fit the schema: {}", e.getClass().getSimpleName());
            return null;
        }
    }

    static HotelRate rate(FieldValueList row) {
        return new HotelRate(text(row, "id"), text(row, "hotel_name"), text(row, "hotel_code"),
                destination(text(row, "destination"), text(row, "destination_name")), text(row, "room_type"),
                BoardBasis.parse(text(row, "board_basis"), "board_basis"), integer(row, "stars"),
                date(row, "valid_from"), date(row, "valid_to"), decimal(row, "rate"),
                RateBasis.parse(text(row, "rate_basis"), "rate_basis"),
                new HotelRate.Occupancy(integer(row, "max_adults"), integer(row, "max_children"),
                        integer(row, "max_occupancy")),
                new HotelRate.ChildPolicy(integer(row, "child_free_under"), integer(row, "child_max_age"),
                        decimal(row, "child_rate"), decimal(row, "child_percent")),
                Currency.getInstance(text(row, "currency")), text(row, "supplier"));
    }

    static FlightPrice flight(FieldValueList row) {
        return new FlightPrice(text(row, "id"), text(row, "origin"), text(row, "destination"),
                date(row, "depart_from"), date(row, "depart_to"), date(row, "return_from"), date(row, "return_to"),
                Cabin.parse(text(row, "cabin"), "cabin"), decimal(row, "fare_adult"), decimal(row, "fare_child"),
                decimal(row, "fare_infant"), Currency.getInstance(text(row, "currency")), text(row, "airline"),
                text(row, "supplier"));
    }

    private static Destination destination(String key, String name) {
        String display = name != null ? name : key;
        return new Destination(key != null ? key : Destination.key(display), display);
    }

    private static String text(FieldValueList row, String field) {
        FieldValue value = row.get(field);
        return value.isNull() ? null : value.getStringValue();
    }

    private static Integer integer(FieldValueList row, String field) {
        FieldValue value = row.get(field);
        return value.isNull() ? null : Math.toIntExact(value.getLongValue());
    }

    private static BigDecimal decimal(FieldValueList row, String field) {
        FieldValue value = row.get(field);
        return value.isNull() ? null : value.getNumericValue();
    }

    private static LocalDate date(FieldValueList row, String field) {
        FieldValue value = row.get(field);
        return value.isNull() ? null : LocalDate.parse(value.getStringValue());
    }
}
