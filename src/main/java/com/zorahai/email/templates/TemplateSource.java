package com.zorahai.email.templates;

import com.zorahai.tenancy.TenantId;
import java.util.Optional;

/**
 * Where template sources come from: the tenant's own template of that name, if any.
 */
@FunctionalInterface
interface TemplateSource {

    Optional<String> find(TenantId tenant, String name);
}
