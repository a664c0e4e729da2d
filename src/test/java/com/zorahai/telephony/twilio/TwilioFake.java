package com.zorahai.telephony.twilio;

/**
 * Twilio API responses as Twilio documents them, for WireMock stubs.
 */
public final class TwilioFake {

    public static final String ACCOUNT = "AC" + "0123456789abcdef0123456789abcdef";
    public static final String TOKEN = "twilio-test-token";
    public static final String API = "/2010-04-01/Accounts/" + ACCOUNT;

    private TwilioFake() {
    }

    public static String available(String type, String... numbers) {
        StringBuilder items = new StringBuilder();
        for (String number : numbers) {
            if (items.length() > 0) {
                items.append(',');
            }
            items.append("""
                    {"friendly_name": "(415) %s-%s", "phone_number": "%s", "lata": "722",
                     "rate_center": "SNFC CA", "latitude": "37.780000", "longitude": "-122.420000",
                     "locality": "San Francisco", "region": "CA", "postal_code": "94103", "iso_country": "US",
                     "address_requirements": "none", "beta": false,
                     "capabilities": {"voice": true, "SMS": true, "MMS": true, "fax": false}}"""
                    .formatted(number.substring(5, 8), number.substring(8), number));
        }
        return """
                {"available_phone_numbers": [%s], "end": 1, "first_page_uri": "%s/AvailablePhoneNumbers/US/%s.json?PageSize=20&Page=0",
                 "next_page_uri": null, "page": 0, "page_size": 20, "previous_page_uri": null, "start": 0,
                 "uri": "%s/AvailablePhoneNumbers/US/%s.json?PageSize=20&Page=0"}"""
                .formatted(items, API, type, API, type);
    }

    public static String incomingNumber(String sid, String number) {
        return """
                {"account_sid": "%s", "address_requirements": "none", "address_sid": null, "api_version": "2010-04-01",
                 "beta": false, "capabilities": {"voice": true, "sms": true, "mms": true, "fax": false},
                 "date_created": "Mon, 23 Nov 2026 10:00:00 +0000", "date_updated": "Mon, 23 Nov 2026 10:00:00 +0000",
                 "emergency_status": "Inactive", "emergency_address_sid": null, "emergency_address_status": "unregistered",
                 "friendly_name": "Front desk", "identity_sid": null, "origin": "twilio", "phone_number": "%s",
                 "sid": "%s", "sms_application_sid": "", "sms_fallback_method": "POST", "sms_fallback_url": "",
                 "sms_method": "POST", "sms_url": "", "status_callback": "", "status_callback_method": "POST",
                 "trunk_sid": null, "uri": "%s/IncomingPhoneNumbers/%s.json", "voice_receive_mode": "voice",
                 "voice_application_sid": null, "voice_caller_id_lookup": false, "voice_fallback_method": "POST",
                 "voice_fallback_url": null, "voice_method": "POST", "voice_url": null, "bundle_sid": null,
                 "voice_url": null, "status": "in-use", "subresource_uris": {}}"""
                .formatted(ACCOUNT, number, sid, API, sid);
    }

    public static String address(String sid, boolean validated, boolean verified) {
        return """
                {"account_sid": "%s", "city": "London", "customer_name": "Acme Travel Ltd",
                 "date_created": "Mon, 23 Nov 2026 10:00:00 +0000", "date_updated": "Mon, 23 Nov 2026 10:00:00 +0000",
                 "emergency_enabled": false, "friendly_name": "Head office", "iso_country": "GB",
                 "postal_code": "EC1A 1BB", "region": "London", "sid": "%s", "street": "1 King Street",
                 "street_secondary": "Floor 2", "validated": %s, "verified": %s,
                 "uri": "%s/Addresses/%s.json"}"""
                .formatted(ACCOUNT, sid, validated, verified, API, sid);
    }

    public static String error(int code, String message, int status) {
        return """
                {"code": %d, "message": "%s", "more_info": "https://www.twilio.com/docs/errors/%d", "status": %d}"""
                .formatted(code, message, code, status);
    }
}
