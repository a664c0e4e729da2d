/**
 * The outbox of outbound email: rows written when an email is queued, claimed by a worker with {@code FOR UPDATE
 * SKIP LOCKED}, sent through an {@link com.zorahai.email.outbox.EmailSender} with backoff, and recorded attempt by
 * attempt.
 */
package com.zorahai.email.outbox;
