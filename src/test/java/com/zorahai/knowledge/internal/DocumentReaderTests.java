package com.zorahai.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zorahai.platform.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentReaderTests {

    private static ExtractedDocument read(DocumentFormat format, String text) {
        return DocumentReader.read(format, text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> headings(ExtractedDocument d) {
        return d.headings().stream().map(h -> h.level() + ":" + h.title()).toList();
    }

    @Test
    void plainTextHeadingsAreMarkdownLinesUnderlinedLinesAndCapitals() {
        ExtractedDocument d = read(DocumentFormat.TEXT, """
                OPENING HOURS
                Monday to Friday, 9 to 7.

                Prices
                ======
                Full legs: $150.

                ## Aftercare
                Wear SPF 50.
                """);

        assertThat(headings(d)).containsExactly("1:OPENING HOURS", "1:Prices", "2:Aftercare");
        assertThat(d.text()).contains("Full legs: $150.").doesNotContain("======");
        ExtractedDocument.Heading prices = d.headings().get(1);
        assertThat(d.text().substring(prices.offset(), prices.offset() + 6)).isEqualTo("Prices");
    }

    @Test
    void markdownLosesItsMarkupButKeepsItsHeadingsAndLists() {
        ExtractedDocument d = read(DocumentFormat.MARKDOWN, """
                # Demo Clinic
                We are **open** on [Saturdays](https://example.com) too. ![logo](logo.png)

                ## Prices
                * Full legs: `$150`
                1. Underarms: $40

                ```
                code stays
                ```
                """);

        assertThat(d.title()).isEqualTo("Demo Clinic");
        assertThat(headings(d)).containsExactly("1:Demo Clinic", "2:Prices");
        assertThat(d.text()).contains("We are open on Saturdays too. logo", "- Full legs: $150", "- Underarms: $40",
                "code stays").doesNotContain("**", "](", "```");
    }

    @Test
    void htmlBlocksHeadingsListsAndTablesBecomeText() {
        ExtractedDocument d = read(DocumentFormat.HTML,
                """
                        <html><head><title>Clinic guide</title><script>var secret = 1;</script></head><body>
                        <nav>Home | About</nav>
                        <h1>Aftercare</h1><p>Avoid the <b>sun</b> for two weeks.</p>
                        <ul><li><p>Use SPF 50</p></li><li>No sauna for 48 hours</li></ul>
                        <h2>Prices</h2><table><tr><th>Area</th><th>Price</th></tr><tr><td>Full legs</td><td>$150</td></tr></table>
                        </body></html>""");

        assertThat(d.title()).isEqualTo("Clinic guide");
        assertThat(headings(d)).containsExactly("1:Aftercare", "2:Prices");
        assertThat(d.text()).contains("Avoid the sun for two weeks.", "Use SPF 50", "- No sauna for 48 hours",
                "Full legs | $150").doesNotContain("secret", "Home | About");
    }

    @Test
    void pdfTextAndTitleComeThroughPdfBox() {
        byte[] pdf = TestDocuments.pdf("Aftercare sheet", List.of("AFTERCARE", "Wear SPF 50 for two weeks.",
                "Avoid saunas for 48 hours."));

        ExtractedDocument d = DocumentReader.read(DocumentFormat.PDF, pdf);

        assertThat(d.title()).isEqualTo("Aftercare sheet");
        assertThat(d.text()).contains("Wear SPF 50 for two weeks.", "Avoid saunas for 48 hours.");
        assertThat(headings(d)).containsExactly("1:AFTERCARE");
    }

    @Test
    void docxParagraphStylesBecomeHeadings() {
        byte[] docx = TestDocuments.docx("Travel FAQ", List.of("Title|Travel FAQ", "Heading1|Deposits",
                "|A deposit of 30% confirms a booking.", "Heading2|Balance", "|The balance is due 45 days before."));

        ExtractedDocument d = DocumentReader.read(DocumentFormat.DOCX, docx);

        assertThat(d.title()).isEqualTo("Travel FAQ");
        assertThat(headings(d)).containsExactly("1:Travel FAQ", "1:Deposits", "2:Balance");
        assertThat(d.text()).contains("A deposit of 30% confirms a booking.");
    }

    @Test
    void brokenFilesAreUnreadableDocuments() {
        assertThatThrownBy(() -> DocumentReader.read(DocumentFormat.PDF, "not a pdf".getBytes()))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).type()).isEqualTo("unreadable-document"));
        assertThatThrownBy(() -> DocumentReader.read(DocumentFormat.DOCX, "not a zip".getBytes()))
                .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> DocumentReader.read(DocumentFormat.TEXT, new byte[]{(byte) 0xff, (byte) 0xfe, 0x41}))
                .isInstanceOf(ProblemException.class);
    }

    @Test
    void formatsAreToldByContentTypeThenByName() {
        assertThat(DocumentFormat.detect("text/plain; charset=utf-8", "a.txt")).contains(DocumentFormat.TEXT);
        assertThat(DocumentFormat.detect("text/plain", "notes.md")).contains(DocumentFormat.MARKDOWN);
        assertThat(DocumentFormat.detect("application/octet-stream", "faq.docx")).contains(DocumentFormat.DOCX);
        assertThat(DocumentFormat.detect(null, "page.htm")).contains(DocumentFormat.HTML);
        assertThat(DocumentFormat.detect("image/png", "a.png")).isEmpty();
    }
}
