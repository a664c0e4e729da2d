/**
 * How tickets are kept: validation, the tables, the status lifecycle, business-hours SLA, replies through the
 * email outbox, and the listeners that follow the CRM's erasures and merges.
 */
package com.zorahai.tickets.internal;
