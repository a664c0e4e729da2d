package com.zorahai.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MailReferencesTests {

    @Test
    void inReplyToComesFirstThenTheReferencesNewestFirstEachOnce() {
        String headers = """
                Received: by mx.sendgrid.net with SMTP id abc
                From: Sam Lee <sam@example.com>
                In-Reply-To: <reply-2@zorah.example>
                References: <open-1@mail.example>
                 <reply-1@zorah.example>
                \t<reply-2@zorah.example>
                Subject: Re: Voucher missing
                """;

        assertThat(MailReferences.of(headers)).containsExactly("reply-2@zorah.example", "reply-1@zorah.example",
                "open-1@mail.example");
    }

    @Test
    void headerNamesAreReadInAnyCaseAndTheBodyIsNotRead() {
        assertThat(MailReferences.of("in-reply-to: <a@x>\r\nREFERENCES: <b@x> <a@x>\r\n\r\nReferences: <c@x>\r\n"))
                .containsExactly("a@x", "b@x");
    }

    @Test
    void noHeadersOrNoneOfTheseGiveNothingAndTheListIsBounded() {
        assertThat(MailReferences.of(null)).isEmpty();
        assertThat(MailReferences.of("Subject: hello\nMessage-ID: <m@x>\n")).isEmpty();
        assertThat(MailReferences.of("In-Reply-To: not an id\n")).isEmpty();
        String many = "References:" + IntStream.range(0, 50).mapToObj(i -> " <r" + i + "@x>")
                .reduce("", String::concat) + "\n";
        assertThat(MailReferences.of(many)).hasSize(MailReferences.MAX).first().isEqualTo("r49@x");
    }
}
