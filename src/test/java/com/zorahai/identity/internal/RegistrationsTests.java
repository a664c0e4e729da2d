package com.zorahai.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.tenancy.TenantId;
import org.junit.jupiter.api.Test;

class RegistrationsTests {

    @Test
    void tenantIdsComeFromTheOrganisationName() {
        assertThat(Registrations.slug("Café Côte d'Azur Travel")).isEqualTo("cafe-cote-d-azur-travel");
        assertThat(Registrations.slug("  ACME   Clinic!! ")).isEqualTo("acme-clinic");
        assertThat(Registrations.slug("x".repeat(80))).hasSize(Registrations.MAX_SLUG);
        assertThat(Registrations.slug("日本")).startsWith("org-");
        for (String name : new String[]{"Café Côte d'Azur Travel", "日本", "-", "A", "a-b-" + "c".repeat(70)}) {
            assertThat(TenantId.isValid(Registrations.slug(name))).as(name).isTrue();
        }
    }

    @Test
    void kindsParseInAnyCase() {
        assertThat(Registrations.Kind.of("Travel")).isEqualTo(Registrations.Kind.TRAVEL);
        assertThat(Registrations.Kind.CLINIC.value()).isEqualTo("clinic");
    }
}
