package com.zorahai.telephony.internal;

import java.util.Locale;
import java.util.Set;

/**
 * What a call came to, for the queue and the timeline: {@code completed} and {@code refused} end a queued call;
 * {@code no_answer}, {@code busy}, {@code voicemail} and {@code failed} are tried again while attempts remain.
 */
public final class CallOutcomes {

    public static final String COMPLETED = "completed";
    public static final String REFUSED = "refused";
    public static final String NO_ANSWER = "no_answer";
    public static final String BUSY = "busy";
    public static final String VOICEMAIL = "voicemail";
    public static final String FAILED = "failed";

    static final Set<String> ALL = Set.of(COMPLETED, REFUSED, NO_ANSWER, BUSY, VOICEMAIL, FAILED);
    static final Set<String> FINAL = Set.of(COMPLETED, REFUSED);

    private CallOutcomes() {
    }

    /**
     * The outcome: the assistant's structured {@code outcome} when it names one, else read from VAPI's ended
     * reason.
     */
    public static String of(String endedReason, Object structuredOutcome) {
        if (structuredOutcome instanceof String declared) {
            String normalized = declared.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
            if (ALL.contains(normalized)) {
                return normalized;
            }
        }
        if (endedReason == null || endedReason.isBlank()) {
            return COMPLETED;
        }
        String reason = endedReason.toLowerCase(Locale.ROOT);
        if (reason.contains("did-not-answer") || reason.contains("no-answer")) {
            return NO_ANSWER;
        }
        if (reason.contains("busy")) {
            return BUSY;
        }
        if (reason.contains("voicemail")) {
            return VOICEMAIL;
        }
        if (reason.contains("error") || reason.contains("failed") || reason.startsWith("pipeline-")
                || reason.contains("fault") || reason.contains("unavailable")) {
            return FAILED;
        }
        return COMPLETED;
    }

    public static boolean isFinal(String outcome) {
        return FINAL.contains(outcome);
    }
}
