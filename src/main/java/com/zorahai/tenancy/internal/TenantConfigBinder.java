package com.zorahai.tenancy.internal;

import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.Tenant.Feature;
import com.zorahai.tenancy.TenantId;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumSet;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a configuration tree (snake_case keys, text values) into a {@link Tenant}, checking every field. Absent
 * optional fields take the shipped defaults: currency {@code USD}, timezone {@code UTC}, locale {@code en}, model
 * {@code gpt-4o-mini}, WhatsApp provider {@code sandbox}, booking {@code builtin} (or {@code api} when an API URL is
 * set). Unknown fields are errors, so a typo never goes unnoticed.
 */
public final class TenantConfigBinder {

    public static final String DEFAULT_CURRENCY = "USD";
    public static final String DEFAULT_TIMEZONE = "UTC";
    public static final String DEFAULT_LOCALE = "en";
    public static final String DEFAULT_MODEL = "gpt-4o-mini";
    public static final Set<String> WHATSAPP_PROVIDERS = Set.of("meta", "dialog360", "montymobile", "qiscus",
            "sandbox");
    public static final Set<String> BOOKING_PROVIDERS = Set.of("builtin", "api");
    public static final int MAX_NAME_LENGTH = 200;

    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"',;]+@[^@\\s<>\"',;]+\\.[^@\\s<>\"',;]+");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{7,15}");
    private static final Pattern PROVIDER_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");
    private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9._:/-]{1,100}");
    private static final Pattern GCP_PROJECT = Pattern.compile("[a-z][a-z0-9-]{4,28}[a-z0-9]");
    private static final Pattern DATASET = Pattern.compile("[A-Za-z0-9_]{1,1024}");
    private static final Pattern MAP_KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern SWIFT = Pattern.compile("[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?");
    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private TenantConfigBinder() {
    }

    /** The tenant, or empty when a field is invalid; every problem is added to {@code errors}. */
    public static Optional<Tenant> bind(TenantId id, Map<String, ?> tree, Tenant.Source source,
            List<ConfigError> errors) {
        int before = errors.size();
        Section root = new Section(tree, "", errors);
        root.only("name", "currency", "timezone", "locale", "features", "email", "banking", "gcp", "ai", "voice",
                "whatsapp", "booking", "trainer_whatsapp_number", "branding");

        String name = root.text("name");
        if (name == null) {
            root.error("name", "is required");
        } else if (name.length() > MAX_NAME_LENGTH) {
            root.error("name", "must be at most " + MAX_NAME_LENGTH + " characters");
        }
        Currency currency = currency(root);
        ZoneId timezone = timezone(root);
        Locale locale = locale(root);
        Set<Feature> features = features(root);
        Tenant.Email email = email(root.section("email"));
        Tenant.Banking banking = banking(root.section("banking"));
        Tenant.Gcp gcp = gcp(root.section("gcp"));
        Tenant.Ai ai = ai(root.section("ai"));
        Tenant.Voice voice = voice(root.section("voice"));
        Tenant.WhatsApp whatsapp = whatsapp(root.section("whatsapp"));
        Tenant.Booking booking = booking(root.section("booking"));
        String trainer = phone(root, "trainer_whatsapp_number");
        Tenant.Branding branding = branding(root.section("branding"));

        if (errors.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Tenant(id, name, currency, timezone, locale, features, email, banking, gcp, ai, voice,
                whatsapp, booking, trainer, branding, source));
    }

    /** The feature for a configuration name such as {@code email_intake} (also {@code email-intake}, any case). */
    public static Optional<Feature> feature(String name) {
        String normalized = name.trim().replace('-', '_').toUpperCase(Locale.ROOT);
        return Arrays.stream(Feature.values()).filter(f -> f.name().equals(normalized)).findFirst();
    }

    /** The configuration name of a feature, e.g. {@code email_intake}. */
    public static String featureName(Feature feature) {
        return feature.name().toLowerCase(Locale.ROOT);
    }

    private static Currency currency(Section root) {
        String code = root.text("currency");
        if (code == null) {
            return Currency.getInstance(DEFAULT_CURRENCY);
        }
        if (code.matches("[A-Z]{3}")) {
            try {
                return Currency.getInstance(code);
            } catch (IllegalArgumentException ex) {
                // reported below
            }
        }
        root.error("currency", "'" + abbreviate(code) + "' is not an ISO 4217 code");
        return null;
    }

    private static ZoneId timezone(Section root) {
        String zone = root.text("timezone");
        if (zone == null) {
            return ZoneId.of(DEFAULT_TIMEZONE);
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException ex) {
            root.error("timezone", "'" + abbreviate(zone) + "' is not a time zone id such as Africa/Johannesburg");
            return null;
        }
    }

    private static Locale locale(Section root) {
        String tag = root.text("locale");
        if (tag == null) {
            return Locale.forLanguageTag(DEFAULT_LOCALE);
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag.replace('_', '-')).build();
            String country = locale.getCountry();
            if (LANGUAGES.contains(locale.getLanguage())
                    && (country.isEmpty() || COUNTRIES.contains(country) || country.matches("[0-9]{3}"))) {
                return locale;
            }
        } catch (IllformedLocaleException ex) {
            // reported below
        }
        root.error("locale", "'" + abbreviate(tag) + "' is not a language tag such as en or en-ZA");
        return null;
    }

    private static Set<Feature> features(Section root) {
        Set<Feature> features = EnumSet.noneOf(Feature.class);
        List<String> names = root.list("features");
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Optional<Feature> feature = feature(name);
            if (feature.isPresent()) {
                features.add(feature.get());
            } else {
                root.error("features[" + i + "]", "'" + abbreviate(name) + "' is not a feature (one of "
                        + String.join(", ", Arrays.stream(Feature.values()).map(TenantConfigBinder::featureName)
                                .toList())
                        + ")");
            }
        }
        return Collections.unmodifiableSet(features);
    }

    private static Tenant.Email email(Section email) {
        email.only("sendgrid_api_key", "from_address", "from_name", "reply_to", "inbound_address", "inbound_domain",
                "inbound_secret");
        String domain = email.text("inbound_domain");
        if (domain != null && !DOMAIN.matcher(domain).matches()) {
            email.error("inbound_domain", "is not a domain name");
        }
        return new Tenant.Email(email.text("sendgrid_api_key"), address(email, "from_address"),
                email.text("from_name"), address(email, "reply_to"), address(email, "inbound_address"),
                domain == null ? null : domain.toLowerCase(Locale.ROOT), email.text("inbound_secret"));
    }

    private static Tenant.Banking banking(Section banking) {
        banking.only("bank_name", "account_name", "account_number", "branch_code", "swift", "iban");
        String swift = banking.text("swift");
        if (swift != null) {
            swift = swift.replace(" ", "").toUpperCase(Locale.ROOT);
            if (!SWIFT.matcher(swift).matches()) {
                banking.error("swift", "is not a SWIFT/BIC code");
            }
        }
        String iban = banking.text("iban");
        if (iban != null) {
            iban = iban.replace(" ", "").toUpperCase(Locale.ROOT);
            if (!validIban(iban)) {
                banking.error("iban", "is not a valid IBAN");
            }
        }
        return new Tenant.Banking(banking.text("bank_name"), banking.text("account_name"),
                banking.text("account_number"), banking.text("branch_code"), swift, iban);
    }

    private static Tenant.Gcp gcp(Section gcp) {
        gcp.only("project_id", "dataset");
        String project = gcp.text("project_id");
        if (project != null && !GCP_PROJECT.matcher(project).matches()) {
            gcp.error("project_id", "is not a Google Cloud project id");
        }
        String dataset = gcp.text("dataset");
        if (dataset != null && !DATASET.matcher(dataset).matches()) {
            gcp.error("dataset", "may hold only letters, digits and underscores");
        }
        return new Tenant.Gcp(project, dataset);
    }

    private static Tenant.Ai ai(Section ai) {
        ai.only("model");
        String model = ai.text("model");
        if (model == null) {
            return new Tenant.Ai(DEFAULT_MODEL);
        }
        if (!MODEL.matcher(model).matches()) {
            ai.error("model", "is not a model name");
        }
        return new Tenant.Ai(model);
    }

    private static Tenant.Voice voice(Section voice) {
        voice.only("assistant_ids", "webhook_secret");
        return new Tenant.Voice(voice.textMap("assistant_ids"), voice.text("webhook_secret"));
    }

    private static Tenant.WhatsApp whatsapp(Section whatsapp) {
        whatsapp.only("provider", "phone_number_id", "webhook_secret", "credentials");
        String provider = whatsapp.text("provider");
        if (provider == null) {
            provider = "sandbox";
        } else {
            provider = provider.toLowerCase(Locale.ROOT);
            if (!WHATSAPP_PROVIDERS.contains(provider)) {
                whatsapp.error("provider", "must be one of " + String.join(", ", sorted(WHATSAPP_PROVIDERS)));
            }
        }
        String phoneNumberId = whatsapp.text("phone_number_id");
        if (phoneNumberId != null && !PROVIDER_ID.matcher(phoneNumberId).matches()) {
            whatsapp.error("phone_number_id", "is not a provider phone-number id");
        }
        return new Tenant.WhatsApp(provider, phoneNumberId, whatsapp.text("webhook_secret"),
                whatsapp.textMap("credentials"));
    }

    private static Tenant.Booking booking(Section booking) {
        booking.only("provider", "api_base_url", "api_token");
        String url = url(booking, "api_base_url");
        String provider = booking.text("provider");
        if (provider == null) {
            provider = url == null ? "builtin" : "api";
        } else {
            provider = provider.toLowerCase(Locale.ROOT);
            if (!BOOKING_PROVIDERS.contains(provider)) {
                booking.error("provider", "must be one of " + String.join(", ", sorted(BOOKING_PROVIDERS)));
            } else if (provider.equals("api") && url == null && !booking.has("api_base_url")) {
                booking.error("api_base_url", "is required when the provider is api");
            }
        }
        return new Tenant.Booking(provider, url, booking.text("api_token"));
    }

    private static Tenant.Branding branding(Section branding) {
        branding.only("primary_color", "secondary_color", "logo_url");
        return new Tenant.Branding(color(branding, "primary_color"), color(branding, "secondary_color"),
                url(branding, "logo_url"));
    }

    /** Whether {@code value} is a {@code #rrggbb} colour (either case). */
    public static boolean validColor(String value) {
        return value != null && COLOR.matcher(value).matches();
    }

    private static String color(Section section, String key) {
        String value = section.text(key);
        if (value == null) {
            return null;
        }
        if (!validColor(value)) {
            section.error(key, "must be a colour like #1a2b3c");
            return null;
        }
        return value.toLowerCase(Locale.ROOT);
    }

    private static String address(Section section, String key) {
        String value = section.text(key);
        if (value != null && (value.length() > 254 || !EMAIL.matcher(value).matches())) {
            section.error(key, "is not an email address");
        }
        return value;
    }

    private static String phone(Section section, String key) {
        String value = section.text(key);
        if (value == null) {
            return null;
        }
        String normalized = value.replaceAll("[\\s()-]", "");
        if (!PHONE.matcher(normalized).matches()) {
            section.error(key, "is not a phone number in international format such as +27821234567");
        }
        return normalized;
    }

    /** An absolute http(s) URL, or null. */
    static String url(Section section, String key) {
        String value = section.text(key);
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            if (("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && uri.getUserInfo() == null) {
                return value;
            }
        } catch (URISyntaxException ex) {
            // reported below
        }
        section.error(key, "must be an absolute http(s) URL");
        return null;
    }

    private static boolean validIban(String iban) {
        if (!IBAN.matcher(iban).matches()) {
            return false;
        }
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    /** One section of the tree, reporting errors with its path. */
    static final class Section {

        private final Map<String, Object> values;
        private final String prefix;
        private final List<ConfigError> errors;

        Section(Object raw, String path, List<ConfigError> errors) {
            this.prefix = path.isEmpty() ? "" : path + ".";
            this.errors = errors;
            if (raw == null || raw instanceof String text && text.isBlank()) {
                this.values = Map.of();
            } else if (raw instanceof Map<?, ?> map) {
                this.values = ConfigTrees.asTree(map);
            } else {
                errors.add(new ConfigError(path, "must be a section of fields"));
                this.values = Map.of();
            }
        }

        void only(String... keys) {
            Set<String> allowed = Set.of(keys);
            values.keySet()
                    .stream()
                    .filter(key -> !allowed.contains(key))
                    .forEach(key -> error(key, "is not a known field"));
        }

        boolean has(String key) {
            return values.get(key) != null;
        }

        String text(String key) {
            Object value = values.get(key);
            if (value == null) {
                return null;
            }
            if (value instanceof Map<?, ?> || value instanceof List<?>) {
                error(key, "must be a single value");
                return null;
            }
            String text = String.valueOf(value).trim();
            return text.isEmpty() ? null : text;
        }

        Section section(String key) {
            return new Section(values.get(key), prefix + key, errors);
        }

        /** A list, or a comma-separated text (handy with a variable: {@code ${FEATURES:-crm,quotes}}). */
        List<String> list(String key) {
            Object value = values.get(key);
            List<String> items = new ArrayList<>();
            if (value instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    Object item = list.get(i);
                    if (item instanceof Map<?, ?> || item instanceof List<?>) {
                        error(key + "[" + i + "]", "must be a single value");
                    } else if (item != null && !String.valueOf(item).isBlank()) {
                        items.add(String.valueOf(item).trim());
                    }
                }
            } else if (value instanceof Map<?, ?>) {
                error(key, "must be a list");
            } else if (value != null) {
                Arrays.stream(String.valueOf(value).split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .forEach(items::add);
            }
            return new ArrayList<>(new LinkedHashSet<>(items));
        }

        /** A section of named text values; blank values are left out. */
        Map<String, String> textMap(String key) {
            Section section = section(key);
            Map<String, String> result = new LinkedHashMap<>();
            section.values.keySet().forEach(name -> {
                if (!MAP_KEY.matcher(name).matches()) {
                    section.error(name, "is not a valid name (letters, digits, _ and -)");
                    return;
                }
                String value = section.text(name);
                if (value != null) {
                    result.put(name, value);
                }
            });
            return Collections.unmodifiableMap(result);
        }

        void error(String key, String reason) {
            errors.add(new ConfigError(prefix + key, reason));
        }
    }
}
