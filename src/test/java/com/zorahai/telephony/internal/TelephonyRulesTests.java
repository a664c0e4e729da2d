package com.zorahai.telephony.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The small rules of telephony: retries, outcomes, phone numbers, the assistant for the time of day, settings.
 */
class TelephonyRulesTests {

    @Test
    void retriesBackOffByTheMultiplierUpToTheMaximum() {
        RetryPolicy policy = new RetryPolicy(Duration.ofHours(1), new BigDecimal("2"), Duration.ofHours(6));
        assertThat(policy.delayAfter(1)).isEqualTo(Duration.ofHours(1));
        assertThat(policy.delayAfter(2)).isEqualTo(Duration.ofHours(2));
        assertThat(policy.delayAfter(3)).isEqualTo(Duration.ofHours(4));
        assertThat(policy.delayAfter(4)).isEqualTo(Duration.ofHours(6));
        assertThat(policy.delayAfter(30)).isEqualTo(Duration.ofHours(6));
        assertThat(new RetryPolicy(Duration.ofMinutes(10), new BigDecimal("1.5"), Duration.ofDays(1)).delayAfter(2))
                .isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void outcomesComeFromTheAssistantOrTheEndedReason() {
        assertThat(CallOutcomes.of("customer-did-not-answer", null)).isEqualTo(CallOutcomes.NO_ANSWER);
        assertThat(CallOutcomes.of("customer-busy", null)).isEqualTo(CallOutcomes.BUSY);
        assertThat(CallOutcomes.of("voicemail", null)).isEqualTo(CallOutcomes.VOICEMAIL);
        assertThat(CallOutcomes.of("twilio-failed-to-connect-call", null)).isEqualTo(CallOutcomes.FAILED);
        assertThat(CallOutcomes.of("pipeline-error-openai-llm-failed", null)).isEqualTo(CallOutcomes.FAILED);
        assertThat(CallOutcomes.of("customer-ended-call", null)).isEqualTo(CallOutcomes.COMPLETED);
        assertThat(CallOutcomes.of("assistant-ended-call", "Refused")).isEqualTo(CallOutcomes.REFUSED);
        assertThat(CallOutcomes.of("customer-ended-call", "no-answer")).isEqualTo(CallOutcomes.NO_ANSWER);
        assertThat(CallOutcomes.of("customer-ended-call", "something else")).isEqualTo(CallOutcomes.COMPLETED);
        assertThat(CallOutcomes.of(null, null)).isEqualTo(CallOutcomes.COMPLETED);
        assertThat(CallOutcomes.isFinal(CallOutcomes.REFUSED)).isTrue();
        assertThat(CallOutcomes.isFinal(CallOutcomes.VOICEMAIL)).isFalse();
    }

    @Test
    void phonesAreE164WithTheirTimeZones() {
        assertThat(Phones.parseE164("+27 82 555 0111")).hasValue("+27825550111");
        assertThat(Phones.parseE164("0825550111")).isEmpty();
        assertThat(Phones.parseE164("+1 000")).isEmpty();
        assertThat(Phones.country("+442071838750")).hasValue("GB");
        assertThat(Phones.timeZones("+12125551234")).containsExactly(ZoneId.of("America/New_York"));
        assertThat(Phones.timeZones("+27825550111")).containsExactly(ZoneId.of("Africa/Johannesburg"));
        assertThat(Phones.timeZones("nope")).isEmpty();
        assertThatThrownBy(() -> Phones.e164("12", "phone_number")).isInstanceOfSatisfying(ProblemException.class,
                p -> assertThat(p.detail()).startsWith("phone_number:"));
    }

    @Test
    void theAssistantFollowsTheTenantsBusinessHours() {
        Tenant tenant = tenant(Map.of("inbound", "a-in", "after_hours", "a-after", "sales", "a-sales"));
        TelephonySettings settings = settings(LocalTime.of(8, 0), LocalTime.of(17, 0),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
        // Wednesday 10:00 and 18:00 in Johannesburg
        assertThat(Assistants.forInbound(tenant, settings, null, Instant.parse("2026-11-25T08:00:00Z")))
                .hasValue(new Assistants.Choice("inbound", "a-in"));
        assertThat(Assistants.forInbound(tenant, settings, null, Instant.parse("2026-11-25T16:00:00Z")))
                .hasValue(new Assistants.Choice("after_hours", "a-after"));
        // Saturday morning
        assertThat(Assistants.forInbound(tenant, settings, null, Instant.parse("2026-11-28T08:00:00Z")))
                .hasValue(new Assistants.Choice("after_hours", "a-after"));
        assertThat(Assistants.forInbound(tenant, settings, "sales", Instant.parse("2026-11-28T08:00:00Z")))
                .hasValue(new Assistants.Choice("sales", "a-sales"));
        Tenant onlyInbound = tenant(Map.of("inbound", "a-in"));
        assertThat(Assistants.forInbound(onlyInbound, settings, null, Instant.parse("2026-11-28T08:00:00Z")))
                .hasValue(new Assistants.Choice("inbound", "a-in"));
        assertThat(Assistants.forInbound(tenant(Map.of()), settings, null, Instant.now())).isEmpty();
        assertThatThrownBy(() -> Assistants.requireKey(tenant, "nope", "assistant"))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.detail())
                        .contains("after_hours, inbound, sales"));
    }

    @Test
    void settingsAreCheckedAsAWhole() {
        TelephonySettings good = settings(LocalTime.of(8, 0), LocalTime.of(17, 0), EnumSet.of(DayOfWeek.MONDAY));
        TelephonySettingsStore.check(good);
        assertThatThrownBy(() -> TelephonySettingsStore.check(settings(LocalTime.of(17, 0), LocalTime.of(8, 0),
                EnumSet.of(DayOfWeek.MONDAY)))).isInstanceOfSatisfying(ProblemException.class,
                        p -> assertThat(p.detail()).startsWith("business_hours_end"));
        assertThatThrownBy(() -> TelephonySettingsStore.check(new TelephonySettings(LocalTime.of(9, 0),
                LocalTime.of(20, 0), EnumSet.of(DayOfWeek.MONDAY), LocalTime.of(8, 0), LocalTime.of(17, 0),
                EnumSet.of(DayOfWeek.MONDAY), 3, Duration.ofHours(1), BigDecimal.TWO, true, false,
                "AC" + "a".repeat(32), null, null))).isInstanceOfSatisfying(ProblemException.class,
                        p -> assertThat(p.detail()).startsWith("twilio_auth_token_env"));
        assertThat(TelephonySettings.days(List.of("mon", "Tuesday", "SUN"), "days"))
                .containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.SUNDAY);
        assertThatThrownBy(() -> TelephonySettings.days(List.of("someday"), "calling_days"))
                .isInstanceOf(ProblemException.class);
    }

    private static TelephonySettings settings(LocalTime start, LocalTime end, Set<DayOfWeek> days) {
        return new TelephonySettings(LocalTime.of(9, 0), LocalTime.of(20, 0), EnumSet.allOf(DayOfWeek.class), start,
                end, days, 3, Duration.ofHours(1), BigDecimal.TWO, true, false, null, null, null);
    }

    private static Tenant tenant(Map<String, String> assistants) {
        return new Tenant(TenantId.of("rules-test"), "Rules", Currency.getInstance("ZAR"),
                ZoneId.of("Africa/Johannesburg"), Locale.ENGLISH, Set.of(), null, null, null, null,
                new Tenant.Voice(assistants, "secret"), null, null, null, null, Tenant.Source.FILE);
    }
}
