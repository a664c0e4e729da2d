/**
 * The rules of booking: the provider port and its selection per tenant, the appointments table, reminders, the
 * waitlist, the link to the CRM.
 */
package com.zorahai.booking.internal;
