package com.zorahai.crm.web;

import com.zorahai.crm.ClientId;
import com.zorahai.crm.internal.ClientRecords;
import com.zorahai.crm.web.ClientJson.ClientResponse;
import com.zorahai.crm.web.ClientJson.ExportResponse;
import com.zorahai.tenancy.CurrentTenant;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The privacy rights of a client: an export of everything held about them, and erasure. Owners and admins only.
 */
@RestController
@PreAuthorize("hasAnyRole('OWNER','ADMIN')")
class ClientPrivacyController {

    private final ClientRecords records;
    private final CurrentTenant currentTenant;

    ClientPrivacyController(ClientRecords records, CurrentTenant currentTenant) {
        this.records = records;
        this.currentTenant = currentTenant;
    }

    /** Everything held about the client, in every module, whatever its state. */
    @GetMapping(ClientController.CLIENTS + "/{id}/export")
    ResponseEntity<ExportResponse> export(@PathVariable String id) {
        ExportResponse export = ExportResponse.of(records.export(currentTenant.require(), ClientId.parse(id, "id")));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header("Content-Disposition", "attachment; filename=\"client-" + export.client().id() + ".json\"")
                .body(export);
    }

    /** Anonymises the client here and, through an event, in every module; erasing again changes nothing. */
    @PostMapping(ClientController.CLIENTS + "/{id}/erase")
    ClientResponse erase(@PathVariable String id) {
        return ClientResponse.of(records.erase(currentTenant.require(), ClientId.parse(id, "id")));
    }
}
