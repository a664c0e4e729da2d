package com.zorahai.identity.internal;

import com.zorahai.identity.AuthenticatedUser;
import com.zorahai.identity.Role;
import com.zorahai.identity.internal.Memberships.Member;
import com.zorahai.platform.Page;
import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.CurrentTenant;
import com.zorahai.tenancy.TenantId;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The members of the caller's tenant: list, change role or active flag, remove. Only owners make or unmake
 * owners, and a tenant always keeps an active owner.
 */
@Service
public class MemberService {

    private final Memberships memberships;
    private final AccountDirectory directory;
    private final CurrentTenant currentTenant;

    MemberService(Memberships memberships, AccountDirectory directory, CurrentTenant currentTenant) {
        this.memberships = memberships;
        this.directory = directory;
        this.currentTenant = currentTenant;
    }

    public Page<Member> list(int page, int size) {
        TenantId tenant = currentTenant.require();
        return new Page<>(memberships.members(tenant, page * size, size), page, size, memberships.count(tenant));
    }

    public Member get(UUID userId) {
        return memberships.member(currentTenant.require(), userId).orElseThrow(() -> notFound(userId));
    }

    @Transactional
    public Member update(AuthenticatedUser actor, UUID userId, Role role, Boolean active) {
        TenantId tenant = currentTenant.require();
        Member member = memberships.member(tenant, userId).orElseThrow(() -> notFound(userId));
        Role newRole = role == null ? member.role() : role;
        boolean newActive = active == null ? member.active() : active;
        if (actor.role() != Role.OWNER && (member.role() == Role.OWNER || newRole == Role.OWNER)) {
            throw IdentityProblems.forbidden("Only an owner can make, change or deactivate an owner.");
        }
        boolean losesOwner = member.role() == Role.OWNER && member.active()
                && (newRole != Role.OWNER || !newActive);
        if (losesOwner && memberships.lockActiveOwners(tenant).size() <= 1) {
            throw IdentityProblems.lastOwner();
        }
        memberships.update(tenant, userId, newRole, newActive);
        directory.evict(userId);
        return memberships.member(tenant, userId).orElseThrow();
    }

    @Transactional
    public void remove(AuthenticatedUser actor, UUID userId) {
        TenantId tenant = currentTenant.require();
        Member member = memberships.member(tenant, userId).orElseThrow(() -> notFound(userId));
        if (member.role() == Role.OWNER) {
            if (actor.role() != Role.OWNER) {
                throw IdentityProblems.forbidden("Only an owner can remove an owner.");
            }
            if (member.active() && memberships.lockActiveOwners(tenant).size() <= 1) {
                throw IdentityProblems.lastOwner();
            }
        }
        memberships.remove(tenant, userId);
        directory.evict(userId);
    }

    private static ProblemException notFound(UUID userId) {
        return ProblemException.notFound("user", userId);
    }
}
