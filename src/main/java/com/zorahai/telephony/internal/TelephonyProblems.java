package com.zorahai.telephony.internal;

import com.zorahai.platform.ProblemException;
import com.zorahai.telephony.twilio.TwilioFailure;
import com.zorahai.telephony.vapi.VapiFailure;
import org.springframework.http.HttpStatus;

/**
 * The problems telephony answers with. Details never carry a provider's own message or a credential.
 */
public final class TelephonyProblems {

    private TelephonyProblems() {
    }

    /** 503: the provider has no credentials, for the platform or this tenant. */
    public static ProblemException notConfigured(String provider) {
        return ProblemException.of(HttpStatus.SERVICE_UNAVAILABLE, "telephony-not-configured",
                "Telephony not configured",
                provider + " is not configured for this tenant; set its credentials to provision numbers.")
                .with("provider", provider.toLowerCase(java.util.Locale.ROOT));
    }

    /** 409: VAPI could not authenticate the webhook for a tenant with no secret. */
    public static ProblemException webhookSecretMissing() {
        return ProblemException.of(HttpStatus.CONFLICT, "telephony-webhook-secret-missing",
                "Webhook secret missing",
                "The tenant has no voice webhook secret (voice.webhook_secret), so VAPI's calls could not be "
                        + "accepted; the operator sets it in the tenant's configuration.");
    }

    /** A Twilio refusal, mapped by its error code. */
    public static ProblemException twilio(TwilioFailure failure) {
        Integer code = failure.code();
        ProblemException problem;
        if (code == null) {
            problem = ProblemException.of(HttpStatus.BAD_GATEWAY, "telephony-provider-unavailable",
                    "Telephony provider unavailable", "Twilio could not be reached; try again later.");
        } else if (code == 21631 || code == 21615) {
            problem = ProblemException.of(HttpStatus.UNPROCESSABLE_CONTENT, "address-required", "Address required",
                    "This number needs an address that meets its requirement; create one through "
                            + "/api/v1/telephony/addresses and pass its id as address_id.");
        } else if (code == 21649) {
            problem = ProblemException.of(HttpStatus.UNPROCESSABLE_CONTENT, "regulatory-bundle-required",
                    "Regulatory bundle required",
                    "This number needs an approved regulatory bundle; pass its SID as bundle_sid.");
        } else if (code == 21650) {
            problem = ProblemException.of(HttpStatus.UNPROCESSABLE_CONTENT, "identity-document-required",
                    "Identity document required",
                    "This number needs an identity document registered with Twilio.");
        } else if (code == 21422 || code == 21452) {
            problem = ProblemException.of(HttpStatus.CONFLICT, "number-unavailable", "Number unavailable",
                    "The number is no longer for sale; search again.");
        } else if (code == 20003 || code == 20005) {
            problem = ProblemException.of(HttpStatus.BAD_GATEWAY, "telephony-credentials-rejected",
                    "Telephony credentials rejected", "Twilio did not accept the account's credentials.");
        } else if (failure.notFound()) {
            problem = ProblemException.of(HttpStatus.NOT_FOUND, "telephony-resource-not-found",
                    "Not found at Twilio", "Twilio has no such resource.");
        } else if (failure.status() != null && failure.status() >= 500) {
            problem = ProblemException.of(HttpStatus.BAD_GATEWAY, "telephony-provider-unavailable",
                    "Telephony provider unavailable", "Twilio failed; try again later.");
        } else {
            problem = ProblemException.of(HttpStatus.UNPROCESSABLE_CONTENT, "twilio-rejected", "Twilio rejected",
                    "Twilio refused the request (error " + code + ").");
        }
        return code == null ? problem : problem.with("twilio_code", code);
    }

    /** A VAPI failure. */
    public static ProblemException vapi(VapiFailure failure) {
        if (failure.status() == null || failure.status() >= 500 || failure.status() == 429) {
            return ProblemException.of(HttpStatus.BAD_GATEWAY, "telephony-provider-unavailable",
                    "Telephony provider unavailable", "VAPI could not be reached or failed; try again later.");
        }
        if (failure.status() == 401 || failure.status() == 403) {
            return ProblemException.of(HttpStatus.BAD_GATEWAY, "telephony-credentials-rejected",
                    "Telephony credentials rejected", "VAPI did not accept the API key.");
        }
        return ProblemException.of(HttpStatus.UNPROCESSABLE_CONTENT, "vapi-rejected", "VAPI rejected",
                "VAPI refused the request (HTTP " + failure.status() + ").").with("vapi_status", failure.status());
    }
}
