/** Index snapshots in Google Cloud Storage ({@code FAISS_BUCKET_NAME}, {@code FAISS_INDEX_PREFIX}). */
package com.zorahai.knowledge.gcs;
