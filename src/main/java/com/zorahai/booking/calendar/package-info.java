/**
 * The built-in calendar: services, staff and rooms, working hours, closures and slots, kept in PostgreSQL.
 */
package com.zorahai.booking.calendar;
