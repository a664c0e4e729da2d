/** The Lucene indexes of the tenants' knowledge: analysis, BM25 and vector search, snapshots. */
package com.zorahai.knowledge.index;
