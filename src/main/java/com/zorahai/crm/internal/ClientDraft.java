package com.zorahai.crm.internal;

import com.zorahai.crm.Address;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Client fields as a request gives them, before validation. {@code fields} names the fields the request set (JSON
 * names); a field not in it is left as it is, a field in it with a null value is cleared.
 */
public record ClientDraft(String name, List<String> emails, List<String> phones, Address address, List<String> tags,
        String notes, String source, ConsentChoices consent, UUID assignedConsultant, Set<String> fields) {

    public static final String NAME = "name";
    public static final String EMAILS = "emails";
    public static final String PHONES = "phones";
    public static final String ADDRESS = "address";
    public static final String TAGS = "tags";
    public static final String NOTES = "notes";
    public static final String SOURCE = "source";
    public static final String CONSENT = "consent";
    public static final String ASSIGNED_CONSULTANT = "assigned_consultant";

    public ClientDraft {
        fields = fields == null ? Set.of() : Set.copyOf(fields);
    }

    /** A draft whose non-null values are the fields set. */
    public static ClientDraft of(String name, List<String> emails, List<String> phones, Address address,
            List<String> tags, String notes, String source, ConsentChoices consent, UUID assignedConsultant) {
        Set<String> fields = new java.util.HashSet<>();
        addIf(fields, NAME, name);
        addIf(fields, EMAILS, emails);
        addIf(fields, PHONES, phones);
        addIf(fields, ADDRESS, address);
        addIf(fields, TAGS, tags);
        addIf(fields, NOTES, notes);
        addIf(fields, SOURCE, source);
        addIf(fields, CONSENT, consent);
        addIf(fields, ASSIGNED_CONSULTANT, assignedConsultant);
        return new ClientDraft(name, emails, phones, address, tags, notes, source, consent, assignedConsultant,
                fields);
    }

    public boolean has(String field) {
        return fields.contains(field);
    }

    private static void addIf(Set<String> fields, String field, Object value) {
        if (value != null) {
            fields.add(field);
        }
    }

    /** Consent answers given by a request; null leaves a consent as it is. */
    public record ConsentChoices(Boolean marketingEmail, Boolean marketingWhatsapp, Boolean marketingSms,
            Boolean marketingCalls) {
    }
}
