package com.zorahai.crm;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A client as other modules and the API see it. Emails are lower-case, phones E.164.
 *
 * @param mergedInto the client this one was merged into; it holds the emails, phones and timeline now
 * @param erasedAt when the client's personal data was erased; name, contact points, address, tags and notes are
 *        gone since
 */
public record ClientView(ClientId id, String name, List<String> emails, List<String> phones, Address address,
        List<String> tags, String notes, ClientSource source, Consents consents, UUID assignedConsultant,
        Instant createdAt, Instant updatedAt, Instant deletedAt, Instant erasedAt, ClientId mergedInto) {

    /** Not deleted, merged or erased: it can be contacted, changed and found by its emails and phones. */
    public boolean isLive() {
        return deletedAt == null && erasedAt == null && mergedInto == null;
    }
}
