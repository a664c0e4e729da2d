/**
 * Knowledge: each tenant's documents, Q&A pairs and style guide, chunked and indexed with Lucene (BM25 by language,
 * plus vectors when embeddings are configured), with snapshots in object storage and a golden-set evaluation. The
 * helpdesk and the WhatsApp assistant answer from it through {@link com.zorahai.knowledge.Knowledge}.
 */
@ApplicationModule(allowedDependencies = {"platform", "tenancy", "ai"})
package com.zorahai.knowledge;

import org.springframework.modulith.ApplicationModule;
