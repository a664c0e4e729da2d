package com.zorahai.documents.internal;

import com.zorahai.platform.Money;
import com.zorahai.tenancy.TenantId;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a document model into what templates see: maps, lists, strings, numbers and booleans only. Money is written
 * out in the tenant's locale with the money's own currency (never through {@code double}), dates in the tenant's
 * locale and time zone, records become maps of their components. Templates so never hold a Java object whose methods
 * they could call. Not thread-safe: one per render.
 */
public final class TemplateValues {

    private static final int MAX_DEPTH = 12;

    private final Locale locale;
    private final ZoneId zone;
    private final DateTimeFormatter date;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter localDateTime;

    public TemplateValues(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
        this.date = DateTimeFormatter.ofPattern("d MMMM yyyy", locale);
        this.dateTime = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm z", locale);
        this.localDateTime = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", locale);
    }

    /** {@code R1 234,50} for ZAR in {@code en-ZA}, {@code $1,234.50} for USD in {@code en-US}. */
    public String money(Money money) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(money.currency());
        int scale = Money.scaleOf(money.currency());
        format.setMinimumFractionDigits(scale);
        format.setMaximumFractionDigits(scale);
        format.setRoundingMode(Money.ROUNDING);
        return format.format(money.rounded().amount());
    }

    /** A quantity or other decimal as people write it in the locale, without trailing zeros: {@code 2}, {@code 1,5}. */
    public String decimal(BigDecimal value) {
        DecimalFormat format = (DecimalFormat) NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(6);
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        return format.format(value.stripTrailingZeros());
    }

    /** A date or time in the tenant's locale (and zone, for instants). */
    public String temporal(TemporalAccessor value) {
        return switch (value) {
            case LocalDate d -> date.format(d);
            case LocalDateTime t -> localDateTime.format(t);
            case Instant i -> dateTime.format(i.atZone(zone));
            case OffsetDateTime t -> dateTime.format(t.atZoneSameInstant(zone));
            case ZonedDateTime t -> dateTime.format(t.withZoneSameInstant(zone));
            default -> value.toString();
        };
    }

    /** The model with every value made readable; keys that are null are dropped. */
    public Map<String, Object> model(Map<String, ?> model) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (model != null) {
            model.forEach((key, value) -> {
                if (key != null) {
                    out.put(key, convert(value, 0));
                }
            });
        }
        return out;
    }

    /** One value made readable. */
    public Object convert(Object value) {
        return convert(value, 0);
    }

    private Object convert(Object value, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("The document model nests deeper than " + MAX_DEPTH + " levels");
        }
        return switch (value) {
            case null -> null;
            case String s -> s;
            case Boolean b -> b;
            case Money m -> money(m);
            case BigDecimal d -> decimal(d);
            case Integer i -> i;
            case Long l -> l;
            case Short s -> s.intValue();
            case Byte b -> b.intValue();
            case BigInteger i -> i;
            case Double d -> d;
            case Float f -> f;
            case TemporalAccessor t -> temporal(t);
            case Currency c -> c.getCurrencyCode();
            case Locale l -> l.toLanguageTag();
            case ZoneId z -> z.getId();
            case TenantId t -> t.value();
            case Enum<?> e -> e.name();
            case Map<?, ?> map -> {
                Map<String, Object> out = new LinkedHashMap<>();
                map.forEach((k, v) -> {
                    if (k != null) {
                        out.put(String.valueOf(k), convert(v, depth + 1));
                    }
                });
                yield out;
            }
            case Collection<?> items -> {
                List<Object> out = new ArrayList<>(items.size());
                for (Object item : items) {
                    out.add(convert(item, depth + 1));
                }
                yield out;
            }
            case Record record -> record(record, depth);
            default ->
                value.getClass().isArray() && !(value instanceof byte[]) ? array(value, depth) : value.toString();
        };
    }

    private Map<String, Object> record(Record record, int depth) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Method accessor = component.getAccessor();
            try {
                accessor.setAccessible(true);
                out.put(component.getName(), convert(accessor.invoke(record), depth + 1));
            } catch (ReflectiveOperationException | RuntimeException ex) {
                throw new IllegalArgumentException("Cannot read " + record.getClass().getSimpleName() + "."
                        + component.getName(), ex);
            }
        }
        return out;
    }

    private List<Object> array(Object array, int depth) {
        int length = Array.getLength(array);
        List<Object> out = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            out.add(convert(Array.get(array, i), depth + 1));
        }
        return out;
    }
}
