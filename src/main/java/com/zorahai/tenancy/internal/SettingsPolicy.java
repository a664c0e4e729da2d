package com.zorahai.tenancy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which fields a tenant's owner or admin may override through the API. Secrets, routing fields (inbound address and
 * domain, WhatsApp number, assistant ids), outside endpoints and the analytics dataset stay with the operator:
 * they come from {@code client.yaml} or an operator-written {@code tenant_settings} row, so one tenant can never
 * claim another's mail, messages or data.
 */
public final class SettingsPolicy {

    /** The overridable fields, as dotted snake_case paths. */
    public static final Set<String> OVERRIDABLE = Set.of("name", "currency", "timezone", "locale", "features",
            "email.from_address", "email.from_name", "email.reply_to", "banking.bank_name", "banking.account_name",
            "banking.account_number", "banking.branch_code", "banking.swift", "banking.iban", "ai.model",
            "trainer_whatsapp_number");

    private static final Set<String> SECTIONS = Set.of("email", "banking", "ai");
    private static final Set<String> KNOWN_TOP_LEVEL = Set.of("name", "currency", "timezone", "locale", "features",
            "email", "banking", "gcp", "ai", "voice", "whatsapp", "booking", "trainer_whatsapp_number", "branding");

    private SettingsPolicy() {
    }

    /** What is wrong with a merge patch of settings: unknown fields, fields the API may not change, bad shapes. */
    public static List<ConfigError> check(Map<String, ?> patch) {
        List<ConfigError> errors = new ArrayList<>();
        check(patch, "", errors);
        return errors;
    }

    private static void check(Map<String, ?> patch, String prefix, List<ConfigError> errors) {
        patch.forEach((key, value) -> {
            String path = prefix + key;
            if (SECTIONS.contains(path)) {
                if (value instanceof Map<?, ?> section) {
                    check(ConfigTrees.asTree(section), path + ".", errors);
                } else {
                    errors.add(new ConfigError(path, "must be an object (set a field to null to remove its override)"));
                }
            } else if (OVERRIDABLE.contains(path)) {
                if (value instanceof Map<?, ?> || value instanceof List<?> && !path.equals("features")) {
                    errors.add(new ConfigError(path, "must be a single value"));
                }
            } else if (KNOWN_TOP_LEVEL.contains(path.split("\\.")[0])) {
                errors.add(new ConfigError(path, "cannot be changed through the API"));
            } else {
                errors.add(new ConfigError(path, "is not a known field"));
            }
        });
    }
}
