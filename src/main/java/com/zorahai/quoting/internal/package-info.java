/**
 * How quotes are kept: field rules, line pricing and totals, numbering, revisions and their differences, accept
 * tokens, the expiry job, pricing stays into drafts, and the quoting part of client exports and erasure.
 */
package com.zorahai.quoting.internal;
