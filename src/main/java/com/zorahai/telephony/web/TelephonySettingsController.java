package com.zorahai.telephony.web;

import com.zorahai.platform.ProblemException;
import com.zorahai.telephony.internal.Provisioning;
import com.zorahai.telephony.internal.TelephonyProperties;
import com.zorahai.telephony.internal.TelephonySettings;
import com.zorahai.telephony.internal.TelephonySettingsStore;
import com.zorahai.telephony.internal.TwilioAccounts;
import com.zorahai.telephony.web.TelephonyJson.SettingsRequest;
import com.zorahai.telephony.web.TelephonyJson.SettingsView;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.Tenants;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant's telephony settings: calling hours, business hours for the assistant choice, attempts and backoff of
 * queued calls, transcript keeping, and an own Twilio sub-account. {@code PUT} replaces them all; a field left out
 * takes its default. Owners and admins only.
 */
@PreAuthorize("hasAnyRole('OWNER','ADMIN')")
@RestController
class TelephonySettingsController {

    static final String PATH = "/api/v1/telephony/settings";

    private final TelephonySettingsStore store;
    private final TwilioAccounts accounts;
    private final Provisioning provisioning;
    private final TelephonyProperties properties;
    private final Tenants tenants;

    TelephonySettingsController(TelephonySettingsStore store, TwilioAccounts accounts, Provisioning provisioning,
            TelephonyProperties properties, Tenants tenants) {
        this.store = store;
        this.accounts = accounts;
        this.provisioning = provisioning;
        this.properties = properties;
        this.tenants = tenants;
    }

    @GetMapping(PATH)
    SettingsView get() {
        return view(tenants.current(), null);
    }

    @PutMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    SettingsView put(@RequestBody SettingsRequest request) {
        Tenant tenant = tenants.current();
        if (request == null) {
            throw ProblemException.invalidField("body", "is required");
        }
        TelephonySettings d = store.defaults();
        TelephonySettings settings = new TelephonySettings(
                time(request.callingHoursStart(), "calling_hours_start", d.callingHoursStart()),
                time(request.callingHoursEnd(), "calling_hours_end", d.callingHoursEnd()),
                request.callingDays() == null
                        ? d.callingDays()
                        : TelephonySettings.days(request.callingDays(), "calling_days"),
                time(request.businessHoursStart(), "business_hours_start", d.businessHoursStart()),
                time(request.businessHoursEnd(), "business_hours_end", d.businessHoursEnd()),
                request.businessDays() == null
                        ? d.businessDays()
                        : TelephonySettings.days(request.businessDays(), "business_days"),
                request.maxAttempts() == null ? d.maxAttempts() : request.maxAttempts(),
                request.retryBackoffMinutes() == null
                        ? d.retryBackoff()
                        : minutes(request.retryBackoffMinutes()),
                request.retryBackoffMultiplier() == null
                        ? d.retryBackoffMultiplier()
                        : request.retryBackoffMultiplier(),
                request.storeTranscripts() == null ? d.storeTranscripts() : request.storeTranscripts(),
                request.liveTranscripts() == null ? d.liveTranscripts() : request.liveTranscripts(),
                StringUtils.hasText(request.twilioAccountSid()) ? request.twilioAccountSid().trim() : null,
                StringUtils.hasText(request.twilioAuthTokenEnv()) ? request.twilioAuthTokenEnv().trim() : null,
                null);
        return view(tenant, store.put(tenant.id(), settings));
    }

    private SettingsView view(Tenant tenant, TelephonySettings saved) {
        TelephonySettings settings = saved != null ? saved : store.get(tenant.id());
        Map<String, Boolean> assistants = new TreeMap<>();
        if (tenant.voice() != null && tenant.voice().assistantIds() != null) {
            tenant.voice().assistantIds().forEach((key, id) -> assistants.put(key, StringUtils.hasText(id)));
        }
        boolean secret = tenant.voice() != null && StringUtils.hasText(tenant.voice().webhookSecret());
        return TelephonyJson.settings(settings, accounts.find(tenant.id()).isPresent(),
                properties.vapi().configured(), provisioning.webhookUrl(tenant.id()), secret, assistants);
    }

    private static LocalTime time(String value, String field, LocalTime fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return LocalTime.parse(value.trim());
        } catch (DateTimeParseException ex) {
            throw ProblemException.invalidField(field, "must be a time of day such as 09:00");
        }
    }

    private static Duration minutes(long minutes) {
        if (minutes < 1 || minutes > 10080) {
            throw ProblemException.invalidField("retry_backoff_minutes", "must be between 1 and 10080");
        }
        return Duration.ofMinutes(minutes);
    }
}
