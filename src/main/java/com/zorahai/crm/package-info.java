/**
 * CRM: the clients (contacts) of a tenant and the timeline of every interaction with each of them, with privacy
 * export and erasure.
 */
@ApplicationModule(allowedDependencies = {"platform", "tenancy", "identity"})
package com.zorahai.crm;

import org.springframework.modulith.ApplicationModule;
