/**
 * Tickets: inbound support requests from email, WhatsApp, phone and the helpdesk, with status, priority, assignee,
 * an SLA due time from the tenant's business hours, and replies threaded into the requester's mailbox.
 */
@ApplicationModule(allowedDependencies = {"platform", "tenancy", "identity", "crm", "email", "helpdesk"})
package com.zorahai.tickets;

import org.springframework.modulith.ApplicationModule;
