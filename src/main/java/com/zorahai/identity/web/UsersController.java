package com.zorahai.identity.web;

import com.zorahai.identity.AuthenticatedUser;
import com.zorahai.identity.Role;
import com.zorahai.identity.internal.MemberService;
import com.zorahai.identity.internal.Memberships.Member;
import com.zorahai.platform.Page;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The members of the caller's tenant. Every member may look; owners and admins manage.
 */
@RestController
@RequestMapping("/api/v1/users")
@Validated
class UsersController {

    private final MemberService members;

    UsersController(MemberService members) {
        this.members = members;
    }

    /** What may change about a member; absent fields stay as they are. */
    record MemberChange(Role role, Boolean active) {
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('OWNER','ADMIN','CONSULTANT','AGENT')")
    Page<Member> list(@RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return members.list(page, size);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('OWNER','ADMIN','CONSULTANT','AGENT')")
    Member get(@PathVariable UUID id) {
        return members.get(id);
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasAnyRole('OWNER','ADMIN')")
    Member update(@PathVariable UUID id, @RequestBody MemberChange change,
            @AuthenticationPrincipal AuthenticatedUser actor) {
        return members.update(actor, id, change.role(), change.active());
    }

    /** Removes the member from the tenant; the account itself stays. */
    @DeleteMapping("/{id}")
    @PreAuthorize("hasAnyRole('OWNER','ADMIN')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable UUID id, @AuthenticationPrincipal AuthenticatedUser actor) {
        members.remove(actor, id);
    }
}
