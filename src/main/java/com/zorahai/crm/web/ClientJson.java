package com.zorahai.crm.web;

import com.zorahai.crm.Address;
import com.zorahai.crm.ClientView;
import com.zorahai.crm.Consents;
import com.zorahai.crm.internal.Activity;
import com.zorahai.crm.internal.ClientDraft;
import com.zorahai.crm.internal.ClientExport;
import com.zorahai.platform.Page;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The JSON shapes of the clients API.
 */
final class ClientJson {

    private ClientJson() {
    }

    /** A client as a request gives it (create, update, upsert). */
    record ClientRequest(String name, List<String> emails, List<String> phones, AddressJson address,
            List<String> tags, String notes, String source, ConsentRequest consent, UUID assignedConsultant) {

        ClientDraft draft() {
            return ClientDraft.of(name, emails, phones, address == null ? null : address.address(), tags, notes,
                    source, consent == null ? null : consent.choices(), assignedConsultant);
        }
    }

    record AddressJson(String line1, String line2, String city, String region, String postalCode, String country) {

        Address address() {
            return new Address(line1, line2, city, region, postalCode, country);
        }

        static AddressJson of(Address address) {
            return address == null
                    ? null
                    : new AddressJson(address.line1(), address.line2(), address.city(),
                            address.region(), address.postalCode(), address.country());
        }
    }

    /** Consent answers; a missing one stays as it is. */
    record ConsentRequest(Boolean marketingEmail, Boolean marketingWhatsapp, Boolean marketingSms,
            Boolean marketingCalls) {

        ClientDraft.ConsentChoices choices() {
            return new ClientDraft.ConsentChoices(marketingEmail, marketingWhatsapp, marketingSms, marketingCalls);
        }
    }

    record ConsentJson(ConsentFlag marketingEmail, ConsentFlag marketingWhatsapp, ConsentFlag marketingSms,
            ConsentFlag marketingCalls) {

        static ConsentJson of(Consents consents) {
            return new ConsentJson(ConsentFlag.of(consents.marketingEmail()),
                    ConsentFlag.of(consents.marketingWhatsapp()), ConsentFlag.of(consents.marketingSms()),
                    ConsentFlag.of(consents.marketingCalls()));
        }
    }

    /** Whether a consent is granted and when the client last answered (null: never asked). */
    record ConsentFlag(boolean granted, Instant updatedAt) {

        static ConsentFlag of(Consents.Consent consent) {
            return new ConsentFlag(consent.granted(), consent.updatedAt());
        }
    }

    /**
     * @param status {@code active}, {@code merged} (see {@code merged_into}), {@code erased} or {@code deleted}
     */
    record ClientResponse(String id, String status, String name, List<String> emails, List<String> phones,
            AddressJson address, List<String> tags, String notes, String source, ConsentJson consent,
            UUID assignedConsultant, String mergedInto, Instant createdAt, Instant updatedAt, Instant deletedAt,
            Instant erasedAt) {

        static ClientResponse of(ClientView client) {
            String status = client.deletedAt() != null
                    ? "deleted"
                    : client.erasedAt() != null ? "erased" : client.mergedInto() != null ? "merged" : "active";
            return new ClientResponse(client.id().toString(), status, client.name(), client.emails(),
                    client.phones(), AddressJson.of(client.address()), client.tags(), client.notes(),
                    client.source().value(), ConsentJson.of(client.consents()), client.assignedConsultant(),
                    client.mergedInto() == null ? null : client.mergedInto().toString(), client.createdAt(),
                    client.updatedAt(), client.deletedAt(), client.erasedAt());
        }
    }

    record UpsertResponse(boolean created, ClientResponse client) {
    }

    record MergeRequest(String sourceId) {
    }

    /** A note (or a call written up by hand) for the timeline. */
    record NoteRequest(String type, String summary, Instant occurredAt) {
    }

    record ActivityResponse(String id, String clientId, String type, Instant occurredAt, String summary,
            String subjectType, String subjectId, Map<String, Object> properties, UUID createdBy,
            String sourceEventId, Instant createdAt) {

        static ActivityResponse of(Activity activity) {
            return new ActivityResponse(activity.id().toString(), activity.clientId().toString(),
                    activity.type().value(), activity.occurredAt(), activity.summary(), activity.subjectType(),
                    activity.subjectId(), activity.properties(), activity.createdBy(), activity.sourceEventId(),
                    activity.createdAt());
        }
    }

    record ContactJson(String value, Instant createdAt) {
    }

    record LookupJson(List<ContactJson> emails, List<ContactJson> phones) {
    }

    /**
     * Everything held about a client.
     *
     * @param mergedClients the clients merged into this one (their emails, phones and timelines are this client's)
     * @param lookup the email and phone rows that make this client findable
     * @param modules what each other module holds, by module
     */
    record ExportResponse(Instant exportedAt, String tenantId, ClientResponse client,
            List<ClientResponse> mergedClients, LookupJson lookup, List<ActivityResponse> activities,
            Map<String, Object> modules) {

        static ExportResponse of(ClientExport export) {
            return new ExportResponse(export.exportedAt(), export.tenantId(), ClientResponse.of(export.client()),
                    export.mergedClients().stream().map(ClientResponse::of).toList(),
                    new LookupJson(contacts(export.emails()), contacts(export.phones())),
                    export.activities().stream().map(ActivityResponse::of).toList(), export.sections());
        }

        private static List<ContactJson> contacts(List<ClientExport.Contact> contacts) {
            return contacts.stream().map(c -> new ContactJson(c.value(), c.createdAt())).toList();
        }
    }
}
