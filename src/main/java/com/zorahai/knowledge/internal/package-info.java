/** Knowledge storage, document reading, chunking, seeding, evaluation and the index lifecycle. */
package com.zorahai.knowledge.internal;
