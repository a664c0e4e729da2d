package com.zorahai.quoting.internal;

import com.zorahai.platform.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * What changed between two revisions of a quote: the header fields and totals that differ, and the lines added,
 * removed or changed (a line keeps its id across revisions, so a moved line is "changed" in {@code position}).
 *
 * @param fields header and total fields whose values differ, in a fixed order
 * @param lines per line: {@code added}, {@code removed} or {@code changed} with the fields that differ
 */
public record RevisionDiff(int from, int to, List<FieldChange> fields, List<LineChange> lines) {

    /** One field's value in the older and the newer revision. */
    public record FieldChange(String field, Object from, Object to) {
    }

    /**
     * @param change {@code added}, {@code removed} or {@code changed}
     * @param description the line's description (the newer one when it changed)
     */
    public record LineChange(UUID lineId, String change, String description, List<FieldChange> fields) {
    }

    private static final Map<String, Function<QuoteSnapshot, Object>> HEADER = new LinkedHashMap<>();
    private static final Map<String, Function<QuoteLine, Object>> LINE = new LinkedHashMap<>();

    static {
        HEADER.put("client_id", QuoteSnapshot::clientId);
        HEADER.put("currency", s -> s.currency().getCurrencyCode());
        HEADER.put("travel_start", QuoteSnapshot::travelStart);
        HEADER.put("travel_end", QuoteSnapshot::travelEnd);
        HEADER.put("adults", QuoteSnapshot::adults);
        HEADER.put("children_ages", QuoteSnapshot::childrenAges);
        HEADER.put("notes", QuoteSnapshot::notes);
        HEADER.put("valid_until", QuoteSnapshot::validUntil);
        HEADER.put("tax_rate_percent", QuoteSnapshot::taxRatePercent);
        HEADER.put("subtotal", QuoteSnapshot::subtotal);
        HEADER.put("tax", QuoteSnapshot::tax);
        HEADER.put("total", QuoteSnapshot::total);
        LINE.put("type", l -> l.type().value());
        LINE.put("description", QuoteLine::description);
        LINE.put("quantity", QuoteLine::quantity);
        LINE.put("unit_cost", QuoteLine::unitCost);
        LINE.put("markup_percent", QuoteLine::markupPercent);
        LINE.put("margin_percent", QuoteLine::marginPercent);
        LINE.put("exchange_rate", QuoteLine::exchangeRate);
        LINE.put("unit_price", QuoteLine::unitPrice);
        LINE.put("total", QuoteLine::total);
        LINE.put("taxable", QuoteLine::taxable);
    }

    /** The differences from {@code older} to {@code newer}. */
    public static RevisionDiff between(QuoteSnapshot older, QuoteSnapshot newer) {
        List<FieldChange> fields = new ArrayList<>();
        HEADER.forEach((name, getter) -> compare(name, getter.apply(older), getter.apply(newer), fields));

        Map<UUID, Integer> oldPositions = positions(older.lines());
        Map<UUID, Integer> newPositions = positions(newer.lines());
        List<LineChange> lines = new ArrayList<>();
        for (QuoteLine before : older.lines()) {
            if (!newPositions.containsKey(before.id())) {
                lines.add(new LineChange(before.id(), "removed", before.description(), List.of()));
            }
        }
        for (QuoteLine after : newer.lines()) {
            Integer oldPosition = oldPositions.get(after.id());
            if (oldPosition == null) {
                lines.add(new LineChange(after.id(), "added", after.description(), List.of()));
                continue;
            }
            QuoteLine before = older.lines().get(oldPosition);
            List<FieldChange> changes = new ArrayList<>();
            compare("position", oldPosition, newPositions.get(after.id()), changes);
            LINE.forEach((name, getter) -> compare(name, getter.apply(before), getter.apply(after), changes));
            if (!changes.isEmpty()) {
                lines.add(new LineChange(after.id(), "changed", after.description(), List.copyOf(changes)));
            }
        }
        return new RevisionDiff(older.revision(), newer.revision(), List.copyOf(fields), List.copyOf(lines));
    }

    private static Map<UUID, Integer> positions(List<QuoteLine> lines) {
        Map<UUID, Integer> positions = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            positions.put(lines.get(i).id(), i);
        }
        return positions;
    }

    private static void compare(String field, Object from, Object to, List<FieldChange> changes) {
        if (!same(from, to)) {
            changes.add(new FieldChange(field, from, to));
        }
    }

    /** Equal values; numbers and money compare by value, so 1.5 and 1.50 are the same. */
    private static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        if (a instanceof Money x && b instanceof Money y) {
            return x.isEqualTo(y);
        }
        return Objects.equals(a, b);
    }
}
