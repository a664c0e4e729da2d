package com.zorahai.crm;

import java.util.List;

/**
 * Find-or-create a client by any of its emails or phones, as inbound channels do. A client matched by an email wins
 * over one matched by a phone; new emails, phones and tags are added to it; otherwise a client is created (named
 * after {@code name}, else its first email or phone).
 *
 * @param phones in any format the tenant's region understands; normalised to E.164
 */
public record ClientUpsert(String name, List<String> emails, List<String> phones, List<String> tags,
        ClientSource source) {

    public ClientUpsert {
        emails = emails == null ? List.of() : List.copyOf(emails);
        phones = phones == null ? List.of() : List.copyOf(phones);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public static ClientUpsert byEmail(String email, String name, ClientSource source) {
        return new ClientUpsert(name, List.of(email), List.of(), List.of(), source);
    }

    public static ClientUpsert byPhone(String phone, String name, ClientSource source) {
        return new ClientUpsert(name, List.of(), List.of(phone), List.of(), source);
    }
}
