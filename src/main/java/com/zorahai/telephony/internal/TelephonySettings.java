package com.zorahai.telephony.internal;

import com.zorahai.platform.ProblemException;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A tenant's telephony settings.
 *
 * @param callingHoursStart outbound calls start no earlier than this, in the callee's time zone
 * @param callingHoursEnd and end before this
 * @param callingDays the days outbound calls are placed on
 * @param businessHoursStart inbound calls inside business hours (tenant time zone) get the {@code inbound}
 *        assistant, outside them {@code after_hours} when the tenant has one
 * @param maxAttempts how often a queued call is tried, unless the entry says otherwise
 * @param retryBackoff the wait before the second attempt; each later wait is {@code retryBackoffMultiplier} times
 *        longer
 * @param storeTranscripts whether transcripts and summaries of calls are kept
 * @param liveTranscripts whether {@code transcript} messages during a call are kept (ignored otherwise)
 * @param twilioAccountSid the tenant's own Twilio (sub-)account, instead of the platform's
 * @param twilioAuthTokenEnv the environment variable holding that account's auth token ({@code TWILIO_...})
 * @param updatedAt when the tenant last changed them; null while the defaults apply
 */
public record TelephonySettings(LocalTime callingHoursStart, LocalTime callingHoursEnd, Set<DayOfWeek> callingDays,
        LocalTime businessHoursStart, LocalTime businessHoursEnd, Set<DayOfWeek> businessDays, int maxAttempts,
        Duration retryBackoff, BigDecimal retryBackoffMultiplier, boolean storeTranscripts, boolean liveTranscripts,
        String twilioAccountSid, String twilioAuthTokenEnv, Instant updatedAt) {

    static final Pattern ACCOUNT_SID = Pattern.compile("AC[0-9a-fA-F]{32}");
    static final Pattern TOKEN_ENV = Pattern.compile("TWILIO_[A-Z0-9_]{1,90}");

    public TelephonySettings {
        callingDays = callingDays.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(callingDays);
        businessDays = businessDays.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(businessDays);
    }

    static TelephonySettings defaults(TelephonyProperties.Defaults defaults) {
        return new TelephonySettings(defaults.callingHoursStart(), defaults.callingHoursEnd(),
                days(defaults.callingDays(), "zorah.telephony.defaults.calling-days"), defaults.businessHoursStart(),
                defaults.businessHoursEnd(), days(defaults.businessDays(), "zorah.telephony.defaults.business-days"),
                defaults.maxAttempts(), defaults.retryBackoff(), defaults.retryBackoffMultiplier(),
                defaults.storeTranscripts(), defaults.liveTranscripts(), null, null, null);
    }

    /** Whether the tenant calls Twilio with an account of its own. */
    public boolean ownTwilioAccount() {
        return twilioAccountSid != null;
    }

    /** Days as {@code MON,TUE,...}, or full names, in any case; a 400 naming {@code field} otherwise. */
    static Set<DayOfWeek> days(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidField(field, "must name at least one day, e.g. MON,TUE,WED");
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : value.split(",")) {
            days.add(day(part.trim(), field));
        }
        return days;
    }

    public static Set<DayOfWeek> days(List<String> values, String field) {
        if (values == null || values.isEmpty()) {
            throw ProblemException.invalidField(field, "must name at least one day, e.g. [\"MON\",\"TUE\"]");
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String value : values) {
            days.add(day(value == null ? "" : value.trim(), field));
        }
        return days;
    }

    private static DayOfWeek day(String value, String field) {
        String upper = value.toUpperCase(Locale.ROOT);
        return Arrays.stream(DayOfWeek.values())
                .filter(d -> d.name().equals(upper) || (upper.length() == 3 && d.name().startsWith(upper)))
                .findFirst()
                .orElseThrow(() -> ProblemException.invalidField(field, "has an unknown day; use MON to SUN"));
    }

    /** {@code MON,TUE,...} in week order. */
    static String format(Set<DayOfWeek> days) {
        return days.stream().sorted().map(d -> d.name().substring(0, 3)).collect(Collectors.joining(","));
    }

    /** The same days as three-letter names in week order, for JSON. */
    static List<String> names(Set<DayOfWeek> days) {
        return days.stream().sorted().map(d -> d.name().substring(0, 3)).toList();
    }
}
