package com.zorahai.email.templates;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTests {

    @Test
    void blocksBecomeLinesAndTagsGo() {
        String html = "<html><head><title>Hi</title><style>p{color:red}</style></head><body>"
                + "<h1>Welcome</h1><p>Hello <strong>Ann</strong>,</p><p>Line one<br>line two</p>"
                + "<!-- hidden --><script>alert(1)</script></body></html>";

        assertThat(HtmlText.of(html)).isEqualTo("Welcome\n\nHello Ann,\n\nLine one\nline two");
    }

    @Test
    void linksKeepTheirAddress() {
        assertThat(HtmlText.of("<p><a href=\"https://x.example/a?b=1&amp;c=2\">Accept</a></p>"))
                .isEqualTo("Accept (https://x.example/a?b=1&c=2)");
        assertThat(HtmlText.of("<a href='https://x.example'>https://x.example</a>")).isEqualTo("https://x.example");
        assertThat(HtmlText.of("<a href=\"mailto:ann@example.com\"></a>")).isEqualTo("ann@example.com");
        assertThat(HtmlText.of("<a href=\"#top\">Top</a>")).isEqualTo("Top");
    }

    @Test
    void listsTablesAndEntities() {
        String html = "<ul><li>One</li><li>Two &amp; three</li></ul>"
                + "<table><tr><td>Hotel</td><td>R 1&nbsp;200</td></tr></table>";

        assertThat(HtmlText.of(html)).isEqualTo("- One\n- Two & three\n\nHotel R 1 200");
    }

    @Test
    void nullStaysNull() {
        assertThat(HtmlText.of(null)).isNull();
    }
}
