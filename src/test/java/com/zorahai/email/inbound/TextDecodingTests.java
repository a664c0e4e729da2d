package com.zorahai.email.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class TextDecodingTests {

    private static final Charset CP1252 = Charset.forName("windows-1252");

    @Test
    void theNamedCharsetIsUsed() {
        assertThat(TextDecoding.decode("São Paulo".getBytes(StandardCharsets.ISO_8859_1), "iso-8859-1"))
                .isEqualTo("São Paulo");
        assertThat(TextDecoding.decode("Grüße".getBytes(StandardCharsets.UTF_8), "UTF-8")).isEqualTo("Grüße");
    }

    @Test
    void latin1LabelledWindows1252KeepsCurlyQuotesAndTheEuro() {
        assertThat(TextDecoding.decode("“49 €”".getBytes(CP1252), "ISO-8859-1")).isEqualTo("“49 €”");
    }

    @Test
    void anUnknownOrWrongCharsetFallsBackWithoutFailing() {
        assertThat(TextDecoding.decode("Grüße".getBytes(StandardCharsets.UTF_8), "x-unknown")).isEqualTo("Grüße");
        assertThat(TextDecoding.decode("Grüße".getBytes(StandardCharsets.ISO_8859_1), "UTF-8")).isEqualTo("Grüße");
        assertThat(TextDecoding.decode(new byte[]{(byte) 0x81, (byte) 0xff}, "\"utf-8\"")).hasSize(2);
        assertThat(TextDecoding.decode(null, "UTF-8")).isNull();
    }

    @Test
    void addressListsAreSplitAndAStrayOneStillCounts() {
        assertThat(InboundParseDecoder.addresses("\"Smith, Jo\" <jo@example.com>, ann@example.com"))
                .isEqualTo(List.of("\"Smith, Jo\" <jo@example.com>", "ann@example.com"));
        assertThat(InboundParseDecoder.addresses("not an <address")).containsExactly("not an <address");
        assertThat(InboundParseDecoder.addresses(" ")).isEmpty();
    }

    @Test
    void aLongMessageIdIsHashedForTheKey() {
        assertThat(InboundParseDecoder.dedupeKey("<a@b>", "sha256:x")).isEqualTo("<a@b>");
        assertThat(InboundParseDecoder.dedupeKey(null, "sha256:x")).isEqualTo("sha256:x");
        assertThat(InboundParseDecoder.dedupeKey("<" + "a".repeat(600) + "@b>", "sha256:x"))
                .matches("message-id-sha256:[0-9a-f]{64}");
    }

    @Test
    void sizesReadAsWritten() {
        assertThat(InboundProperties.readable(DataSize.ofMegabytes(30))).isEqualTo("30MB");
        assertThat(InboundProperties.readable(DataSize.ofKilobytes(64))).isEqualTo("64KB");
        assertThat(InboundProperties.readable(DataSize.ofBytes(1000))).isEqualTo("1000B");
    }

    @Test
    void filenamesBecomeSafeKeys() {
        assertThat(InboundMailbox.safeName("../Rapport final (v2).PDF")).isEqualTo("rapport_final_v2_.pdf");
        assertThat(InboundMailbox.safeName("¿¿")).isEqualTo("attachment");
        assertThat(InboundMailbox.safeName(null)).isEqualTo("attachment");
    }
}
