package com.zorahai.crm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.zorahai.crm.Address;
import com.zorahai.crm.Consents;
import com.zorahai.crm.Consents.Consent;
import com.zorahai.crm.internal.ClientDraft.ConsentChoices;
import com.zorahai.platform.ProblemException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientFieldsTests {

    @Test
    void normalisesEveryField() {
        ClientFields fields = ClientFields.check(ClientDraft.of(" Ana \t Lima ", List.of("A@X.com", "a@x.com"),
                List.of("082 123 4567"), new Address(" 1 Main ", " ", null, null, null, "za"), List.of("VIP", "vip"),
                "  ", "WhatsApp", null, null), "ZA", true);
        assertThat(fields.name()).isEqualTo("Ana Lima");
        assertThat(fields.emails()).containsExactly("a@x.com");
        assertThat(fields.phones()).containsExactly("+27821234567");
        assertThat(fields.address()).isEqualTo(new Address("1 Main", null, null, null, null, "ZA"));
        assertThat(fields.tags()).containsExactly("vip");
        assertThat(fields.notes()).isNull();
        assertThat(fields.source().value()).isEqualTo("whatsapp");
    }

    @Test
    void anAddressOfBlanksIsNoAddress() {
        ClientFields fields = ClientFields.check(ClientDraft.of("X", null, null, new Address(" ", null, "", null,
                null, null), null, null, null, null, null), "US", true);
        assertThat(fields.address()).isNull();
        assertThat(fields.has(ClientDraft.ADDRESS)).isTrue();
    }

    @Test
    void namesEveryInvalidField() {
        ClientDraft draft = ClientDraft.of("x".repeat(201), Collections.nCopies(21, "a@x.com"), List.of("nope"),
                new Address("x".repeat(201), null, null, null, null, "XX"), List.of("t".repeat(51)),
                "n".repeat(10_001), null, null, null);
        assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> ClientFields.check(draft, "US", true))
                .satisfies(problem -> assertThat(fields(problem)).containsExactly("name", "emails", "phones[0]",
                        "address.line1", "address.country", "tags[0]", "notes"));
    }

    @Test
    void aPatchChecksOnlyTheFieldsItSets() {
        ClientDraft draft = new ClientDraft(null, null, null, null, null, null, null, null, null, Set.of("notes"));
        ClientFields fields = ClientFields.check(draft, "US", false);
        assertThat(fields.has(ClientDraft.NOTES)).isTrue();
        assertThat(fields.has(ClientDraft.NAME)).isFalse();
        assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> ClientFields.check(new ClientDraft(null,
                null, null, null, null, null, null, null, null, Set.of("name")), "US", false));
    }

    @Test
    void aConsentAnswerIsStampedOnlyWhenItChangesSomething() {
        Instant earlier = Instant.parse("2026-01-01T00:00:00Z");
        Instant now = Instant.parse("2026-06-01T00:00:00Z");
        Consents current = new Consents(new Consent(true, earlier), Consent.NOT_GIVEN, Consent.NOT_GIVEN,
                new Consent(false, earlier));
        Consents applied = ClientFields.apply(current, new ConsentChoices(true, false, null, true), now);
        assertThat(applied.marketingEmail()).isEqualTo(new Consent(true, earlier));
        assertThat(applied.marketingWhatsapp()).isEqualTo(new Consent(false, now));
        assertThat(applied.marketingSms()).isEqualTo(Consent.NOT_GIVEN);
        assertThat(applied.marketingCalls()).isEqualTo(new Consent(true, now));
        assertThat(ClientFields.apply(current, null, now)).isSameAs(current);
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields(ProblemException problem) {
        return ((List<Map<String, String>>) problem.properties().get("errors")).stream()
                .map(e -> e.get("field"))
                .toList();
    }
}
