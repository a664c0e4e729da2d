package com.zorahai.pricing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zorahai.platform.ProblemException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTests {

    @Test
    void readsQuotedFieldsLineEndsAndAByteOrderMark() {
        List<Csv.Line> lines = Csv.parse("\uFEFFa,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\r\n\n\"multi\nline\",2,3");

        assertThat(lines).extracting(Csv.Line::number).containsExactly(1, 2, 4);
        assertThat(lines.get(0).fields()).containsExactly("a", "b", "c");
        assertThat(lines.get(1).fields()).containsExactly("x, y", "say \"hi\"", "");
        assertThat(lines.get(2).fields()).containsExactly("multi\nline", "2", "3");
    }

    @Test
    void anEmptyQuotedLastFieldIsKept() {
        assertThat(Csv.parse("a,\"\"").getFirst().fields()).containsExactly("a", "");
        assertThat(Csv.parse("")).isEmpty();
    }

    @Test
    void anUnclosedQuoteIsAProblemNamingTheRow() {
        assertThatThrownBy(() -> Csv.parse("a,b\n\"open,2\n"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.type()).isEqualTo("invalid-csv");
                    assertThat(e.detail()).contains("Row 2");
                });
    }
}
