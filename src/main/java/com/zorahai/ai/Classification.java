package com.zorahai.ai;

/** What kind of email it is. */
public enum Classification {
    /** Someone asks for a trip to be quoted. */
    NEW_TRAVEL_REQUEST,
    /** An answer to a quote we sent (it names a quote reference or quotes our mail). */
    QUOTE_REPLY,
    /** A question or problem about an existing booking or the service. */
    SUPPORT_REQUEST,
    /** Auto-replies, notifications, newsletters and spam. */
    AUTOMATED
}
