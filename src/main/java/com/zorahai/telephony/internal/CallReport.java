package com.zorahai.telephony.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What an {@code end-of-call-report} says about a call, read from VAPI's message.
 *
 * @param direction {@code inbound}, {@code outbound} or {@code web}
 * @param customerNumber the other party's number, E.164 when VAPI gives one
 * @param costUsd what VAPI charged, in USD
 * @param turns the transcript as speaker turns
 */
public record CallReport(String vapiCallId, String direction, String vapiPhoneNumberId, String phoneNumber,
        String customerNumber, String assistantId, Instant startedAt, Instant endedAt, Integer durationSeconds,
        String endedReason, String outcome, BigDecimal costUsd, String transcript, List<Turn> turns, String summary,
        Map<String, Object> structuredData, String successEvaluation, String recordingUrl, boolean doNotCall) {

    /**
     * One speaker turn.
     *
     * @param speaker {@code customer} or {@code assistant}
     * @param secondsFromStart when it began, from the start of the call
     */
    public record Turn(String speaker, String text, BigDecimal secondsFromStart) {
    }
}
