package com.zorahai.booking.clinicapi;

/**
 * A failed call to a clinic's API, counted by its circuit breaker. Carries the status only, never the response body
 * or the request's headers.
 */
class ClinicApiFailure extends RuntimeException {

    private final int status;

    ClinicApiFailure(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
