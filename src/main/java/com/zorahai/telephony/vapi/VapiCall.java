package com.zorahai.telephony.vapi;

/**
 * A call as VAPI holds it.
 *
 * @param status {@code queued}, {@code ringing}, {@code in-progress}, {@code forwarding} or {@code ended}
 * @param endedReason why it ended, once it has
 */
public record VapiCall(String id, String status, String endedReason) {

    public boolean ended() {
        return "ended".equals(status);
    }
}
