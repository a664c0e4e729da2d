package com.zorahai.intake;

import com.zorahai.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Intake read an inbound email and decided what to do with it. Published once per email, in the transaction that
 * records the outcome, so a listener gets it even after a crash; a redelivered email publishes nothing new.
 *
 * @param classification what the extractor read the email as: {@code new_travel_request}, {@code quote_reply},
 *        {@code support_request} or {@code automated}
 * @param outcome what intake did: {@code new_request}, {@code quote_reply}, {@code change_request}, {@code support},
 *        {@code automated} or {@code spam}
 * @param status where the request stands: {@code processed}, {@code needs_review} or {@code ignored}
 * @param engine the extractor that read it ({@code openai} or {@code rules}), {@code model} its model if any
 * @param doubtfulFields the fields read with too little confidence, empty when none
 * @param receivedAt when the email arrived, {@code parsedAt} when intake recorded the outcome
 */
public record InboundEmailParsed(TenantId tenantId, UUID inboundEmailId, String classification, String outcome,
        String status, String engine, String model, List<String> doubtfulFields, Instant receivedAt,
        Instant parsedAt) {

    public InboundEmailParsed {
        doubtfulFields = doubtfulFields == null ? List.of() : List.copyOf(doubtfulFields);
    }
}
