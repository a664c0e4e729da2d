package com.zorahai.telephony.web;

import com.zorahai.telephony.internal.AddressRecord;
import com.zorahai.telephony.internal.CallRecord;
import com.zorahai.telephony.internal.DoNotCallList;
import com.zorahai.telephony.internal.PhoneNumberRecord;
import com.zorahai.telephony.internal.Provisioning;
import com.zorahai.telephony.internal.QueueEntry;
import com.zorahai.telephony.internal.TelephonySettings;
import com.zorahai.telephony.twilio.AvailableNumber;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The JSON shapes of the telephony API (snake_case on the wire).
 */
final class TelephonyJson {

    private TelephonyJson() {
    }

    record AvailableNumbers(List<AvailableNumber> items, String country, String type) {
    }

    record PurchaseRequest(String phoneNumber, String country, String type, String addressId, String bundleSid,
            String friendlyName, String assistant) {
    }

    record AssistantChange(String assistant) {
    }

    record NumberView(UUID id, String phoneNumber, String country, String type, String friendlyName, String status,
            String assistant, String assistantId, String vapiPhoneNumberId, String vapiStatus, boolean vapiSynced,
            String twilioSid, UUID addressId, String bundleSid, String lastError, Instant createdAt,
            Instant updatedAt) {

        static NumberView of(Provisioning.NumberWithAssistant n) {
            PhoneNumberRecord r = n.number();
            return new NumberView(r.id(), r.phoneNumber(), r.isoCountry(), r.numberType(), r.friendlyName(),
                    r.status(), r.assistantKey(), n.assistantId(), r.vapiPhoneNumberId(), n.vapiStatus(),
                    n.vapiSynced(), r.twilioSid(), r.addressId(), r.bundleSid(), r.lastError(), r.createdAt(),
                    r.updatedAt());
        }
    }

    record AddressRequest(String customerName, String street, String streetSecondary, String city, String region,
            String postalCode, String isoCountry, String friendlyName, Boolean emergencyEnabled) {
    }

    record AddressView(UUID id, String twilioSid, String customerName, String street, String streetSecondary,
            String city, String region, String postalCode, String isoCountry, String friendlyName,
            boolean emergencyEnabled, Boolean validated, Boolean verified, Instant createdAt, Instant refreshedAt) {

        static AddressView of(AddressRecord a) {
            return new AddressView(a.id(), a.twilioSid(), a.customerName(), a.street(), a.streetSecondary(),
                    a.city(), a.region(), a.postalCode(), a.isoCountry(), a.friendlyName(), a.emergencyEnabled(),
                    a.validated(), a.verified(), a.createdAt(), a.refreshedAt());
        }
    }

    record SettingsView(String callingHoursStart, String callingHoursEnd, List<String> callingDays,
            String businessHoursStart, String businessHoursEnd, List<String> businessDays, int maxAttempts,
            long retryBackoffMinutes, BigDecimal retryBackoffMultiplier, boolean storeTranscripts,
            boolean liveTranscripts, String twilioAccountSid, String twilioAuthTokenEnv, boolean twilioConfigured,
            boolean vapiConfigured, String webhookUrl, boolean webhookSecretSet, Map<String, Boolean> assistants,
            boolean defaults, Instant updatedAt) {
    }

    record SettingsRequest(String callingHoursStart, String callingHoursEnd, List<String> callingDays,
            String businessHoursStart, String businessHoursEnd, List<String> businessDays, Integer maxAttempts,
            Long retryBackoffMinutes, BigDecimal retryBackoffMultiplier, Boolean storeTranscripts,
            Boolean liveTranscripts, String twilioAccountSid, String twilioAuthTokenEnv) {
    }

    /** A call in a list: the caller's number masked, no transcript or summary. */
    record CallSummary(UUID id, String direction, String status, String phoneNumber, String callerMasked,
            UUID clientId, Instant startedAt, Instant endedAt, Integer durationSeconds, String endedReason,
            String outcome, Amount cost, boolean hasTranscript, boolean hasRecording, UUID queueEntryId,
            boolean erased) {

        static CallSummary of(CallRecord c) {
            return new CallSummary(c.id(), c.direction(), c.status(), c.phoneNumber(), mask(c.caller()),
                    c.clientId(), c.startedAt(), c.endedAt(), c.durationSeconds(), c.endedReason(), c.outcome(),
                    Amount.of(c), c.transcript() != null || c.turns() != null, c.recordingUrl() != null,
                    c.queueEntryId(), c.erasedAt() != null);
        }
    }

