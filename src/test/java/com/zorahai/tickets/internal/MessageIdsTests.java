package com.zorahai.tickets.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MessageIdsTests {

    @Test
    void referencesLoseTheirBracketsAndLongOnesAreHashed() {
        assertThat(MessageIds.clean(" <abc@mail.example> ")).isEqualTo("abc@mail.example");
        assertThat(MessageIds.clean("abc@mail.example")).isEqualTo("abc@mail.example");
        assertThat(MessageIds.clean("<>")).isNull();
        assertThat(MessageIds.clean(" ")).isNull();
        assertThat(MessageIds.clean(null)).isNull();
        assertThat(MessageIds.key("<abc@mail.example>")).isEqualTo("abc@mail.example");
        String longId = "x".repeat(300) + "@mail.example";
        assertThat(MessageIds.key(longId)).startsWith("sha256:").hasSize(71)
                .isEqualTo(MessageIds.key("<" + longId + ">"));
        assertThat(MessageIds.key(null)).isNull();
        assertThat(MessageIds.bracketed("abc@mail.example")).isEqualTo("<abc@mail.example>");
    }

    @Test
    void onlyEmailMessageIdsThreadMail() {
        assertThat(MessageIds.isEmailMessageId("<CAF=abc@mail.gmail.com>")).isTrue();
        assertThat(MessageIds.isEmailMessageId("wamid.HBgLMjc4")).isFalse();
        assertThat(MessageIds.isEmailMessageId("@mail.example")).isFalse();
        assertThat(MessageIds.isEmailMessageId("abc@")).isFalse();
        assertThat(MessageIds.isEmailMessageId("a b@mail.example")).isFalse();
        assertThat(MessageIds.isEmailMessageId(null)).isFalse();
        assertThat(MessageIds.isEmailMessageId("x".repeat(999) + "@m")).isFalse();
    }

    @Test
    void referencesKeepTheFirstAndTheNewestThatFitOneLine() {
        assertThat(TicketRecords.references(List.of())).isNull();
        assertThat(TicketRecords.references(List.of("a@x", "b@x", "a@x"))).isEqualTo("<a@x> <b@x>");
        String first = "first@x";
        List<String> many = new java.util.ArrayList<>(List.of(first));
        for (int i = 0; i < 40; i++) {
            many.add("message-" + i + "-" + "y".repeat(20) + "@mail.example");
        }
        String header = TicketRecords.references(many);
        assertThat(header.length()).isLessThanOrEqualTo(998 - "References: ".length());
        assertThat(header).startsWith("<first@x> ").endsWith("message-39-" + "y".repeat(20) + "@mail.example>")
                .doesNotContain("message-0-");
    }

    @Test
    void sendersAreReadFromTheirUsualForms() {
        assertThat(TicketRecords.sender("\"Ana Silva\" <Ana@Example.com>")).containsExactly("ana@example.com",
                "Ana Silva");
        assertThat(TicketRecords.sender("Ana@Example.com")).containsExactly("ana@example.com", null);
        assertThat(TicketRecords.sender("<ana@example.com>")).containsExactly("ana@example.com", null);
        assertThat(TicketRecords.sender("+27 82 123 4567")).containsExactly("+27 82 123 4567", null);
        assertThat(TicketRecords.sender(" ")).containsExactly(null, null);
        assertThat(TicketRecords.sender(null)).containsExactly(null, null);
    }

    @Test
    void sortsParseWithTheirDirection() {
        assertThat(TicketSort.parse(null)).isEqualTo(new TicketSort.Order(TicketSort.OPENED_AT, true));
        assertThat(TicketSort.parse(" SLA_DUE_AT , asc")).isEqualTo(new TicketSort.Order(TicketSort.SLA_DUE_AT,
                false));
        assertThat(TicketSort.parse("priority,desc")).isEqualTo(new TicketSort.Order(TicketSort.PRIORITY, true));
    }
}
