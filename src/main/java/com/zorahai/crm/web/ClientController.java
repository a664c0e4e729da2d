package com.zorahai.crm.web;

import com.zorahai.crm.ClientId;
import com.zorahai.crm.internal.ClientDraft;
import com.zorahai.crm.internal.ClientRecords;
import com.zorahai.crm.internal.ClientRecords.ClientQuery;
import com.zorahai.crm.internal.ClientRecords.Upserted;
import com.zorahai.crm.web.ClientJson.ClientRequest;
import com.zorahai.crm.web.ClientJson.ClientResponse;
import com.zorahai.crm.web.ClientJson.MergeRequest;
import com.zorahai.crm.web.ClientJson.UpsertResponse;
import com.zorahai.platform.Page;
import com.zorahai.platform.ProblemException;
import com.zorahai.platform.web.JsonFieldPaths;
import com.zorahai.tenancy.CurrentTenant;
import com.zorahai.tenancy.TenantId;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The caller's clients: create, read, change, delete, search, upsert and merge. Every role may read and write;
 * deleting takes an owner or admin.
 */
@PreAuthorize("hasAnyRole('OWNER','ADMIN','CONSULTANT','AGENT')")
@RestController
class ClientController {

    static final String CLIENTS = "/api/v1/clients";

    private final ClientRecords records;
    private final CurrentTenant currentTenant;
    private final JsonMapper json;

    ClientController(ClientRecords records, CurrentTenant currentTenant, JsonMapper json) {
        this.records = records;
        this.currentTenant = currentTenant;
        this.json = json;
    }

    @PostMapping(path = CLIENTS, consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ClientResponse> create(@RequestBody ClientRequest request) {
        ClientResponse client = ClientResponse.of(records.create(tenant(), request.draft()));
        return ResponseEntity.created(location(client.id())).body(client);
    }

    /**
     * Live clients: {@code q} matches a part of the name, an email or the digits of a phone; {@code email},
     * {@code phone} and {@code tag} match exactly. Sorted by {@code name}, {@code created_at} or {@code updated_at}
     * ({@code ,asc} or {@code ,desc}).
     */
    @GetMapping(CLIENTS)
    Page<ClientResponse> search(@RequestParam(required = false) String q,
            @RequestParam(required = false) String email, @RequestParam(required = false) String phone,
            @RequestParam(required = false) String tag, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort) {
        return records.search(tenant(), new ClientQuery(q, email, phone, tag, page, size, sort))
                .map(ClientResponse::of);
    }

    @GetMapping(CLIENTS + "/{id}")
    ClientResponse get(@PathVariable String id) {
        return ClientResponse.of(records.get(tenant(), ClientId.parse(id, "id")));
    }

    /** A JSON merge patch: fields left out stay, {@code null} clears, lists are replaced. */
    @PatchMapping(path = CLIENTS + "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE,
            "application/merge-patch+json"})
    ClientResponse update(@PathVariable String id, @RequestBody JsonNode patch) {
        TenantId tenant = tenant();
        ClientId clientId = ClientId.parse(id, "id");
        return ClientResponse.of(records.update(tenant, clientId, patchDraft(patch)));
    }

    @DeleteMapping(CLIENTS + "/{id}")
    @PreAuthorize("hasAnyRole('OWNER','ADMIN')")
    ResponseEntity<Void> delete(@PathVariable String id) {
        records.delete(tenant(), ClientId.parse(id, "id"));
        return ResponseEntity.noContent().build();
    }

    /** Finds the client by any of the emails or phones and adds to it, or creates it (201). */
    @PostMapping(path = CLIENTS + ":upsert", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<UpsertResponse> upsert(@RequestBody ClientRequest request) {
        Upserted upserted = records.upsert(tenant(), request.draft());
        ClientResponse client = ClientResponse.of(upserted.client());
        UpsertResponse body = new UpsertResponse(upserted.created(), client);
        return upserted.created()
                ? ResponseEntity.created(location(client.id())).body(body)
                : ResponseEntity.ok(body);
    }

    /** Moves everything of {@code source_id} into this client. */
    @PostMapping(path = CLIENTS + "/{id}/merge", consumes = MediaType.APPLICATION_JSON_VALUE)
    ClientResponse merge(@PathVariable String id, @RequestBody MergeRequest request) {
        TenantId tenant = tenant();
        ClientId target = ClientId.parse(id, "id");
        ClientId source = ClientId.parse(request.sourceId(), "source_id");
        return ClientResponse.of(records.merge(tenant, target, source));
    }

    private ClientDraft patchDraft(JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw ProblemException.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                    "The request body must be a JSON object.");
        }
        ClientRequest request;
        try {
            request = json.treeToValue(patch, ClientRequest.class);
        } catch (DatabindException ex) {
            throw ProblemException.invalidField(JsonFieldPaths.of(ex), ex instanceof UnrecognizedPropertyException
                    ? "is not a known field"
                    : "has an invalid value");
        }
        ClientDraft draft = request.draft();
        Set<String> fields = new HashSet<>(patch.propertyNames());
        return new ClientDraft(draft.name(), draft.emails(), draft.phones(), draft.address(), draft.tags(),
                draft.notes(), draft.source(), draft.consent(), draft.assignedConsultant(), fields);
    }

    private TenantId tenant() {
        return currentTenant.require();
    }

    static URI location(String id) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(CLIENTS + "/{id}").buildAndExpand(id)
                .toUri();
    }

}
