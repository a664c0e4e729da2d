package com.zorahai.telephony.twilio;

/**
 * The Twilio account a tenant provisions through: the platform's, or a sub-account of the tenant's own.
 */
public record TwilioAccount(String accountSid, String authToken) {

    @Override
    public String toString() {
        return "TwilioAccount[" + accountSid + "]";
    }
}
