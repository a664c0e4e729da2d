/**
 * The tickets API under {@code /api/v1/tickets}: tickets, their replies, and the tenant's business hours and
 * response times. JSON fields are snake_case.
 */
package com.zorahai.tickets.web;
