package com.zorahai.crm.internal;

import com.zorahai.crm.ClientDataContributor;
import com.zorahai.crm.ClientId;
import com.zorahai.tenancy.TenantId;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Collects what every {@link ClientDataContributor} holds about a client, one section per contributor.
 */
@Component
class ClientDataSections {

    private final ObjectProvider<ClientDataContributor> contributors;

    ClientDataSections(ObjectProvider<ClientDataContributor> contributors) {
        this.contributors = contributors;
    }

    Map<String, Object> collect(TenantId tenant, ClientId client) {
        return collect(contributors.orderedStream().toList(), tenant, client);
    }

    static Map<String, Object> collect(Collection<ClientDataContributor> contributors, TenantId tenant,
            ClientId client) {
        Map<String, Object> sections = new TreeMap<>();
        for (ClientDataContributor contributor : contributors) {
            String section = contributor.section();
            if (section == null || section.isBlank() || "crm".equals(section)) {
                throw new IllegalStateException(contributor.getClass().getName() + " names no usable section");
            }
            if (sections.containsKey(section)) {
                throw new IllegalStateException("Two contributors name the export section " + section);
            }
            Object data = contributor.export(tenant, client);
            sections.put(section, data);
        }
        return sections;
    }
}
