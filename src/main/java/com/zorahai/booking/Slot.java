package com.zorahai.booking;

import java.time.ZonedDateTime;

/**
 * A free time a service can be booked at, in the tenant's time zone.
 *
 * @param resourceId the member of staff or room that is free (book with it to get exactly this slot); may be null
 *        when the clinic's API does not say
 */
public record Slot(ZonedDateTime start, ZonedDateTime end, String resourceId, String resourceName) {
}
