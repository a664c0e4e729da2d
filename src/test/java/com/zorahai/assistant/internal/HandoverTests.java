package com.zorahai.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HandoverTests {

    private static Tenant tenant(Tenant.Email email) {
        return new Tenant(TenantId.of("clinic-x"), "Clinic X", Currency.getInstance("USD"), ZoneId.of("Asia/Beirut"),
                Locale.ENGLISH, Set.of(Tenant.Feature.WHATSAPP), email, null, null, null, null, null, null, null, null,
                Tenant.Source.DATABASE);
    }

    @Test
    void theConfiguredAddressesWinThenReplyToThenFrom() {
        Tenant.Email both = new Tenant.Email(null, "hello@clinic.example", "Clinic", "desk@clinic.example", null,
                null, null);
        Tenant.Email fromOnly = new Tenant.Email(null, "hello@clinic.example", "Clinic", " ", null, null, null);

        assertThat(Handover.recipients(tenant(both), List.of("owner@clinic.example")))
                .containsExactly("owner@clinic.example");
        assertThat(Handover.recipients(tenant(both), List.of())).containsExactly("desk@clinic.example");
        assertThat(Handover.recipients(tenant(fromOnly), List.of())).containsExactly("hello@clinic.example");
        assertThat(Handover.recipients(tenant(null), List.of())).isEmpty();
    }
}
