package com.zorahai.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.ai.Classification;
import com.zorahai.ai.Field;
import com.zorahai.ai.TravelRequestExtraction;
import com.zorahai.crm.ClientId;
import com.zorahai.platform.Money;
import com.zorahai.quoting.QuoteId;
import com.zorahai.quoting.QuoteSummary;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReplyReaderTests {

    private static final QuoteSummary QUOTE = new QuoteSummary(QuoteId.of(UUID.randomUUID()), "Q-000001",
            ClientId.random(), "sent", LocalDate.of(2027, 4, 2), LocalDate.of(2027, 4, 9), 2, List.of(5, 9),
            Money.of("42000", "ZAR"));

    private static TravelRequestExtraction read(LocalDate checkIn, Integer adults) {
        return new TravelRequestExtraction(Classification.QUOTE_REPLY, null, null, null, List.of(), null,
                checkIn == null ? null : new Field<>(checkIn, 0.9, null), null, null, null,
                adults == null ? null : new Field<>(adults, 0.9, null), null, null, null, null, null, null, null,
                null, "rules", "rules");
    }

    @Test
    void wordsThatAskForAChange() {
        for (String text : List.of("Could we move the dates a week later?", "Can you upgrade us to a sea view room?",
                "Is there a cheaper option?", "We'd like to add a night at the end.", "Please change the hotel.",
                "Another hotel closer to Stone Town would be better.", "We would rather have half board.",
                "Could you make it 3 rooms instead?")) {
            assertThat(ReplyReader.asksForChanges(text, read(null, null), QUOTE)).as(text).isTrue();
        }
    }

    @Test
    void answersAndThanksAreNoChange() {
        for (String text : List.of("Thank you, this looks lovely. We will let you know by Friday.",
                "Received, thanks!", "Looks great, we'd like to go ahead.")) {
            assertThat(ReplyReader.asksForChanges(text, read(null, null), QUOTE)).as(text).isFalse();
        }
    }

    @Test
    void otherDatesOrPartyThanTheQuotesAreAChange() {
        assertThat(ReplyReader.asksForChanges("See you then", read(LocalDate.of(2027, 4, 10), null), QUOTE))
                .isTrue();
        assertThat(ReplyReader.asksForChanges("See you then", read(null, 3), QUOTE)).isTrue();
        assertThat(ReplyReader.asksForChanges("See you then", read(LocalDate.of(2027, 4, 2), 2), QUOTE)).isFalse();
        assertThat(ReplyReader.asksForChanges("See you then", read(LocalDate.of(2027, 4, 10), 2), null)).isFalse();
        assertThat(ReplyReader.asksForChanges(null, read(null, null), QUOTE)).isFalse();
    }
}
