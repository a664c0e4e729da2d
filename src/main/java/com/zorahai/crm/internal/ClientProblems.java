package com.zorahai.crm.internal;

import com.zorahai.crm.ClientId;
import com.zorahai.platform.ProblemException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The problems the CRM answers with.
 */
final class ClientProblems {

    private ClientProblems() {
    }

    /** 404 {@code client-not-found}: no such client in the tenant, or it was deleted. */
    static ProblemException notFound(ClientId id) {
        return ProblemException.notFound("client", id);
    }

    /** 409 {@code client-merged}: the client was merged into another one, which is the one to change. */
    static ProblemException merged(ClientId id, ClientId into) {
        return ProblemException.of(HttpStatus.CONFLICT, "client-merged", "Client merged",
                "Client " + id + " was merged into client " + into + ".").with("merged_into", into.toString());
    }

    /** 409 {@code client-erased}: the client's personal data was erased; the record can no longer change. */
    static ProblemException erased(ClientId id) {
        return ProblemException.of(HttpStatus.CONFLICT, "client-erased", "Client erased",
                "The personal data of client " + id + " was erased.");
    }

    /** 409 {@code contact-in-use}: emails or phones of the request belong to other clients. */
    static ProblemException contactInUse(List<Map<String, String>> errors) {
        return ProblemException.of(HttpStatus.CONFLICT, "contact-in-use", "Contact in use",
                "An email or phone belongs to another client; merge the clients or use the upsert.")
                .with("errors", List.copyOf(errors));
    }
}
