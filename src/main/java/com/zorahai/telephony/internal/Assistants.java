package com.zorahai.telephony.internal;

import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.Tenant;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.util.StringUtils;

/**
 * The tenant's VAPI assistants, named by the keys of {@code voice.assistant_ids} in its configuration
 * ({@code inbound}, {@code after_hours}, {@code outbound}, ...).
 */
public final class Assistants {

    public static final String INBOUND = "inbound";
    public static final String AFTER_HOURS = "after_hours";
    public static final String OUTBOUND = "outbound";

    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    private Assistants() {
    }

    /** An assistant key and the VAPI assistant id it names. */
    public record Choice(String key, String assistantId) {
    }

    /** The assistant id the key names, when the tenant has one. */
    public static Optional<String> id(Tenant tenant, String key) {
        if (key == null || tenant.voice() == null || tenant.voice().assistantIds() == null) {
            return Optional.empty();
        }
        String id = tenant.voice().assistantIds().get(key);
        return StringUtils.hasText(id) ? Optional.of(id.trim()) : Optional.empty();
    }

    /** The key when the tenant has an assistant under it; a 400 naming {@code field} otherwise. */
    public static String requireKey(Tenant tenant, String key, String field) {
        if (key == null || !KEY.matcher(key).matches() || id(tenant, key).isEmpty()) {
            Map<String, String> ids = tenant.voice() == null || tenant.voice().assistantIds() == null
                    ? Map.of()
                    : tenant.voice().assistantIds();
            String known = ids.entrySet().stream().filter(e -> StringUtils.hasText(e.getValue()))
                    .map(Map.Entry::getKey).sorted().reduce((a, b) -> a + ", " + b).orElse("none configured");
            throw ProblemException.invalidField(field, "must be one of the tenant's assistants (" + known + ")");
        }
        return key;
    }

    /**
     * The assistant for an inbound call at {@code now}: the number's own assistant when it has one, else
     * {@code inbound} inside business hours (tenant time zone, business days) and {@code after_hours} outside them
     * when the tenant has one; {@code inbound} otherwise.
     */
    public static Optional<Choice> forInbound(Tenant tenant, TelephonySettings settings, String numberAssistantKey,
            Instant now) {
        if (numberAssistantKey != null) {
            Optional<String> own = id(tenant, numberAssistantKey);
            if (own.isPresent()) {
                return Optional.of(new Choice(numberAssistantKey, own.get()));
            }
        }
        if (!withinBusinessHours(tenant, settings, now)) {
            Optional<String> afterHours = id(tenant, AFTER_HOURS);
            if (afterHours.isPresent()) {
                return Optional.of(new Choice(AFTER_HOURS, afterHours.get()));
            }
        }
        return id(tenant, INBOUND).map(id -> new Choice(INBOUND, id));
    }

    static boolean withinBusinessHours(Tenant tenant, TelephonySettings settings, Instant now) {
        ZonedDateTime local = now.atZone(tenant.timezone());
        LocalTime time = local.toLocalTime();
        return settings.businessDays().contains(local.getDayOfWeek())
                && !time.isBefore(settings.businessHoursStart()) && time.isBefore(settings.businessHoursEnd());
    }
}
