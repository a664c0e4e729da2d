/**
 * The clients API under {@code /api/v1/clients}: records, search, upsert, merge, timeline, privacy export and
 * erasure. JSON fields are snake_case.
 */
package com.zorahai.crm.web;
