/**
 * AI: one gateway to language models: structured extraction of travel requests from email (OpenAI, or local rules
 * otherwise and whenever the model fails), chat completions and embeddings (present only when OpenAI is configured).
 */
@ApplicationModule(allowedDependencies = {"platform", "tenancy"})
package com.zorahai.ai;

import org.springframework.modulith.ApplicationModule;
