package com.zorahai.telephony.vapi;

/**
 * A Twilio number to import into VAPI, answered through our webhook.
 *
 * @param assistantId the assistant answering it; null to choose one per call through {@code assistant-request}
 * @param serverUrl where VAPI posts the call's messages
 * @param serverSecret sent by VAPI as {@code X-Vapi-Secret} with every message
 */
public record VapiNumberImport(String number, String twilioAccountSid, String twilioAuthToken, String name,
        String assistantId, String serverUrl, String serverSecret, int timeoutSeconds) {

    @Override
    public String toString() {
        return "VapiNumberImport[" + number + "]";
    }
}
