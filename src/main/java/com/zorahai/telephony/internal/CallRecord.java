package com.zorahai.telephony.internal;

import com.zorahai.platform.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A row of {@code call_records}.
 *
 * @param status VAPI's last status ({@code ringing}, {@code in-progress}, {@code ended}); {@code ended} once the
 *        report is in
 * @param caller the other party's number (the caller of an inbound call, the callee of an outbound one)
 * @param turns the transcript as speaker turns, {@code speaker}, {@code text}, {@code seconds_from_start}
 * @param liveTranscript final {@code transcript} messages received during the call, when the tenant keeps them
 */
public record CallRecord(UUID id, String tenantId, String vapiCallId, UUID phoneNumberId, String phoneNumber,
        String direction, String caller, UUID clientId, UUID queueEntryId, String assistantId, String status,
        Instant startedAt, Instant endedAt, Integer durationSeconds, String endedReason, String outcome,
        BigDecimal costAmount, String costCurrency, String transcript, List<Map<String, Object>> turns,
        List<Map<String, Object>> liveTranscript,
        String summary, Map<String, Object> structuredData, String successEvaluation, String recordingUrl,
        Instant reportReceivedAt, Instant erasedAt, Instant createdAt) {

    /** What VAPI charged for the call, when it said. */
    public Optional<Money> cost() {
        return costAmount == null || costCurrency == null
                ? Optional.empty()
                : Optional.of(Money.of(costAmount, Currency.getInstance(costCurrency)));
    }
}
