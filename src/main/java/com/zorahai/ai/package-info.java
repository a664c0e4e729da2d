/**
 * AI: structured extraction of travel requests from email, through OpenAI when a key is set and a local rule-based
 * extractor otherwise or whenever the model fails.
 */
@ApplicationModule(allowedDependencies = {"platform", "tenancy"})
package com.zorahai.ai;

import org.springframework.modulith.ApplicationModule;
