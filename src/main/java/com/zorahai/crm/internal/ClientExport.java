package com.zorahai.crm.internal;

import com.zorahai.crm.ClientView;
import com.zorahai.crm.internal.ClientStore.ContactRow;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything held about a client: its record, the clients merged into it, its email and phone rows, its timeline,
 * and what each other module holds (by section).
 */
public record ClientExport(Instant exportedAt, String tenantId, ClientView client, List<ClientView> mergedClients,
        List<Contact> emails, List<Contact> phones, List<Activity> activities, Map<String, Object> sections) {

    /** An email or phone row. */
    public record Contact(String value, Instant createdAt) {

        static Contact of(ContactRow row) {
            return new Contact(row.value(), row.createdAt());
        }
    }
}
