/**
 * How intake works: the listener of inbound emails, the confidence rules, the actions (client, draft quote, timeline,
 * notification), the review queue with its corrections, and the {@code intake_requests} and
 * {@code intake_corrections} tables.
 */
package com.zorahai.intake.internal;
