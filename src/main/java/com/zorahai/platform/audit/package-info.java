/**
 * The PII audit: who read or changed which personal record, when and from where, written for every API request to a
 * PII resource when {@code PII_AUDIT_ENABLED=true}.
 */
package com.zorahai.platform.audit;
