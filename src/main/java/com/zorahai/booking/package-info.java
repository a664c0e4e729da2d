/**
 * Booking: the services, availability and appointments of a clinic, through the clinic's own booking API or a
 * built-in calendar, with reminders, no-shows and a waitlist.
 */
@ApplicationModule(allowedDependencies = {"platform", "tenancy", "crm"})
package com.zorahai.booking;

import org.springframework.modulith.ApplicationModule;
