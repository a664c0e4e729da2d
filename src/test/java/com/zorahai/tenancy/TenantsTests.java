package com.zorahai.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zorahai.IntegrationTest;
import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.Tenant.Feature;
import com.zorahai.tenancy.internal.TenantRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.modulith.test.PublishedEventsExtension;

@IntegrationTest
@ExtendWith(PublishedEventsExtension.class)
class TenantsTests {

    @Autowired
    Tenants tenants;

    @Autowired
    TenantRegistry registry;

    @Autowired
    JdbcClient jdbc;

    static TenantId newId() {
        return TenantId.of("t-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** Writes overrides the way an operator would, straight into the table. */
    void operatorOverrides(TenantId id, String json) {
        jdbc.sql("insert into tenant_settings (tenant_id, settings) values (?, ?::jsonb) on conflict (tenant_id) "
                + "do update set settings = excluded.settings").params(id.value(), json).update();
        registry.invalidate();
    }

    @Test
    void shippedTenantsAreLoaded() {
        Tenant travel = tenants.get(TenantId.of("demo-travel"));
        assertThat(travel.source()).isEqualTo(Tenant.Source.FILE);
        assertThat(travel.currency().getCurrencyCode()).isEqualTo("ZAR");
        assertThat(travel.has(Feature.QUOTES)).isTrue();
        assertThat(tenants.get(TenantId.of("demo-clinic")).has(Feature.WHATSAPP)).isTrue();
        assertThat(tenants.all()).extracting(t -> t.id().value()).contains("demo-clinic", "demo-travel");
    }

    @Test
    void unknownTenantIsNotFound() {
        assertThat(tenants.find(TenantId.of("no-such-tenant"))).isEmpty();
        assertThatThrownBy(() -> tenants.get(TenantId.of("no-such-tenant")))
                .isInstanceOfSatisfying(ProblemException.class, ex -> {
                    assertThat(ex.status()).isEqualTo(HttpStatus.NOT_FOUND);
                    assertThat(ex.type()).isEqualTo("tenant-not-found");
                });
    }

    @Test
    void createsDatabaseTenantsFromTheDefaults(PublishedEvents events) {
        TenantId id = newId();
        Tenant created = tenants.create(new NewTenant(id, "  New Agency ", Set.of(Feature.CRM, Feature.QUOTES)));
        assertThat(created.name()).isEqualTo("New Agency");
        assertThat(created.source()).isEqualTo(Tenant.Source.DATABASE);
        assertThat(created.currency().getCurrencyCode()).isEqualTo("USD");
        assertThat(created.features()).containsExactlyInAnyOrder(Feature.CRM, Feature.QUOTES);
        assertThat(tenants.get(id)).isEqualTo(created);
        assertThat(events.ofType(TenantCreated.class).matching(e -> e.tenantId().equals(id))).hasSize(1);
    }

    @Test
    void idsTakenByAFileOrTheDatabaseConflict() {
        TenantId id = newId();
        tenants.create(new NewTenant(id, "First", null));
        for (TenantId taken : List.of(id, TenantId.of("demo-travel"))) {
            assertThatThrownBy(() -> tenants.create(new NewTenant(taken, "Again", Set.of())))
                    .isInstanceOfSatisfying(ProblemException.class, ex -> {
                        assertThat(ex.status()).isEqualTo(HttpStatus.CONFLICT);
                        assertThat(ex.type()).isEqualTo("tenant-exists");
                    });
        }
    }

    @Test
    void newTenantsNeedAName() {
        assertThatThrownBy(() -> tenants.create(new NewTenant(newId(), " ", Set.of())))
                .hasMessage("name: is required");
        assertThatThrownBy(() -> tenants.create(new NewTenant(newId(), "x".repeat(201), Set.of())))
                .hasMessageContaining("name: must be at most 200");
        assertThatThrownBy(() -> tenants.create(new NewTenant(null, "x", Set.of()))).hasMessage("id: is required");
    }

    @Test
    void tenantsCreatedThroughAnotherInstanceAreFound() {
        TenantId id = newId();
        tenants.all();
        jdbc.sql("insert into tenants (id, name) values (?, 'Elsewhere')").param(id.value()).update();
        assertThat(tenants.find(id)).hasValueSatisfying(t -> assertThat(t.name()).isEqualTo("Elsewhere"));
    }

    @Test
    void overridesApplyFieldByFieldOnTheNextLookup(PublishedEvents events) {
        TenantId id = newId();
        tenants.create(new NewTenant(id, "Agency", Set.of()));
        Map<String, Object> patch = new HashMap<>();
        patch.put("currency", "EUR");
        patch.put("email", Map.of("from_name", "Agency Desk"));
        tenants.updateSettings(id, patch);
        Tenant updated = tenants.get(id);
        assertThat(updated.currency().getCurrencyCode()).isEqualTo("EUR");
        assertThat(updated.email().fromName()).isEqualTo("Agency Desk");
        assertThat(updated.name()).isEqualTo("Agency");
        assertThat(tenants.settings(id).overriddenFields()).containsExactly("currency", "email.from_name");
        assertThat(events.ofType(TenantUpdated.class).matching(e -> e.tenantId().equals(id))).hasSize(1);

        Map<String, Object> removal = new HashMap<>();
        removal.put("currency", null);
        tenants.updateSettings(id, removal);
        assertThat(tenants.get(id).currency().getCurrencyCode()).isEqualTo("USD");
        assertThat(tenants.get(id).email().fromName()).isEqualTo("Agency Desk");
    }

    @Test
    void invalidOverridesAreRefusedAndNothingIsStored() {
        TenantId id = newId();
        tenants.create(new NewTenant(id, "Agency", Set.of()));
        assertThatThrownBy(() -> tenants.updateSettings(id, Map.of("currency", "ZZZ", "locale", "fr")))
                .isInstanceOfSatisfying(ProblemException.class, ex -> {
                    assertThat(ex.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(ex.detail()).isEqualTo("currency: 'ZZZ' is not an ISO 4217 code");
                });
        assertThat(tenants.get(id).locale().getLanguage()).isEqualTo("en");
        assertThat(tenants.settings(id).overriddenFields()).isEmpty();
    }

    @Test
    void findsTenantsByInboundAddressOrDomain() {
        assertThat(tenants.findByInboundAddress("Demo-Travel@INBOUND.zorahai.com"))
                .hasValueSatisfying(t -> assertThat(t.id().value()).isEqualTo("demo-travel"));
        assertThat(tenants.findByInboundAddress("Quotes <demo-clinic@inbound.zorahai.com>"))
                .hasValueSatisfying(t -> assertThat(t.id().value()).isEqualTo("demo-clinic"));
        TenantId id = newId();
        tenants.create(new NewTenant(id, "Domain Owner", Set.of()));
        String domain = id.value() + ".mail.example";
        operatorOverrides(id, "{\"email\": {\"inbound_domain\": \"" + domain + "\"}}");
        assertThat(tenants.findByInboundAddress("anyone@" + domain.toUpperCase()))
                .hasValueSatisfying(t -> assertThat(t.id()).isEqualTo(id));
        assertThat(tenants.findByInboundAddress("nobody@nowhere.example")).isEmpty();
        assertThat(tenants.findByInboundAddress("not an address")).isEmpty();
        assertThat(tenants.findByInboundAddress(null)).isEmpty();
    }

    @Test
    void findsTenantsByWhatsAppNumber() {
        TenantId id = newId();
        tenants.create(new NewTenant(id, "Clinic", Set.of(Feature.WHATSAPP)));
        String number = String.valueOf(System.nanoTime());
        operatorOverrides(id, "{\"whatsapp\": {\"provider\": \"meta\", \"phone_number_id\": \"" + number + "\"}}");
        assertThat(tenants.findByWhatsAppPhoneNumberId(" " + number + " "))
                .hasValueSatisfying(t -> assertThat(t.id()).isEqualTo(id));
        assertThat(tenants.findByWhatsAppPhoneNumberId("0")).isEmpty();
        assertThat(tenants.findByWhatsAppPhoneNumberId(null)).isEmpty();
    }

    @Test
    void brokenOperatorOverridesAreIgnoredNotFatal() {
        TenantId id = newId();
        tenants.create(new NewTenant(id, "Agency", Set.of()));
        operatorOverrides(id, "{\"currency\": \"nope\"}");
        assertThat(tenants.get(id).currency().getCurrencyCode()).isEqualTo("USD");
    }

    @Test
    void webhookPathSegmentsResolveOrAnswer404() {
        assertThat(tenants.forWebhook("demo-clinic").id().value()).isEqualTo("demo-clinic");
        for (String segment : new String[]{"no-such-tenant", "../etc", "DEMO", ""}) {
            assertThatThrownBy(() -> tenants.forWebhook(segment)).isInstanceOfSatisfying(ProblemException.class,
                    ex -> assertThat(ex.type()).isEqualTo("tenant-not-found"));
        }
    }
}
