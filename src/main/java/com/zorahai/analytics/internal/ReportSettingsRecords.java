package com.zorahai.analytics.internal;

import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.Tenants;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and changes a tenant's daily-report settings, with the defaults for a tenant that set none. */
@Service
public class ReportSettingsRecords {

    static final int MAX_STAFF_EMAILS = 20;
    static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
            + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private final ReportSettingsStore store;
    private final Tenants tenants;
    private final AnalyticsProperties properties;
    private final Clock clock;

    ReportSettingsRecords(ReportSettingsStore store, Tenants tenants, AnalyticsProperties properties, Clock clock) {
        this.store = store;
        this.tenants = tenants;
        this.properties = properties;
        this.clock = clock;
    }

    /** What the API shows: the stored settings (or the defaults) and the trainer number in effect. */
    public record View(ReportSettings settings, String effectiveTrainerWhatsappNumber, String timeZone) {
    }

    /** What a PUT sends; null fields take their defaults. */
    public record Input(Boolean reportEnabled, Integer reportHour, String trainerWhatsappNumber,
            List<String> staffEmails) {
    }

    @Transactional(readOnly = true)
    public ReportSettings settings(TenantId tenant) {
        return store.find(tenant).orElseGet(() -> new ReportSettings(true, properties.report().defaultHour(), null,
                List.of(), null, null));
    }

    @Transactional(readOnly = true)
    public View view(TenantId tenant) {
        return view(tenant, settings(tenant));
    }

    /** Replaces the settings; 400 naming the field for an hour outside 0-23, a number not in E.164 or a bad email. */
    @Transactional
    public View update(TenantId tenant, Input input, UUID userId) {
        if (input == null) {
            throw ProblemException.invalidField("body", "is required");
        }
        int hour = input.reportHour() == null ? properties.report().defaultHour() : input.reportHour();
        if (hour < 0 || hour > 23) {
            throw ProblemException.invalidField("report_hour", "must be from 0 to 23");
        }
        String trainer = phone(input.trainerWhatsappNumber());
        if (trainer != null && !E164.matcher(trainer).matches()) {
            throw ProblemException.invalidField("trainer_whatsapp_number",
                    "must be an international number such as +96170123456");
        }
        List<String> emails = emails(input.staffEmails());
        ReportSettings settings = new ReportSettings(input.reportEnabled() == null || input.reportEnabled(), hour,
                trainer, emails, clock.instant(), userId);
        store.save(tenant, settings);
        return view(tenant, settings);
    }

    /** The trainer's number in effect: the override, else the tenant's {@code trainer_whatsapp_number}. */
    static Optional<String> trainer(ReportSettings settings, Optional<Tenant> tenant) {
        if (settings.trainerWhatsappNumber() != null) {
            return Optional.of(settings.trainerWhatsappNumber());
        }
        return tenant.map(Tenant::trainerWhatsappNumber).map(ReportSettingsRecords::phone)
                .filter(n -> E164.matcher(n).matches());
    }

    private View view(TenantId tenant, ReportSettings settings) {
        Optional<Tenant> config = tenants.find(tenant);
        return new View(settings, trainer(settings, config).orElse(null),
                config.map(t -> t.timezone().getId()).orElse("UTC"));
    }

    /** Spaces, dashes, dots and brackets dropped; a leading 00 read as +. */
    static String phone(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String compact = value.replaceAll("[\\s().-]", "");
        return compact.startsWith("00") ? "+" + compact.substring(2) : compact;
    }

    private static List<String> emails(List<String> given) {
        if (given == null) {
            return List.of();
        }
        if (given.size() > MAX_STAFF_EMAILS) {
            throw ProblemException.invalidField("staff_emails", "at most " + MAX_STAFF_EMAILS + " addresses");
        }
        List<String> emails = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String email = given.get(i) == null ? "" : given.get(i).strip();
            if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
                throw ProblemException.invalidField("staff_emails[" + i + "]", "must be an email address");
            }
            if (seen.add(email.toLowerCase(Locale.ROOT))) {
                emails.add(email);
            }
        }
        return emails;
    }
}