    /** A call in full: its transcript and what the assistant made of it. */
    record CallDetail(UUID id, String vapiCallId, String direction, String status, UUID phoneNumberId,
            String phoneNumber, String caller, UUID clientId, String assistantId, Instant startedAt, Instant endedAt,
            Integer durationSeconds, String endedReason, String outcome, Amount cost, String transcript,
            List<Map<String, Object>> turns, List<Map<String, Object>> liveTranscript, String summary,
            Map<String, Object> structuredData, String successEvaluation, String recordingUrl, UUID queueEntryId,
            Instant reportReceivedAt, Instant erasedAt, Instant createdAt) {

        static CallDetail of(CallRecord c) {
            return new CallDetail(c.id(), c.vapiCallId(), c.direction(), c.status(), c.phoneNumberId(),
                    c.phoneNumber(), c.caller(), c.clientId(), c.assistantId(), c.startedAt(), c.endedAt(),
                    c.durationSeconds(), c.endedReason(), c.outcome(), Amount.of(c), c.transcript(), c.turns(),
                    c.liveTranscript(), c.summary(), c.structuredData(), c.successEvaluation(), c.recordingUrl(),
                    c.queueEntryId(), c.reportReceivedAt(), c.erasedAt(), c.createdAt());
        }
    }

    record QueueRequest(String clientId, String phoneNumber, String purpose, String assistant, String timeZone,
            Instant earliestAt, Instant latestAt, Integer maxAttempts) {
    }

    record QueueView(UUID id, UUID clientId, String phoneNumber, String purpose, String assistant, String timeZone,
            Instant earliestAt, Instant latestAt, Instant nextAttemptAt, int attempts, int maxAttempts, String status,
            String lastOutcome, String lastError, UUID callRecordId, UUID callbackRequestId, Instant createdAt,
            Instant updatedAt) {

        static QueueView of(QueueEntry e) {
            return new QueueView(e.id(), e.clientId(), e.phoneNumber(), e.purpose(), e.assistantKey(), e.timeZone(),
                    e.earliestAt(), e.latestAt(), e.nextAttemptAt(), e.attempts(), e.maxAttempts(), e.status(),
                    e.lastOutcome(), e.lastError(), e.callRecordId(), e.callbackRequestId(), e.createdAt(),
                    e.updatedAt());
        }
    }

    /** An amount of money: {@code {"amount": 0.1873, "currency": "USD"}}. */
    record Amount(BigDecimal amount, String currency) {

        static Amount of(CallRecord c) {
            return c.cost().map(m -> new Amount(m.amount(), m.currency().getCurrencyCode())).orElse(null);
        }
    }

    record DncRequest(String phoneNumber, String reason) {
    }

    record DncView(UUID id, String phoneNumber, String reason, String source, Instant createdAt) {

        static DncView of(DoNotCallList.Entry e) {
            return new DncView(e.id(), e.phoneNumber(), e.reason(), e.source(), e.createdAt());
        }
    }

    static SettingsView settings(TelephonySettings s, boolean twilioConfigured, boolean vapiConfigured,
            String webhookUrl, boolean secretSet, Map<String, Boolean> assistants) {
        return new SettingsView(s.callingHoursStart().toString(), s.callingHoursEnd().toString(),
                days(s.callingDays()), s.businessHoursStart().toString(), s.businessHoursEnd().toString(),
                days(s.businessDays()), s.maxAttempts(), s.retryBackoff().toMinutes(), s.retryBackoffMultiplier(),
                s.storeTranscripts(), s.liveTranscripts(), s.twilioAccountSid(), s.twilioAuthTokenEnv(),
                twilioConfigured, vapiConfigured, webhookUrl, secretSet, assistants, s.updatedAt() == null,
                s.updatedAt());
    }

    private static List<String> days(java.util.Set<java.time.DayOfWeek> days) {
        return days.stream().sorted().map(d -> d.name().substring(0, 3)).toList();
    }

    /** {@code +27•••••4567}: country code and the last four digits. */
    static String mask(String phone) {
        if (phone == null) {
            return null;
        }
        if (phone.length() <= 6) {
            return "•".repeat(phone.length());
        }
        int keepStart = phone.startsWith("+") ? 3 : 0;
        return phone.substring(0, keepStart) + "•".repeat(phone.length() - keepStart - 4)
                + phone.substring(phone.length() - 4);
    }
}
