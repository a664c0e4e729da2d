/**
 * Inbound email from SendGrid Inbound Parse: decoding of the parsed and raw posts, the per-tenant secret, and the
 * {@code inbound_emails} table that stores each message once.
 */
package com.zorahai.email.inbound;
