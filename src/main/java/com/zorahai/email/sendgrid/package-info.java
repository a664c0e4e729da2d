/**
 * SendGrid v3 Mail Send through {@code sendgrid-java}: the sender of the outbox, with the tenant's key or the
 * platform's master key, behind a circuit breaker.
 */
package com.zorahai.email.sendgrid;
