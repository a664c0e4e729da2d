package com.zorahai.intake.internal;

import com.zorahai.ai.TravelRequestExtraction;
import com.zorahai.quoting.QuoteSummary;
import java.util.regex.Pattern;

/**
 * Tells a reply that asks for the quote to change from one that answers or thanks: words that ask for a change
 * ("could we change the dates", "upgrade", "a cheaper option", "add a night"), or dates or a party that differ from
 * the quote's.
 */
public final class ReplyReader {

    private static final Pattern CHANGE = Pattern.compile("""
            \\b(chang(e|es|ed|ing)\\b|amend|modif(y|ication)|instead\\b|different\\b|swap|switch\\b|upgrade\
            |downgrade|extend|shorten|cheaper|less expensive|more affordable|another (hotel|room|option|resort|date)\
            |other (hotel|room|option|resort|dates)|reschedul|postpone|bring (it |the dates )?forward\
            |move (the|our) (dates?|trip|stay|booking|holiday)|add (a|an|one|another|my|our|two|\\d+)\\b\
            |extra (night|day|room|person|adult|child)|one more (night|day|room)|remove\\b|replace\\b\
            |rather have|prefer (a|an|the|to)\\b|adjust|revis(e|ed|ion))""",
            Pattern.CASE_INSENSITIVE);

    private ReplyReader() {
    }

    /** Whether the reply (its cleaned text and what was read from it) asks for changes to the quote. */
    public static boolean asksForChanges(String cleanedText, TravelRequestExtraction x, QuoteSummary quote) {
        if (cleanedText != null && CHANGE.matcher(cleanedText).find()) {
            return true;
        }
        if (quote == null) {
            return false;
        }
        boolean otherStart = x.checkIn().isPresent() && quote.travelStart() != null
                && !x.checkIn().value().equals(quote.travelStart());
        boolean otherEnd = x.checkOut().isPresent() && quote.travelEnd() != null
                && !x.checkOut().value().equals(quote.travelEnd());
        boolean otherParty = x.adults().isPresent() && x.adults().value() != quote.adults();
        return otherStart || otherEnd || otherParty;
    }
}
