package com.zorahai.ai.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.ai.EmailText;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EmailCleanerTests {

    private final EmailCleaner cleaner = new EmailCleaner();

    private CleanedEmail clean(String subject, String text, String html) {
        return cleaner.clean(new EmailText("a@example.com", subject, text, html, Instant.EPOCH));
    }

    @Test
    void cutsGmailQuotesAndKeepsTheSignatureApart() {
        CleanedEmail cleaned = clean("Re: Trip", """
                Sounds good.

                Kind regards,
                Pat Doe

                On Mon, 16 Nov 2026 at 10:12, Agent <agent@example.com>
                wrote:
                > the old quote
                """, null);

        assertThat(cleaned.body()).isEqualTo("Sounds good.");
        assertThat(cleaned.signature()).isEqualTo("Kind regards,\nPat Doe");
        assertThat(cleaned.subject()).isEqualTo("Re: Trip");
        assertThat(cleaned.quotedReply()).isTrue();
        assertThat(cleaned.text()).doesNotContain("old quote");
    }

    @Test
    void cutsOutlookReplies() {
        CleanedEmail cleaned = clean("RE: Trip", """
                Yes please.

                From: Agent <agent@example.com>
                Sent: 10 November 2026 14:02
                Subject: Trip

                Old text
                """, null);

        assertThat(cleaned.body()).isEqualTo("Yes please.");
        assertThat(cleaned.quotedReply()).isTrue();
    }

    @Test
    void keepsForwardedMessagesWithoutTheirHeaders() {
        CleanedEmail cleaned = clean("Fwd: Bali", """
                Please quote.

                ---------- Forwarded message ---------
                From: Megan Foster <megan@example.com>
                Date: Thu, 19 Nov 2026 at 16:20
                Subject: Bali
                To: <info@example.com>

                Bali for two please.
                """, null);

        assertThat(cleaned.forwarded()).isTrue();
        assertThat(cleaned.forwardedFrom()).isEqualTo("Megan Foster <megan@example.com>");
        assertThat(cleaned.body()).contains("Please quote.").contains("Bali for two please.").doesNotContain("Date:");
    }

    @Test
    void dropsMobileFootersAndDashSignatures() {
        CleanedEmail cleaned = clean("", "Bali please\n\nSent from my iPhone\n-- \nPat\nACME Ltd", null);

        assertThat(cleaned.body()).isEqualTo("Bali please");
        assertThat(cleaned.signature()).isEqualTo("Pat\nACME Ltd");
        assertThat(cleaned.bodyStart()).isZero();
    }

    @Test
    void turnsHtmlIntoLinesAndDropsQuotedBlocks() {
        CleanedEmail cleaned = clean("Trip", null, """
                <html><head><style>p{color:red}</style></head><body><p>Hello &amp; welcome,</p>
                <div>Bali&nbsp;please<br>for two</div><table><tr><td>a</td><td>b</td></tr></table>
                <blockquote>old mail</blockquote></body></html>""");

        assertThat(cleaned.body()).contains("Hello & welcome,").contains("Bali please\nfor two").contains("a b")
                .doesNotContain("old mail").doesNotContain("color");
        assertThat(cleaned.quotedReply()).isTrue();
    }

    @Test
    void anEmptyEmailIsEmpty() {
        CleanedEmail cleaned = clean(null, null, null);

        assertThat(cleaned.text()).isEmpty();
        assertThat(cleaned.body()).isEmpty();
    }
}
