package com.zorahai.pricing.internal;

import com.zorahai.platform.ProblemException;
import com.zorahai.pricing.FlightPrice;
import com.zorahai.pricing.HotelRate;
import com.zorahai.tenancy.TenantId;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Imports hotel rates and flight prices from CSV: a header row naming known columns, then one rate per row. Rows
 * are validated one by one; valid rows are written together, invalid rows are reported with every reason (partial
 * import). A file with an unknown or missing column is rejected whole.
 */
@Service
public class RateImports {

    private static final Logger log = LoggerFactory.getLogger(RateImports.class);
    private static final int MAX_ERRORS = 1000;

    private final HotelRateStore hotelRates;
    private final FlightPriceStore flightPrices;
    private final PricingProperties properties;

    RateImports(HotelRateStore hotelRates, FlightPriceStore flightPrices, PricingProperties properties) {
        this.hotelRates = hotelRates;
        this.flightPrices = flightPrices;
        this.properties = properties;
    }

    /** The largest file accepted, in bytes. */
    public long maxBytes() {
        return properties.importing().maxSize().toBytes();
    }

    public ImportReport hotelRates(TenantId tenant, byte[] csv, boolean dryRun) {
        return run("hotel rates", tenant, csv, dryRun, HotelRateRows.COLUMNS, HotelRateRows.REQUIRED,
                HotelRateRows::parse, hotelRates::upsert);
    }

    public ImportReport flightPrices(TenantId tenant, byte[] csv, boolean dryRun) {
        return run("flight prices", tenant, csv, dryRun, FlightPriceRows.COLUMNS, FlightPriceRows.REQUIRED,
                FlightPriceRows::parse, flightPrices::upsert);
    }

    /** One hotel rate from named values (a JSON body); a 400 naming every bad field otherwise. */
    public static HotelRate hotelRate(Map<String, String> values) {
        return valueOrProblem(HotelRateRows.parse(values));
    }

    public static FlightPrice flightPrice(Map<String, String> values) {
        return valueOrProblem(FlightPriceRows.parse(values));
    }

    private static <T> T valueOrProblem(RowReader.Result<T> result) {
        if (result.value() != null) {
            return result.value();
        }
        List<Map<String, String>> errors = result.errors().stream()
                .map(e -> Map.of("field", e.field(), "reason", e.reason())).toList();
        throw ProblemException.of(HttpStatus.BAD_REQUEST, "validation-failed", "Invalid request",
                String.join("; ", errors.stream().map(e -> e.get("field") + ": " + e.get("reason")).toList()))
                .with("errors", errors);
    }

    private <T> ImportReport run(String what, TenantId tenant, byte[] csv, boolean dryRun, List<String> columns,
            List<String> required, Function<Map<String, String>, RowReader.Result<T>> parser,
            BiFunction<TenantId, List<T>, Integer> writer) {
        if (csv.length > maxBytes()) {
            throw tooLarge("The file is larger than " + properties.importing().maxSize() + ".");
        }
        List<Csv.Line> lines = Csv.parse(decode(csv));
        if (lines.isEmpty()) {
            throw Csv.invalid(1, "is missing: the file needs a header row naming its columns");
        }
        if (lines.size() - 1 > properties.importing().maxRows()) {
            throw tooLarge("The file has more than " + properties.importing().maxRows() + " rows.");
        }
        List<String> header = header(lines.getFirst(), columns, required);
        List<T> valid = new ArrayList<>();
        List<ImportReport.RowError> errors = new ArrayList<>();
        int rejected = 0;
        for (Csv.Line line : lines.subList(1, lines.size())) {
            List<ImportReport.RowError> rowErrors = new ArrayList<>();
            if (line.fields().size() != header.size()) {
                rowErrors.add(new ImportReport.RowError(line.number(), "row", "has " + line.fields().size()
                        + " fields, the header has " + header.size()));
            } else {
                Map<String, String> values = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    values.put(header.get(i), line.fields().get(i));
                }
                RowReader.Result<T> result = parser.apply(values);
                if (result.value() != null) {
                    valid.add(result.value());
                }
                result.errors().forEach(e -> rowErrors.add(new ImportReport.RowError(line.number(), e.field(),
                        e.reason())));
            }
            if (!rowErrors.isEmpty()) {
                rejected++;
                errors.addAll(rowErrors);
            }
        }
        int imported = dryRun || valid.isEmpty() ? 0 : writer.apply(tenant, valid);
        log.info("Imported {} {} for tenant {} ({} rejected{})", imported, what, tenant, rejected,
                dryRun ? ", dry run" : "");
        boolean truncated = errors.size() > MAX_ERRORS;
        return new ImportReport(imported, valid.size(), rejected, dryRun,
                List.copyOf(truncated ? errors.subList(0, MAX_ERRORS) : errors), truncated);
    }

    private static List<String> header(Csv.Line line, List<String> columns, List<String> required) {
        List<String> names = line.fields().stream()
                .map(name -> name.trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_'))
                .toList();
        List<Map<String, Object>> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!columns.contains(name)) {
                errors.add(Map.of("row", 1, "field", name.isEmpty() ? "(blank)" : name, "reason",
                        "is not a known column"));
            } else if (!seen.add(name)) {
                errors.add(Map.of("row", 1, "field", name, "reason", "appears twice"));
            }
        }
        Set<String> missing = new LinkedHashSet<>(required);
        missing.removeAll(seen);
        missing.forEach(name -> errors.add(Map.of("row", 1, "field", name, "reason", "is a required column")));
        if (!errors.isEmpty()) {
            throw ProblemException.of(HttpStatus.BAD_REQUEST, "invalid-csv", "Invalid CSV",
                    "The header row must name known columns, with every required one. Known columns: "
                            + String.join(", ", columns) + "; required: " + String.join(", ", required) + ".")
                    .with("errors", errors);
        }
        return names;
    }

    private static String decode(byte[] csv) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(csv)).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.of(HttpStatus.BAD_REQUEST, "invalid-csv", "Invalid CSV",
                    "The file must be UTF-8 text.");
        }
    }

    private static ProblemException tooLarge(String detail) {
        return ProblemException.of(HttpStatus.CONTENT_TOO_LARGE, "import-too-large", "Import too large", detail);
    }
}
