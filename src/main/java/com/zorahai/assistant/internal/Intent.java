package com.zorahai.assistant.internal;

import java.util.Locale;

/** What a customer's message asks for, as the keyword rules read it. */
enum Intent {
    HUMAN, CANCEL, RESCHEDULE, BOOKING, PRICES, HOURS, LOCATION, THANKS, GREETING,
    /** Anything else: answered from the clinic's knowledge. */
    QUESTION;

    String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
