package com.zorahai.crm;

import java.time.Instant;

/**
 * What a client agreed to be contacted about, and when each answer was last given (null when never asked).
 */
public record Consents(Consent marketingEmail, Consent marketingWhatsapp, Consent marketingSms,
        Consent marketingCalls) {

    /** Nothing asked yet: every channel refused. */
    public static final Consents NONE = new Consents(Consent.NOT_GIVEN, Consent.NOT_GIVEN, Consent.NOT_GIVEN,
            Consent.NOT_GIVEN);

    /** One consent: granted or not, and when the client last said so. */
    public record Consent(boolean granted, Instant updatedAt) {

        public static final Consent NOT_GIVEN = new Consent(false, null);
    }
}
