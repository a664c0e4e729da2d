package com.zorahai.crm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.zorahai.crm.ClientDataContributor;
import com.zorahai.crm.ClientId;
import com.zorahai.tenancy.TenantId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientDataSectionsTests {

    private final TenantId tenant = TenantId.of("sections-test");
    private final ClientId client = ClientId.random();

    @Test
    void collectsOneSectionPerContributor() {
        ClientDataContributor invoicing = contributor("invoicing", (t, c) -> List.of(Map.of("number", "INV-1",
                "client", c.toString(), "tenant", t.value())));
        ClientDataContributor tickets = contributor("tickets", (t, c) -> null);
        Map<String, Object> sections = ClientDataSections.collect(List.of(tickets, invoicing), tenant, client);
        assertThat(sections).containsOnlyKeys("invoicing", "tickets");
        assertThat(sections.get("invoicing")).isEqualTo(List.of(Map.of("number", "INV-1", "client",
                client.toString(), "tenant", "sections-test")));
        assertThat(sections.get("tickets")).isNull();
    }

    @Test
    void refusesAmbiguousSectionsAndPropagatesFailures() {
        assertThatIllegalStateException().isThrownBy(() -> ClientDataSections.collect(List.of(contributor("a",
                (t, c) -> 1), contributor("a", (t, c) -> 2)), tenant, client));
        assertThatIllegalStateException().isThrownBy(() -> ClientDataSections.collect(List.of(contributor("crm",
                (t, c) -> 1)), tenant, client));
        assertThatIllegalStateException().isThrownBy(() -> ClientDataSections.collect(List.of(contributor(" ",
                (t, c) -> 1)), tenant, client));
        assertThatIllegalStateException().isThrownBy(() -> ClientDataSections.collect(List.of(contributor("x",
                (t, c) -> {
                    throw new IllegalStateException("store down");
                })), tenant, client));
    }

    private static ClientDataContributor contributor(String section,
            java.util.function.BiFunction<TenantId, ClientId, Object> export) {
        return new ClientDataContributor() {
            @Override
            public String section() {
                return section;
            }

            @Override
            public Object export(TenantId tenantId, ClientId clientId) {
                return export.apply(tenantId, clientId);
            }
        };
    }
}
