package com.zorahai.crm.web;

import com.zorahai.crm.ClientId;
import com.zorahai.crm.internal.ClientRecords;
import com.zorahai.crm.web.ClientJson.ActivityResponse;
import com.zorahai.crm.web.ClientJson.NoteRequest;
import com.zorahai.identity.AuthenticatedUser;
import com.zorahai.platform.Page;
import com.zorahai.tenancy.CurrentTenant;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A client's timeline: every interaction, newest first, and notes written by hand.
 */
@PreAuthorize("hasAnyRole('OWNER','ADMIN','CONSULTANT','AGENT')")
@RestController
class ActivityController {

    private final ClientRecords records;
    private final CurrentTenant currentTenant;

    ActivityController(ClientRecords records, CurrentTenant currentTenant) {
        this.records = records;
        this.currentTenant = currentTenant;
    }

    @GetMapping(ClientController.CLIENTS + "/{id}/activities")
    Page<ActivityResponse> timeline(@PathVariable String id, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return records.timeline(currentTenant.require(), ClientId.parse(id, "id"), page, size)
                .map(ActivityResponse::of);
    }

    @PostMapping(path = ClientController.CLIENTS + "/{id}/activities", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ActivityResponse addNote(@PathVariable String id, @RequestBody NoteRequest note,
            @AuthenticationPrincipal AuthenticatedUser user) {
        return ActivityResponse.of(records.addNote(currentTenant.require(), ClientId.parse(id, "id"),
                new ClientRecords.NoteDraft(note.type(), note.summary(), note.occurredAt()),
                user == null ? null : user.userId()));
    }
}
