package com.zorahai.quoting.internal;

import com.zorahai.crm.ClientId;
import com.zorahai.platform.Money;
import com.zorahai.quoting.QuoteId;
import com.zorahai.tenancy.TenantId;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The quoting tables. Every query names the tenant.
 */
@Repository
class QuoteStore {

    private static final String COLUMNS = """
            q.id, q.tenant_id, q.number, q.client_id, q.status, q.currency, q.travel_start, q.travel_end, q.adults,
            q.children_ages, q.notes, q.valid_until, q.tax_rate_percent, q.subtotal, q.tax, q.total,
            q.current_revision, q.created_by, q.created_at, q.updated_at, q.sent_at, q.declined_at, q.decline_reason,
            q.expired_at, q.accepted_revision, q.accepted_at, q.accepted_ip, q.accepted_by_name,
            q.accepted_by_email""";

    private final JdbcClient jdbc;

    QuoteStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A revision as listed: everything but the snapshot. */
    record RevisionRow(int revision, String reason, UUID authorId, String authorEmail, Instant createdAt,
            String snapshot) {
    }

    /** An accept token's row. */
    record TokenRow(String hash, QuoteId quoteId, TenantId tenantId, int revision, Instant createdAt,
            Instant expiresAt, Instant usedAt) {
    }

    /**
     * The tenant's next quote number, counted in the caller's transaction: concurrent callers wait on the counter
     * row, and a rollback gives the number back.
     */
    long nextNumber(TenantId tenant) {
        return jdbc.sql("""
                insert into quote_counters (tenant_id, next_value) values (?, 2)
                on conflict (tenant_id) do update set next_value = quote_counters.next_value + 1
                returning next_value - 1""")
                .param(tenant.value())
                .query(Long.class)
                .single();
    }

    void insert(Quote quote) {
        jdbc.sql("""
                insert into quotes (id, tenant_id, number, client_id, status, currency, travel_start, travel_end,
                    adults, children_ages, notes, valid_until, tax_rate_percent, subtotal, tax, total,
                    current_revision, created_by, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::int[], ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(quote.id().value(), quote.tenantId().value(), quote.number(), quote.clientId().value(),
                        quote.status().value(), quote.currency().getCurrencyCode(), date(quote.travelStart()),
                        date(quote.travelEnd()), quote.adults(), ints(quote.childrenAges()), quote.notes(),
                        date(quote.validUntil()), quote.taxRatePercent(), quote.subtotal().amount(),
                        quote.tax().amount(), quote.total().amount(), quote.currentRevision(), quote.createdBy(),
                        ts(quote.createdAt()), ts(quote.updatedAt()))
                .update();
        insertLines(quote);
    }

    /** Writes every field but the id, tenant, number and creation; the lines only when {@code withLines}. */
    void update(Quote quote, boolean withLines) {
        Quote.Acceptance acceptance = quote.acceptance();
        jdbc.sql("""
                update quotes set client_id = ?, status = ?, currency = ?, travel_start = ?, travel_end = ?,
                    adults = ?, children_ages = ?::int[], notes = ?, valid_until = ?, tax_rate_percent = ?,
                    subtotal = ?, tax = ?, total = ?, current_revision = ?, updated_at = ?, sent_at = ?,
                    declined_at = ?, decline_reason = ?, expired_at = ?, accepted_revision = ?, accepted_at = ?,
                    accepted_ip = ?, accepted_by_name = ?, accepted_by_email = ?
                where tenant_id = ? and id = ?""")
                .params(quote.clientId().value(), quote.status().value(), quote.currency().getCurrencyCode(),
                        date(quote.travelStart()), date(quote.travelEnd()), quote.adults(),
                        ints(quote.childrenAges()), quote.notes(), date(quote.validUntil()),
                        quote.taxRatePercent(), quote.subtotal().amount(), quote.tax().amount(),
                        quote.total().amount(), quote.currentRevision(), ts(quote.updatedAt()),
                        ts(quote.sentAt()), ts(quote.declinedAt()), quote.declineReason(), ts(quote.expiredAt()),
                        acceptance == null ? null : acceptance.revision(),
                        acceptance == null ? null : ts(acceptance.acceptedAt()),
                        acceptance == null ? null : acceptance.ip(), acceptance == null ? null : acceptance.name(),
                        acceptance == null ? null : acceptance.email(), quote.tenantId().value(), quote.id().value())
                .update();
        if (withLines) {
            jdbc.sql("delete from quote_lines where tenant_id = ? and quote_id = ?")
                    .params(quote.tenantId().value(), quote.id().value())
                    .update();
            insertLines(quote);
        }
    }

    private void insertLines(Quote quote) {
        List<QuoteLine> lines = quote.lines();
        for (int i = 0; i < lines.size(); i++) {
            QuoteLine line = lines.get(i);
            jdbc.sql("""
                    insert into quote_lines (id, quote_id, tenant_id, position, type, description, quantity,
                        unit_cost, currency, markup_percent, margin_percent, unit_sell, exchange_rate, unit_price,
                        total, taxable)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(line.id(), quote.id().value(), quote.tenantId().value(), i, line.type().value(),
                            line.description(), line.quantity(), line.unitCost().amount(),
                            line.unitCost().currency().getCurrencyCode(), line.markupPercent(),
                            line.marginPercent(), line.unitSell(), line.exchangeRate(), line.unitPrice().amount(),
                            line.total().amount(), line.taxable())
                    .update();
        }
    }

