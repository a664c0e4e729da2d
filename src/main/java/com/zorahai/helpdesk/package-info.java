/**
 * Helpdesk: chat sessions with customers, answered from the tenant's knowledge with citations (an LLM when OpenAI
 * is configured, the best Q&A pair or passage otherwise), with a hand-over to the team when the knowledge has no
 * answer. Staff use the API; customers a public endpoint guarded by the tenant's public key and per-address limits.
 */
@ApplicationModule(allowedDependencies = {"platform", "tenancy", "identity", "knowledge", "ai"})
package com.zorahai.helpdesk;

import org.springframework.modulith.ApplicationModule;
