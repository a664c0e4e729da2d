package com.zorahai.crm.internal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.Tenants;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Emails and phone numbers in the one form they are stored and matched in: emails lower-case, phones E.164 read in
 * the tenant's region (the country of its locale, else {@code zorah.crm.default-region}).
 */
@Component
public class ContactPoints {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Pattern LOCAL_PART = Pattern
            .compile("[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern DOMAIN = Pattern.compile(
            "([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern PHONE_CHARACTERS = Pattern.compile("[0-9+()./\\s-]+(\\s*(ext|x|#)\\.?\\s*[0-9]+)?",
            Pattern.CASE_INSENSITIVE);

    private final Tenants tenants;
    private final CrmProperties properties;

    ContactPoints(Tenants tenants, CrmProperties properties) {
        this.tenants = tenants;
        this.properties = properties;
    }

    /** The region national numbers of this tenant are read in. */
    public String region(TenantId tenant) {
        return tenants.find(tenant)
                .map(Tenant::locale)
                .map(Locale::getCountry)
                .filter(country -> PHONES.getSupportedRegions().contains(country))
                .orElse(properties.defaultRegion());
    }

    /** The E.164 form of a valid phone number of the tenant ({@code whatsapp:} and {@code tel:} prefixes allowed). */
    public Optional<String> phone(TenantId tenant, String raw) {
        return e164(raw, region(tenant));
    }

    static Optional<String> e164(String raw, String region) {
        if (raw == null) {
            return Optional.empty();
        }
        String value = raw.trim();
        for (String prefix : new String[]{"whatsapp:", "tel:"}) {
            if (value.regionMatches(true, 0, prefix, 0, prefix.length())) {
                value = value.substring(prefix.length()).trim();
            }
        }
        if (value.isEmpty() || value.length() > 40 || !PHONE_CHARACTERS.matcher(value).matches()) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = PHONES.parse(value, region);
            return PHONES.isValidNumber(number)
                    ? Optional.of(PHONES.format(number, PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException ex) {
            return Optional.empty();
        }
    }

    /** The lower-case form of a valid email address ({@code mailto:} prefix allowed). */
    public static Optional<String> email(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String value = raw.trim();
        if (value.regionMatches(true, 0, "mailto:", 0, 7)) {
            value = value.substring(7).trim();
        }
        value = value.toLowerCase(Locale.ROOT);
        int at = value.lastIndexOf('@');
        if (value.length() > 254 || at < 1 || at > 64 || at == value.length() - 1) {
            return Optional.empty();
        }
        String local = value.substring(0, at);
        String domain = value.substring(at + 1);
        if (!LOCAL_PART.matcher(local).matches() || domain.length() > 253 || !DOMAIN.matcher(domain).matches()) {
            return Optional.empty();
        }
        return Optional.of(value);
    }
}
