package com.zorahai.identity.internal;

import com.zorahai.identity.Role;
import com.zorahai.tenancy.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code organization_users} table.
 */
@Repository
public class Memberships {

    private final JdbcClient jdbc;

    Memberships(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every membership of the user, oldest first (the order that picks the default tenant). */
    public List<Membership> ofUser(UUID userId) {
        return jdbc.sql("""
                select user_id, tenant_id, role, active, created_at from organization_users
                where user_id = ? order by created_at, tenant_id
                """).param(userId).query(Memberships::map).list();
    }

    public Optional<Membership> find(TenantId tenant, UUID userId) {
        return jdbc.sql("select user_id, tenant_id, role, active, created_at from organization_users "
                + "where tenant_id = ? and user_id = ?").params(tenant.value(), userId)
                .query(Memberships::map)
                .optional();
    }

    /** A page of the tenant's members with their accounts, oldest first. */
    public List<Member> members(TenantId tenant, int offset, int limit) {
        return jdbc.sql("""
                select u.id, u.email, u.name, u.email_verified_at, m.role, m.active, m.created_at
                from organization_users m join users u on u.id = m.user_id
                where m.tenant_id = ? order by m.created_at, u.id offset ? limit ?
                """).params(tenant.value(), offset, limit).query(Memberships::mapMember).list();
    }

    public Optional<Member> member(TenantId tenant, UUID userId) {
        return jdbc.sql("""
                select u.id, u.email, u.name, u.email_verified_at, m.role, m.active, m.created_at
                from organization_users m join users u on u.id = m.user_id
                where m.tenant_id = ? and m.user_id = ?
                """).params(tenant.value(), userId).query(Memberships::mapMember).optional();
    }

    /**
     * The tenant's active members whose account is active and whose role is one of {@code roles}, oldest membership
     * first, at most {@code limit}.
     */
    public List<Member> activeMembers(TenantId tenant, Collection<Role> roles, int limit) {
        if (roles.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select u.id, u.email, u.name, u.email_verified_at, m.role, m.active, m.created_at
                from organization_users m join users u on u.id = m.user_id
                where m.tenant_id = :tenant and m.active and u.active and m.role in (:roles)
                order by m.created_at, u.id limit :limit
                """).param("tenant", tenant.value())
                .param("roles", roles.stream().map(Role::value).toList())
                .param("limit", limit)
                .query(Memberships::mapMember)
                .list();
    }

    /** The member, when both the membership and the account are active. */
    public Optional<Member> activeMember(TenantId tenant, UUID userId) {
        return jdbc.sql("""
                select u.id, u.email, u.name, u.email_verified_at, m.role, m.active, m.created_at
                from organization_users m join users u on u.id = m.user_id
                where m.tenant_id = ? and m.user_id = ? and m.active and u.active
                """).params(tenant.value(), userId).query(Memberships::mapMember).optional();
    }

    public long count(TenantId tenant) {
        return jdbc.sql("select count(*) from organization_users where tenant_id = ?")
                .param(tenant.value())
                .query(Long.class)
                .single();
    }

    /** Active owners of the tenant, locked until the end of the transaction. */
    public List<UUID> lockActiveOwners(TenantId tenant) {
        return jdbc.sql("select user_id from organization_users where tenant_id = ? and role = 'owner' and active "
                + "order by user_id for update").param(tenant.value()).query(UUID.class).list();
    }

    public boolean hasOwner(TenantId tenant) {
        return jdbc.sql("select exists (select 1 from organization_users where tenant_id = ? and role = 'owner')")
                .param(tenant.value())
                .query(Boolean.class)
                .single();
    }

    /** Adds the membership, or gives an existing one this role and reactivates it. */
    public void grant(TenantId tenant, UUID userId, Role role) {
        jdbc.sql("""
                insert into organization_users (tenant_id, user_id, role, active, created_at, updated_at)
                values (?, ?, ?, true, now(), now())
                on conflict (tenant_id, user_id) do update set role = excluded.role, active = true,
                    updated_at = now()
                """).params(tenant.value(), userId, role.value()).update();
    }

    public void update(TenantId tenant, UUID userId, Role role, boolean active) {
        jdbc.sql("update organization_users set role = ?, active = ?, updated_at = now() "
                + "where tenant_id = ? and user_id = ?").params(role.value(), active, tenant.value(), userId).update();
    }

    public void remove(TenantId tenant, UUID userId) {
        jdbc.sql("delete from organization_users where tenant_id = ? and user_id = ?")
                .params(tenant.value(), userId)
                .update();
    }

    /** A member of a tenant as the users API shows it. */
    public record Member(UUID id, String email, String name, boolean emailVerified, Role role, boolean active,
            Instant joinedAt) {
    }

    private static Membership map(ResultSet rs, int row) throws SQLException {
        return new Membership(rs.getObject("user_id", UUID.class), TenantId.of(rs.getString("tenant_id")),
                Role.parse(rs.getString("role")), rs.getBoolean("active"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static Member mapMember(ResultSet rs, int row) throws SQLException {
        return new Member(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("name"),
                rs.getTimestamp("email_verified_at") != null, Role.parse(rs.getString("role")),
                rs.getBoolean("active"), rs.getTimestamp("created_at").toInstant());
    }
}
