package com.zorahai.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zorahai.platform.ProblemException;
import java.util.List;
import org.junit.jupiter.api.Test;

class WhatsAppMessagesValidationTests {

    static void invalid(OutboundContent content, String field) {
        assertThatThrownBy(() -> WhatsAppMessages.validate(content)).isInstanceOfSatisfying(ProblemException.class,
                p -> assertThat(p.properties().toString()).contains(field));
    }

    @Test
    void contentIsCheckedAgainstTheCloudApiLimits() {
        invalid(new OutboundContent.Text(""), "text");
        invalid(new OutboundContent.Text("x".repeat(4097)), "text");
        invalid(new OutboundContent.Media(MessageType.TEXT, "https://x/y", null, null), "type");
        invalid(new OutboundContent.Media(MessageType.IMAGE, "ftp://x/y", null, null), "link");
        invalid(OutboundContent.Interactive.buttons("b", List.of(new OutboundContent.Choice("1",
                "a title that is far too long"))), "buttons.title");
        invalid(OutboundContent.Interactive.list("b", "Open", List.of()), "sections");
        invalid(new OutboundContent.Template("Bad Name", "en", List.of()), "template_name");
        invalid(new OutboundContent.Template("ok_name", "english", List.of()), "language");
        invalid(null, "content");
        assertThatCode(() -> WhatsAppMessages.validate(new OutboundContent.Template("hello_world", "en_US",
                List.of("Maya")))).doesNotThrowAnyException();
        assertThatCode(() -> WhatsAppMessages.validate(new OutboundContent.Media(MessageType.DOCUMENT,
                "https://cdn.example/a.pdf", "Invoice", "a.pdf"))).doesNotThrowAnyException();
    }

    @Test
    void recipientsArePhoneNumbersOrBusinessScopedIds() {
        assertThat(WhatsAppMessages.contact("+961 70 123 456").key()).isEqualTo("96170123456");
        assertThat(WhatsAppMessages.contact("US.13491208655302741918").userId()).isEqualTo("US.13491208655302741918");
        assertThatThrownBy(() -> WhatsAppMessages.contact("call me")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> WhatsAppMessages.contact("123")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> WhatsAppMessages.contact(" ")).isInstanceOf(ProblemException.class);
    }
}
