package com.zorahai.booking.web;

import com.zorahai.booking.internal.BookingService;
import com.zorahai.booking.web.BookingJson.AvailabilityResponse;
import com.zorahai.tenancy.CurrentTenant;
import java.time.LocalDate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Free slots of a service, in the clinic's time zone.
 */
@PreAuthorize("hasAnyRole('OWNER','ADMIN','CONSULTANT','AGENT')")
@RestController
class AvailabilityController {

    private final BookingService bookings;
    private final CurrentTenant currentTenant;

    AvailabilityController(BookingService bookings, CurrentTenant currentTenant) {
        this.bookings = bookings;
        this.currentTenant = currentTenant;
    }

    /**
     * Slots from {@code from} (default today) to {@code to} (default {@code from}), days in the clinic's zone; one
     * member of staff or room with {@code resource_id}.
     */
    @GetMapping("/api/v1/booking/availability")
    AvailabilityResponse availability(@RequestParam(name = "service_id") String serviceId,
            @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
            @RequestParam(name = "resource_id", required = false) String resourceId) {
        return AvailabilityResponse.of(bookings.availability(currentTenant.require(), serviceId, from, to,
                resourceId));
    }
}