    Optional<Quote> find(TenantId tenant, QuoteId id) {
        return jdbc.sql("select " + COLUMNS + " from quotes q where q.tenant_id = ? and q.id = ?")
                .params(tenant.value(), id.value())
                .query(this::header)
                .optional()
                .map(this::withLines);
    }

    /** The quote with this number (compared exactly, as numbers are issued). */
    Optional<Quote> findByNumber(TenantId tenant, String number) {
        return jdbc.sql("select " + COLUMNS + " from quotes q where q.tenant_id = ? and q.number = ?")
                .params(tenant.value(), number)
                .query(this::header)
                .optional()
                .map(this::withLines);
    }

    /** The quote, locked until the transaction ends. */
    Optional<Quote> lock(TenantId tenant, QuoteId id) {
        return jdbc.sql("select " + COLUMNS + " from quotes q where q.tenant_id = ? and q.id = ? for update")
                .params(tenant.value(), id.value())
                .query(this::header)
                .optional()
                .map(this::withLines);
    }

    /** A page of the tenant's quotes, newest first, with the number of matches. */
    List<Quote> search(TenantId tenant, QuoteStatus status, ClientId client, long offset, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(tenant, status, client, params);
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql("select " + COLUMNS + where + " order by q.created_at desc, q.id desc"
                + " limit :limit offset :offset")
                .params(params)
                .query(this::header)
                .list()
                .stream()
                .map(this::withLines)
                .toList();
    }

