package com.zorahai.crm.internal;

import com.zorahai.crm.Address;
import com.zorahai.crm.ClientSource;
import com.zorahai.crm.Consents;
import com.zorahai.crm.Consents.Consent;
import com.zorahai.crm.internal.ClientDraft.ConsentChoices;
import com.zorahai.platform.FieldErrors;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The validated, normalised fields of a draft: emails lower-case, phones E.164, tags lower-case, blanks as null, every
 * list without duplicates. A field the draft did not set is null here.
 */
record ClientFields(String name, List<String> emails, List<String> phones, Address address, List<String> tags,
        String notes, ClientSource source, ConsentChoices consent, UUID assignedConsultant, Set<String> fields) {

    static final int MAX_NAME = 200;
    static final int MAX_CONTACTS = 20;
    static final int MAX_TAGS = 50;
    static final int MAX_TAG = 50;
    static final int MAX_NOTES = 10_000;
    static final int MAX_ADDRESS_PART = 200;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    boolean has(String field) {
        return fields.contains(field);
    }

    /**
     * Checks a draft; a 400 naming every invalid field otherwise.
     *
     * @param nameRequired whether a name must be given (creating through the API)
     */
    static ClientFields check(ClientDraft draft, String region, boolean nameRequired) {
        FieldErrors errors = new FieldErrors();
        String name = null;
        if (draft.has(ClientDraft.NAME) || nameRequired) {
            name = collapse(draft.name());
            if (name == null) {
                errors.add("name", "must not be empty");
            } else if (name.length() > MAX_NAME) {
                errors.add("name", "must be at most " + MAX_NAME + " characters");
            }
        }
        List<String> emails = draft.has(ClientDraft.EMAILS) ? emails(draft.emails(), errors) : null;
        List<String> phones = draft.has(ClientDraft.PHONES) ? phones(draft.phones(), region, errors) : null;
        Address address = draft.has(ClientDraft.ADDRESS) ? address(draft.address(), errors) : null;
        List<String> tags = draft.has(ClientDraft.TAGS) ? tags(draft.tags(), errors) : null;
        String notes = null;
        if (draft.has(ClientDraft.NOTES)) {
            notes = blankToNull(draft.notes());
            if (notes != null && notes.length() > MAX_NOTES) {
                errors.add("notes", "must be at most " + MAX_NOTES + " characters");
            }
        }
        ClientSource source = null;
        if (draft.has(ClientDraft.SOURCE)) {
            source = ClientSource.find(draft.source()).orElse(null);
            if (source == null) {
                errors.add("source", "must be one of " + Arrays.stream(ClientSource.values())
                        .map(ClientSource::value)
                        .collect(Collectors.joining(", ")));
            }
        }
        errors.throwIfAny();
        return new ClientFields(name, emails, phones, address, tags, notes, source, draft.consent(),
                draft.assignedConsultant(), draft.fields());
    }

    /** Applies the consent answers of a request: an answer that changes a consent stamps it with {@code now}. */
    static Consents apply(Consents current, ConsentChoices choices, Instant now) {
        if (choices == null) {
            return current;
        }
        return new Consents(apply(current.marketingEmail(), choices.marketingEmail(), now),
                apply(current.marketingWhatsapp(), choices.marketingWhatsapp(), now),
                apply(current.marketingSms(), choices.marketingSms(), now),
                apply(current.marketingCalls(), choices.marketingCalls(), now));
    }

    private static Consent apply(Consent current, Boolean answer, Instant now) {
        if (answer == null || (current.updatedAt() != null && current.granted() == answer)) {
            return current;
        }
        return new Consent(answer, now);
    }

    private static List<String> emails(List<String> values, FieldErrors errors) {
        Set<String> emails = new LinkedHashSet<>();
        List<String> given = values == null ? List.of() : values;
        if (given.size() > MAX_CONTACTS) {
            errors.add("emails", "must have at most " + MAX_CONTACTS + " entries");
            return List.of();
        }
        for (int i = 0; i < given.size(); i++) {
            String field = "emails[" + i + "]";
            ContactPoints.email(given.get(i)).ifPresentOrElse(emails::add,
                    () -> errors.add(field, "must be a valid email address"));
        }
        return List.copyOf(emails);
    }

    private static List<String> phones(List<String> values, String region, FieldErrors errors) {
        Set<String> phones = new LinkedHashSet<>();
        List<String> given = values == null ? List.of() : values;
        if (given.size() > MAX_CONTACTS) {
            errors.add("phones", "must have at most " + MAX_CONTACTS + " entries");
            return List.of();
        }
        for (int i = 0; i < given.size(); i++) {
            String field = "phones[" + i + "]";
            ContactPoints.e164(given.get(i), region).ifPresentOrElse(phones::add,
                    () -> errors.add(field, "must be a valid phone number (E.164, or national in region " + region
                            + ")"));
        }
        return List.copyOf(phones);
    }

    private static List<String> tags(List<String> values, FieldErrors errors) {
        Set<String> tags = new LinkedHashSet<>();
        List<String> given = values == null ? List.of() : values;
        if (given.size() > MAX_TAGS) {
            errors.add("tags", "must have at most " + MAX_TAGS + " entries");
            return List.of();
        }
        for (int i = 0; i < given.size(); i++) {
            String tag = collapse(given.get(i));
            if (tag == null) {
                errors.add("tags[" + i + "]", "must not be empty");
            } else if (tag.length() > MAX_TAG) {
                errors.add("tags[" + i + "]", "must be at most " + MAX_TAG + " characters");
            } else {
                tags.add(tag.toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(tags);
    }

    private static Address address(Address address, FieldErrors errors) {
        if (address == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        String[] names = {"line1", "line2", "city", "region", "postal_code", "country"};
        String[] values = {address.line1(), address.line2(), address.city(), address.region(),
                address.postalCode(), address.country()};
        for (int i = 0; i < values.length; i++) {
            String value = collapse(values[i]);
            if (value != null && value.length() > MAX_ADDRESS_PART) {
                errors.add("address." + names[i], "must be at most " + MAX_ADDRESS_PART + " characters");
            }
            parts.add(value);
        }
        String country = parts.get(5);
        if (country != null) {
            country = country.toUpperCase(Locale.ROOT);
            if (!COUNTRIES.contains(country)) {
                errors.add("address.country", "must be an ISO 3166-1 alpha-2 country code");
            }
        }
        Address normalised = new Address(parts.get(0), parts.get(1), parts.get(2), parts.get(3), parts.get(4),
                country);
        return parts.stream().allMatch(java.util.Objects::isNull) ? null : normalised;
    }

    private static String collapse(String value) {
        String trimmed = blankToNull(value);
        return trimmed == null ? null : trimmed.replaceAll("\\s+", " ");
    }

    private static String blankToNull(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
