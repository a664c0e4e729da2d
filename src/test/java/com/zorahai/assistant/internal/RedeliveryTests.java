package com.zorahai.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.assistant.AssistantTestSupport;
import com.zorahai.whatsapp.WhatsAppMessageReceived;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A redelivered message is answered once: the turn row is unique on the inbound message. */
class RedeliveryTests extends AssistantTestSupport {

    @Autowired
    Assistant assistant;

    @Test
    void aRedeliveredMessageIsNotAnsweredAgain() {
        Clinic clinic = clinic("en");
        Customer mira = customer(clinic, "Mira");
        assertThat(mira.says("Hi")).hasSize(1);
        List<WhatsAppMessageReceived> received = recorder.received(clinic.id());
        assertThat(received).hasSize(1);

        transactionTemplate.executeWithoutResult(tx -> assistant.answer(received.getFirst()));
        transactionTemplate.executeWithoutResult(tx -> assistant.answer(received.getFirst()));

        assertThat(jdbc.sql("select count(*) from assistant_turns where tenant_id = :t").param("t", clinic.id())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("""
                select count(*) from whatsapp_messages where tenant_id = :t and direction = 'outbound'""")
                .param("t", clinic.id()).query(Long.class).single()).isEqualTo(1);
    }
}
