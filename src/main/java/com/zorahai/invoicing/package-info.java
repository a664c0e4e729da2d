/**
 * Invoicing: invoices made from accepted quotes or on their own, gap-free numbering, travellers with encrypted
 * passport data, payments, overdue reminders, and the invoice PDF and email.
 */
@ApplicationModule(allowedDependencies = {"platform", "tenancy", "identity", "crm", "quoting", "documents", "email"})
package com.zorahai.invoicing;

import org.springframework.modulith.ApplicationModule;
