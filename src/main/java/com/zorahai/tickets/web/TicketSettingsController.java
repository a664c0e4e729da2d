package com.zorahai.tickets.web;

import com.zorahai.identity.AuthenticatedUser;
import com.zorahai.tenancy.CurrentTenant;
import com.zorahai.tickets.internal.TicketSettingsService;
import com.zorahai.tickets.web.TicketJson.SettingsRequest;
import com.zorahai.tickets.web.TicketJson.SettingsResponse;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant's business hours and response times per priority, which set the SLA due time of new tickets. Owners
 * and admins only.
 */
@PreAuthorize("hasAnyRole('OWNER','ADMIN')")
@RestController
class TicketSettingsController {

    static final String SETTINGS = TicketController.TICKETS + "/settings";

    private final TicketSettingsService settings;
    private final CurrentTenant currentTenant;

    TicketSettingsController(TicketSettingsService settings, CurrentTenant currentTenant) {
        this.settings = settings;
        this.currentTenant = currentTenant;
    }

    @GetMapping(SETTINGS)
    SettingsResponse get() {
        return SettingsResponse.of(settings.get(currentTenant.require()));
    }

    /** Replaces the settings; a field left out takes its default. */
    @PutMapping(path = SETTINGS, consumes = MediaType.APPLICATION_JSON_VALUE)
    SettingsResponse put(@RequestBody SettingsRequest request, @AuthenticationPrincipal AuthenticatedUser user) {
        return SettingsResponse.of(settings.update(currentTenant.require(), request.draft(),
                user == null ? null : user.userId()));
    }
}
