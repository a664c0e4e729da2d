/**
 * Pricing: hotel rates and flight prices from BigQuery when configured, from PostgreSQL otherwise, and the pricing of
 * a stay night by night.
 */
@ApplicationModule(allowedDependencies = {"platform", "tenancy"})
package com.zorahai.pricing;

import org.springframework.modulith.ApplicationModule;
