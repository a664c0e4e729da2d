/**
 * The booking API: services, availability, appointments, waitlist, and the built-in calendar's staff, rooms, hours
 * and closures.
 */
package com.zorahai.booking.web;
