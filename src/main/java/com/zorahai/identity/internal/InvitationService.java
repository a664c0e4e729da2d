package com.zorahai.identity.internal;

import com.zorahai.identity.AuthenticatedUser;
import com.zorahai.identity.Role;
import com.zorahai.platform.Page;
import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.CurrentTenant;
import com.zorahai.tenancy.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations of the caller's tenant, and their acceptance: the invitee proves the mailbox with the emailed token,
 * chooses a password (or gives the one of an existing account) and becomes a member with the invited role.
 */
@Service
public class InvitationService {

    private static final String COLUMNS = "id, tenant_id, email, role, expires_at, invited_by, created_at, "
            + "accepted_at";

    private final JdbcClient jdbc;
    private final CurrentTenant currentTenant;
    private final Memberships memberships;
    private final Users users;
    private final AccountDirectory directory;
    private final IdentityProvider provider;
    private final AccountEmails emails;
    private final RateLimits rateLimits;
    private final IdentityProperties properties;

    InvitationService(JdbcClient jdbc, CurrentTenant currentTenant, Memberships memberships, Users users,
            AccountDirectory directory, IdentityProvider provider, AccountEmails emails, RateLimits rateLimits,
            IdentityProperties properties) {
        this.jdbc = jdbc;
        this.currentTenant = currentTenant;
        this.memberships = memberships;
        this.users = users;
        this.directory = directory;
        this.provider = provider;
        this.emails = emails;
        this.rateLimits = rateLimits;
        this.properties = properties;
    }

    @Transactional
    public Invitation invite(AuthenticatedUser actor, String email, Role role) {
        TenantId tenant = currentTenant.require();
        Account inviter = directory.find(actor.userId()).orElseThrow(IdentityProblems::notFound);
        if (!inviter.user().emailVerified()) {
            throw ProblemException.of(HttpStatus.FORBIDDEN, "email-not-verified", "Email not verified",
                    "Confirm your own email address before inviting others.");
        }
        if (role == Role.OWNER && actor.role() != Role.OWNER) {
            throw IdentityProblems.forbidden("Only an owner can invite an owner.");
        }
        String address = email.trim();
        Optional<UserAccount> existing = users.findByEmail(address);
        if (existing.flatMap(u -> memberships.find(tenant, u.id())).filter(Membership::active).isPresent()) {
            throw IdentityProblems.alreadyMember();
        }
        jdbc.sql("delete from user_invitations where tenant_id = ? and lower(email) = ? and accepted_at is null")
                .params(tenant.value(), Users.normalize(address))
                .update();
        String token = SecretTokens.generate();
        UUID id = UUID.randomUUID();
        Instant expiresAt = Instant.now().plus(properties.invitationTtl());
        jdbc.sql("""
                insert into user_invitations (id, tenant_id, email, role, token_hash, expires_at, invited_by)
                values (?, ?, ?, ?, ?, ?, ?)
                """)
                .params(id, tenant.value(), address, role.value(), SecretTokens.hash(token),
                        Timestamp.from(expiresAt), actor.userId())
                .update();
        String inviterName = inviter.user().name() == null ? inviter.user().email() : inviter.user().name();
        emails.invitation(tenant, address, inviterName, token, expiresAt);
        return find(tenant, id).orElseThrow();
    }

    public Page<Invitation> list(int page, int size) {
        TenantId tenant = currentTenant.require();
        List<Invitation> items = jdbc.sql("select " + COLUMNS + " from user_invitations where tenant_id = ? "
                + "order by created_at desc, id offset ? limit ?")
                .params(tenant.value(), page * size, size)
                .query(InvitationService::map)
                .list();
        long total = jdbc.sql("select count(*) from user_invitations where tenant_id = ?")
                .param(tenant.value())
                .query(Long.class)
                .single();
        return new Page<>(items, page, size, total);
    }

    public Invitation get(UUID id) {
        return find(currentTenant.require(), id).orElseThrow(() -> ProblemException.notFound("invitation", id));
    }

    /** Withdraws a pending invitation (its link stops working); an accepted one stays as a record. */
    @Transactional
    public void withdraw(UUID id) {
        Invitation invitation = get(id);
        if (invitation.acceptedAt() != null) {
            throw ProblemException.of(HttpStatus.CONFLICT, "invitation-accepted", "Invitation accepted",
                    "This invitation was already accepted; manage the member under /api/v1/users instead.");
        }
        jdbc.sql("delete from user_invitations where id = ? and tenant_id = ?")
                .params(id, invitation.tenantId())
                .update();
    }

    /**
     * Accepts an invitation: a new account with this name and password, or the existing account of the invited
     * email when the password is its own. Signs the member in.
     */
    @Transactional
    public TokenPair accept(String token, String name, String password, String address) {
        rateLimits.checkAddress("invitation-accept", address);
        rateLimits.checkAccount("invitation-accept", token == null ? null : SecretTokens.hash(token));
        Invitation invitation = (token == null || token.length() > 200
                ? Optional.<Invitation>empty()
                : jdbc.sql("select " + COLUMNS + " from user_invitations where token_hash = ? for update")
                        .param(SecretTokens.hash(token))
                        .query(InvitationService::map)
                        .optional())
                .orElseThrow(() -> invitationProblem(HttpStatus.BAD_REQUEST, "invitation-invalid",
                        "Invalid invitation", "This invitation link is not valid."));
        if (invitation.acceptedAt() != null) {
            throw invitationProblem(HttpStatus.CONFLICT, "invitation-used", "Invitation used",
                    "This invitation was already accepted: sign in instead.");
        }
        if (!invitation.expiresAt().isAfter(Instant.now())) {
            throw invitationProblem(HttpStatus.GONE, "invitation-expired", "Invitation expired",
                    "This invitation has expired: ask for a new one.");
        }
        TenantId tenant = TenantId.of(invitation.tenantId());
        Optional<UserAccount> existing = users.findByEmail(invitation.email());
        if (existing.isEmpty() && (name == null || name.isBlank())) {
            throw ProblemException.invalidField("name", "must not be blank");
        }
        UserAccount account = existing.orElseGet(() -> provider.createAccount(invitation.email(), name.trim(),
                password, true));
        if (existing.isPresent()) {
            users.markEmailVerified(account.id());
        }
        memberships.grant(tenant, account.id(), invitation.role());
        jdbc.sql("update user_invitations set accepted_at = now(), accepted_by = ? where id = ?")
                .params(account.id(), invitation.id())
                .update();
        directory.evict(account.id());
        // for an existing account this is where its password is checked; a wrong one undoes the acceptance
        return provider.signIn(invitation.email(), password);
    }

    private Optional<Invitation> find(TenantId tenant, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from user_invitations where id = ? and tenant_id = ?")
                .params(id, tenant.value())
                .query(InvitationService::map)
                .optional();
    }

    private static ProblemException invitationProblem(HttpStatus status, String type, String title, String detail) {
        return ProblemException.of(status, type, title, detail)
                .with("errors", List.of(Map.of("field", "token", "reason", title.toLowerCase())));
    }

    private static Invitation map(ResultSet rs, int row) throws SQLException {
        Timestamp accepted = rs.getTimestamp("accepted_at");
        return new Invitation(rs.getObject("id", UUID.class), rs.getString("tenant_id"), rs.getString("email"),
                Role.parse(rs.getString("role")), rs.getTimestamp("expires_at").toInstant(),
                rs.getObject("invited_by", UUID.class), rs.getTimestamp("created_at").toInstant(),
                accepted == null ? null : accepted.toInstant());
    }
}