    long count(TenantId tenant, QuoteStatus status, ClientId client) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(tenant, status, client, params);
        return jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
    }

    private static String where(TenantId tenant, QuoteStatus status, ClientId client, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" from quotes q where q.tenant_id = :tenant");
        params.put("tenant", tenant.value());
        if (status != null) {
            where.append(" and q.status = :status");
            params.put("status", status.value());
        }
        if (client != null) {
            where.append(" and q.client_id = :client");
            params.put("client", client.value());
        }
        return where.toString();
    }

    /** Sent quotes (without their lines) whose validity ended before {@code before}, across tenants. */
    List<Quote> sentValidBefore(LocalDate before, int limit) {
        return jdbc.sql("select " + COLUMNS + " from quotes q where q.status = 'sent' and q.valid_until < ?"
                + " order by q.valid_until, q.id limit ?")
                .params(date(before), limit)
                .query(this::header)
                .list();
    }

    /** All quotes of a client, newest first. */
    List<Quote> ofClient(TenantId tenant, ClientId client) {
        return jdbc.sql("select " + COLUMNS + " from quotes q where q.tenant_id = ? and q.client_id = ?"
                + " order by q.created_at desc, q.id desc")
                .params(tenant.value(), client.value())
                .query(this::header)
                .list()
                .stream()
                .map(this::withLines)
                .toList();
    }

    /** Forgets who accepted the client's quotes (name, email, address); when and which revision stay. */
    int eraseAcceptances(TenantId tenant, ClientId client) {
        return jdbc.sql("""
                update quotes set accepted_by_name = case when accepted_at is null then null else 'erased' end,
                    accepted_by_email = null, accepted_ip = null
                where tenant_id = ? and client_id = ? and (accepted_by_name is not null
                    or accepted_by_email is not null or accepted_ip is not null)""")
                .params(tenant.value(), client.value())
                .update();
    }

    void insertRevision(Quote quote, String snapshot, String reason, UUID authorId, String authorEmail,
            Instant at) {
        jdbc.sql("""
                insert into quote_revisions (quote_id, tenant_id, revision, snapshot, reason, author_id,
                    author_email, created_at)
                values (?, ?, ?, ?::jsonb, ?, ?, ?, ?)""")
                .params(quote.id().value(), quote.tenantId().value(), quote.currentRevision(), snapshot, reason,
                        authorId, authorEmail, ts(at))
                .update();
    }

    List<RevisionRow> revisions(TenantId tenant, QuoteId quote) {
        return jdbc.sql("""
                select revision, reason, author_id, author_email, created_at, snapshot::text as snapshot
                from quote_revisions where tenant_id = ? and quote_id = ? order by revision""")
                .params(tenant.value(), quote.value())
                .query(this::revision)
                .list();
    }

    Optional<RevisionRow> revision(TenantId tenant, QuoteId quote, int revision) {
        return jdbc.sql("""
                select revision, reason, author_id, author_email, created_at, snapshot::text as snapshot
                from quote_revisions where tenant_id = ? and quote_id = ? and revision = ?""")
                .params(tenant.value(), quote.value(), revision)
                .query(this::revision)
                .optional();
    }

    void insertToken(TokenRow token) {
        jdbc.sql("""
                insert into quote_accept_tokens (token_hash, quote_id, tenant_id, revision, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(token.hash(), token.quoteId().value(), token.tenantId().value(), token.revision(),
                        ts(token.createdAt()), ts(token.expiresAt()))
                .update();
    }

    /** The token's row, locked until the transaction ends when {@code lock} is set. */
    Optional<TokenRow> token(String hash, boolean lock) {
        return jdbc.sql("select token_hash, quote_id, tenant_id, revision, created_at, expires_at, used_at"
                + " from quote_accept_tokens where token_hash = ?" + (lock ? " for update" : ""))
                .param(hash)
                .query((rs, n) -> new TokenRow(rs.getString("token_hash"),
                        QuoteId.of(rs.getObject("quote_id", UUID.class)), TenantId.of(rs.getString("tenant_id")),
                        rs.getInt("revision"), instant(rs, "created_at"), instant(rs, "expires_at"),
                        instant(rs, "used_at")))
                .optional();
    }

    void markUsed(String hash, Instant at) {
        jdbc.sql("update quote_accept_tokens set used_at = ? where token_hash = ?").params(ts(at), hash).update();
    }

    private RevisionRow revision(ResultSet rs, int n) throws SQLException {
        return new RevisionRow(rs.getInt("revision"), rs.getString("reason"), rs.getObject("author_id", UUID.class),
                rs.getString("author_email"), instant(rs, "created_at"), rs.getString("snapshot"));
    }

    private Quote withLines(Quote quote) {
        List<QuoteLine> lines = jdbc.sql("""
                select id, type, description, quantity, unit_cost, currency, markup_percent, margin_percent,
                    unit_sell, exchange_rate, unit_price, total, taxable
                from quote_lines where tenant_id = ? and quote_id = ? order by position""")
                .params(quote.tenantId().value(), quote.id().value())
                .query((rs, n) -> line(rs, quote.currency()))
                .list();
        return new Quote(quote.id(), quote.tenantId(), quote.number(), quote.clientId(), quote.status(),
                quote.currency(), quote.travelStart(), quote.travelEnd(), quote.adults(), quote.childrenAges(),
                quote.notes(), quote.validUntil(), quote.taxRatePercent(), quote.subtotal(), quote.tax(),
                quote.total(), quote.currentRevision(), quote.createdBy(), quote.createdAt(), quote.updatedAt(),
                quote.sentAt(), quote.declinedAt(), quote.declineReason(), quote.expiredAt(), quote.acceptance(),
                lines);
    }

    private static QuoteLine line(ResultSet rs, Currency quoteCurrency) throws SQLException {
        Currency lineCurrency = Currency.getInstance(rs.getString("currency"));
        return new QuoteLine(rs.getObject("id", UUID.class), LineType.parse(rs.getString("type"), "type"),
                rs.getString("description"), rs.getBigDecimal("quantity").stripTrailingZeros(),
                Money.of(atLeastCurrencyScale(rs.getBigDecimal("unit_cost"), lineCurrency), lineCurrency),
                strip(rs.getBigDecimal("markup_percent")), strip(rs.getBigDecimal("margin_percent")),
                strip(rs.getBigDecimal("unit_sell")), strip(rs.getBigDecimal("exchange_rate")),
                Money.of(rs.getBigDecimal("unit_price"), quoteCurrency).rounded(),
                Money.of(rs.getBigDecimal("total"), quoteCurrency).rounded(), rs.getBoolean("taxable"));
    }

    private Quote header(ResultSet rs, int n) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        Integer acceptedRevision = (Integer) rs.getObject("accepted_revision");
        Quote.Acceptance acceptance = acceptedRevision == null
                ? null
                : new Quote.Acceptance(acceptedRevision, instant(rs, "accepted_at"), rs.getString("accepted_ip"),
                        rs.getString("accepted_by_name"), rs.getString("accepted_by_email"));
        return new Quote(QuoteId.of(rs.getObject("id", UUID.class)), TenantId.of(rs.getString("tenant_id")),
                rs.getString("number"), ClientId.of(rs.getObject("client_id", UUID.class)),
                QuoteStatus.parse(rs.getString("status"), "status"), currency, localDate(rs, "travel_start"),
                localDate(rs, "travel_end"), rs.getInt("adults"), intList(rs.getArray("children_ages")),
                rs.getString("notes"), localDate(rs, "valid_until"), strip(rs.getBigDecimal("tax_rate_percent")),
                money(rs, "subtotal", currency), money(rs, "tax", currency), money(rs, "total", currency),
                rs.getInt("current_revision"), rs.getObject("created_by", UUID.class), instant(rs, "created_at"),
                instant(rs, "updated_at"), instant(rs, "sent_at"), instant(rs, "declined_at"),
                rs.getString("decline_reason"), instant(rs, "expired_at"), acceptance, List.of());
    }

    private static Money money(ResultSet rs, String column, Currency currency) throws SQLException {
        return Money.of(rs.getBigDecimal(column), currency).rounded();
    }

    /** Without trailing zeros beyond the currency's scale: 1500.0000 ZAR reads 1500.00, 12.3456 stays. */
    private static BigDecimal atLeastCurrencyScale(BigDecimal value, Currency currency) {
        BigDecimal stripped = strip(value);
        int scale = Money.scaleOf(currency);
        return stripped.scale() < scale ? stripped.setScale(scale) : stripped;
    }

    private static BigDecimal strip(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static List<Integer> intList(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        List<Integer> result = new ArrayList<>();
        for (Object value : (Object[]) array.getArray()) {
            result.add(((Number) value).intValue());
        }
        return result;
    }

    private static Integer[] ints(List<Integer> values) {
        return values == null ? new Integer[0] : values.toArray(Integer[]::new);
    }

    private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

}
