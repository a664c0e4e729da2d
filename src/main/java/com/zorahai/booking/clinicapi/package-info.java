/**
 * The clinic's own booking system over its REST API (JSON, bearer token): services, availability, and appointments
 * created with an idempotency key, cancelled and rescheduled.
 */
package com.zorahai.booking.clinicapi;
