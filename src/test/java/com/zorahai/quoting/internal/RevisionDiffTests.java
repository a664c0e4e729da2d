package com.zorahai.quoting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.platform.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RevisionDiffTests {

    private static final UUID CLIENT = UUID.randomUUID();

    private static QuoteLine line(UUID id, String description, String total) {
        return new QuoteLine(id, LineType.HOTEL, description, BigDecimal.ONE, Money.of(total, "ZAR"),
                BigDecimal.ZERO, null, new BigDecimal(total), BigDecimal.ONE, Money.of(total, "ZAR"),
                Money.of(total, "ZAR"), true);
    }

    private static QuoteSnapshot snapshot(int revision, String notes, LocalDate end, List<QuoteLine> lines,
            String total) {
        return new QuoteSnapshot(revision, "Q-000001", CLIENT, Currency.getInstance("ZAR"), LocalDate.of(2026, 12, 1),
                end, 2, List.of(), notes, LocalDate.of(2026, 12, 31), BigDecimal.ZERO, Money.of(total, "ZAR"),
                Money.of("0.00", "ZAR"), Money.of(total, "ZAR"), lines);
    }

    @Test
    void namesChangedFieldsAndAddedRemovedAndChangedLines() {
        UUID kept = UUID.randomUUID();
        UUID changed = UUID.randomUUID();
        UUID removed = UUID.randomUUID();
        UUID added = UUID.randomUUID();
        QuoteSnapshot older = snapshot(1, "first", LocalDate.of(2026, 12, 5), List.of(line(kept, "Hotel", "100.00"),
                line(changed, "Transfer", "50.00"), line(removed, "Tour", "25.00")), "175.00");
        QuoteSnapshot newer = snapshot(2, "second", LocalDate.of(2026, 12, 5), List.of(line(kept, "Hotel", "100.0"),
                line(changed, "Transfer", "60.00"), line(added, "Insurance", "10.00")), "170.00");

        RevisionDiff diff = RevisionDiff.between(older, newer);

        assertThat(diff.from()).isEqualTo(1);
        assertThat(diff.to()).isEqualTo(2);
        assertThat(diff.fields()).extracting(RevisionDiff.FieldChange::field).containsExactly("notes", "subtotal",
                "total");
        assertThat(diff.fields().getFirst().from()).isEqualTo("first");
        assertThat(diff.fields().getFirst().to()).isEqualTo("second");
        assertThat(diff.lines()).extracting(RevisionDiff.LineChange::lineId, RevisionDiff.LineChange::change)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(removed, "removed"),
                        org.assertj.core.groups.Tuple.tuple(changed, "changed"),
                        org.assertj.core.groups.Tuple.tuple(added, "added"));
        assertThat(diff.lines().get(1).fields()).extracting(RevisionDiff.FieldChange::field)
                .containsExactly("unit_cost", "unit_price", "total");
    }

    @Test
    void aMovedLineChangesPositionAndEqualSnapshotsHaveNoDifferences() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        QuoteSnapshot older = snapshot(1, null, null, List.of(line(a, "A", "1.00"), line(b, "B", "2.00")), "3.00");
        QuoteSnapshot newer = snapshot(2, null, null, List.of(line(b, "B", "2.00"), line(a, "A", "1.00")), "3.00");
        assertThat(RevisionDiff.between(older, newer).lines()).allSatisfy(change -> {
            assertThat(change.change()).isEqualTo("changed");
            assertThat(change.fields()).extracting(RevisionDiff.FieldChange::field).containsExactly("position");
        });
        RevisionDiff none = RevisionDiff.between(older, older);
        assertThat(none.fields()).isEmpty();
        assertThat(none.lines()).isEmpty();
    }
}
