package com.zorahai.pricing.internal;

import java.util.List;

/**
 * What a CSV import did. Valid rows are written (in one transaction), invalid rows are rejected with every reason;
 * a row is never half written.
 *
 * @param imported rows written (inserted, or updated when the same product and season existed); 0 on a dry run
 * @param valid rows that passed validation
 * @param rejected rows with at least one error
 * @param errors one entry per bad field, {@code row} counting the header as row 1
 * @param errorsTruncated whether more errors were found than listed
 */
public record ImportReport(int imported, int valid, int rejected, boolean dryRun, List<RowError> errors,
        boolean errorsTruncated) {

    /** A field of a row and why it was rejected. */
    public record RowError(int row, String field, String reason) {
    }
}
