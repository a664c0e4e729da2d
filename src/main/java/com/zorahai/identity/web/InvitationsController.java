package com.zorahai.identity.web;

import com.zorahai.identity.AuthenticatedUser;
import com.zorahai.identity.Role;
import com.zorahai.identity.internal.Invitation;
import com.zorahai.identity.internal.InvitationService;
import com.zorahai.platform.Page;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Invitations to the caller's tenant (owners and admins), and their acceptance (anyone holding the emailed token).
 */
@RestController
@RequestMapping("/api/v1/invitations")
@Validated
class InvitationsController {

    private final InvitationService invitations;

    InvitationsController(InvitationService invitations) {
        this.invitations = invitations;
    }

    record InvitationRequest(@NotBlank @Email @Size(max = 320) String email, @NotNull Role role) {
    }

    record AcceptRequest(@NotBlank @Size(max = 200) String token, @Size(max = 200) String name,
            @NotBlank @Size(max = 1024) String password) {
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('OWNER','ADMIN')")
    ResponseEntity<Invitation> invite(@Valid @RequestBody InvitationRequest body,
            @AuthenticationPrincipal AuthenticatedUser actor) {
        Invitation invitation = invitations.invite(actor, body.email(), body.role());
        return ResponseEntity.created(URI.create("/api/v1/invitations/" + invitation.id())).body(invitation);
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('OWNER','ADMIN')")
    Page<Invitation> list(@RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return invitations.list(page, size);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('OWNER','ADMIN')")
    Invitation get(@PathVariable UUID id) {
        return invitations.get(id);
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAnyRole('OWNER','ADMIN')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void withdraw(@PathVariable UUID id) {
        invitations.withdraw(id);
    }

    /** Joins the tenant with the emailed token; answers with the new member's tokens. */
    @PostMapping("/accept")
    @PreAuthorize("permitAll()")
    TokenResponse accept(@Valid @RequestBody AcceptRequest body, HttpServletRequest request) {
        return TokenResponse.of(invitations.accept(body.token(), body.name(), body.password(),
                request.getRemoteAddr()));
    }
}
