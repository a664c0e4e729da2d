package com.zorahai.telephony.twilio;

/**
 * Twilio refused a request or could not be reached.
 *
 * @param code Twilio's error code (e.g. 21631 address required), null when Twilio was not reached
 * @param status the HTTP status Twilio answered, null when it was not reached
 */
public class TwilioFailure extends RuntimeException {

    private final Integer code;
    private final Integer status;

    public TwilioFailure(Integer code, Integer status, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.status = status;
    }

    public Integer code() {
        return code;
    }

    public Integer status() {
        return status;
    }

    /** Twilio answered that the resource does not exist. */
    public boolean notFound() {
        return (status != null && status == 404) || (code != null && code == 20404);
    }
}
