package com.zorahai.whatsapp.web;

import com.zorahai.platform.Page;
import com.zorahai.tenancy.CurrentTenant;
import com.zorahai.whatsapp.internal.WhatsAppProperties;
import com.zorahai.whatsapp.sandbox.SandboxMessages;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the sandbox provider recorded for the caller's tenant, newest first. Owners and admins. */
@PreAuthorize("hasAnyRole('OWNER','ADMIN')")
@RestController("whatsappSandboxController")
class SandboxController {

    private final SandboxMessages sandbox;
    private final CurrentTenant currentTenant;
    private final WhatsAppProperties properties;

    SandboxController(SandboxMessages sandbox, CurrentTenant currentTenant, WhatsAppProperties properties) {
        this.sandbox = sandbox;
        this.currentTenant = currentTenant;
        this.properties = properties;
    }

    @GetMapping("/api/v1/whatsapp/sandbox/messages")
    Page<SandboxMessages.Recorded> list(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return sandbox.page(currentTenant.require(), Paging.page(page), Paging.size(size, properties.maxPageSize()));
    }
}
