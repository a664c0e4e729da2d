package com.zorahai.telephony.vapi;

/**
 * VAPI refused a request or could not be reached.
 *
 * @param status the HTTP status VAPI answered; null when it was not reached
 */
public class VapiFailure extends RuntimeException {

    private final Integer status;

    public VapiFailure(Integer status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public Integer status() {
        return status;
    }

    public boolean notFound() {
        return status != null && status == 404;
    }

    /** VAPI answered 4xx other than 404/429: the request itself is wrong, trying again will not help. */
    public boolean rejected() {
        return status != null && status >= 400 && status < 500 && status != 404 && status != 408 && status != 429;
    }
}
