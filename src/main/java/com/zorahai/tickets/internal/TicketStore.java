package com.zorahai.tickets.internal;

import com.zorahai.crm.ClientId;
import com.zorahai.platform.Page;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tickets.TicketChannel;
import com.zorahai.tickets.TicketId;
import com.zorahai.tickets.TicketPriority;
import com.zorahai.tickets.TicketReplied.Direction;
import com.zorahai.tickets.TicketStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code inbound_tickets} and {@code inbound_ticket_replies} tables. Every query names the tenant.
 */
@Repository
class TicketStore {

    private static final String COLUMNS = """
            t.id, t.tenant_id, t.subject, t.body, t.channel, t.status, t.priority, t.client_id, t.requester_email,
            t.requester_name, t.requester_phone, t.assignee_id, t.source_reference, t.opened_at, t.sla_due_at,
            t.first_response_at, t.resolved_at, t.closed_at, t.created_by, t.created_at, t.updated_at,
            t.erased_at""";

    private static final String REPLY_COLUMNS = """
            id, ticket_id, direction, body, author_id, from_address, from_name, to_address, delivery, email_id,
            source_reference, created_at""";

    private final JdbcClient jdbc;

    TicketStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * How a search filters and orders; empty or null filters match everything.
     *
     * @param unassigned only tickets without an assignee (then {@code assignee} is null)
     * @param breached only tickets whose first response is (or, missing at {@code now}, would be) late; or only
     *        those on time
     */
    record Search(Collection<TicketStatus> statuses, Collection<TicketPriority> priorities,
            Collection<TicketChannel> channels, UUID assignee, boolean unassigned, ClientId client, Boolean breached,
            String text, Instant now, TicketSort sort, boolean descending, long offset, int limit) {
    }

    /** Adds the ticket; {@code false} when the tenant already has a ticket from the same channel and source. */
    boolean insert(Ticket t, String sourceKey) {
        return jdbc.sql("""
                insert into inbound_tickets (id, tenant_id, subject, body, channel, status, priority, client_id,
                    requester_email, requester_name, requester_phone, assignee_id, source_reference, source_key,
                    opened_at, sla_due_at, first_response_at, resolved_at, closed_at, created_by, created_at,
                    updated_at, erased_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (tenant_id, channel, source_key) where source_key is not null do nothing""")
                .params(t.id().value(), t.tenantId().value(), t.subject(), t.body(), t.channel().value(),
                        t.status().value(), t.priority().value(), client(t.clientId()), t.requesterEmail(),
                        t.requesterName(), t.requesterPhone(), t.assigneeId(), t.sourceReference(), sourceKey,
                        ts(t.openedAt()), ts(t.slaDueAt()), ts(t.firstResponseAt()), ts(t.resolvedAt()),
                        ts(t.closedAt()), t.createdBy(), ts(t.createdAt()), ts(t.updatedAt()), ts(t.erasedAt()))
                .update() == 1;
    }

    /** Writes every field that can change. */
    void update(Ticket t) {
        jdbc.sql("""
                update inbound_tickets set subject = ?, body = ?, status = ?, priority = ?, client_id = ?,
                    requester_email = ?, requester_name = ?, requester_phone = ?, assignee_id = ?, sla_due_at = ?,
                    first_response_at = ?, resolved_at = ?, closed_at = ?, updated_at = ?, erased_at = ?
                 where tenant_id = ? and id = ?""")
                .params(t.subject(), t.body(), t.status().value(), t.priority().value(), client(t.clientId()),
                        t.requesterEmail(), t.requesterName(), t.requesterPhone(), t.assigneeId(),
                        ts(t.slaDueAt()), ts(t.firstResponseAt()), ts(t.resolvedAt()), ts(t.closedAt()),
                        ts(t.updatedAt()), ts(t.erasedAt()), t.tenantId().value(), t.id().value())
                .update();
    }

    Optional<Ticket> find(TenantId tenant, TicketId id) {
        return jdbc.sql("select " + COLUMNS + " from inbound_tickets t where t.tenant_id = ? and t.id = ?")
                .params(tenant.value(), id.value())
                .query(TicketStore::ticket)
                .optional();
    }

    /** The ticket, locked until the transaction ends. */
    Optional<Ticket> lock(TenantId tenant, TicketId id) {
        return jdbc.sql("select " + COLUMNS + " from inbound_tickets t where t.tenant_id = ? and t.id = ?"
                + " for update")
                .params(tenant.value(), id.value())
                .query(TicketStore::ticket)
                .optional();
    }

    Optional<TicketId> findBySource(TenantId tenant, TicketChannel channel, String sourceKey) {
        return jdbc.sql("select id from inbound_tickets where tenant_id = ? and channel = ? and source_key = ?")
                .params(tenant.value(), channel.value(), sourceKey)
                .query((rs, n) -> TicketId.of(rs.getObject(1, UUID.class)))
                .optional();
    }

    /** The newest ticket whose opening message, or one of whose replies, has one of these keys. */
    Optional<TicketId> findByReferences(TenantId tenant, List<String> keys) {
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        String[] array = keys.toArray(String[]::new);
        return jdbc.sql("""
                select t.id from inbound_tickets t
                 where t.tenant_id = :tenant
                   and (t.source_key = any(:keys)
                        or exists (select 1 from inbound_ticket_replies r
                                    where r.tenant_id = t.tenant_id and r.ticket_id = t.id
                                      and r.source_key = any(:keys)))
                 order by t.opened_at desc, t.id
                 limit 1""")
                .param("tenant", tenant.value())
                .param("keys", array)
                .query((rs, n) -> TicketId.of(rs.getObject(1, UUID.class)))
                .optional();
    }

    boolean delete(TenantId tenant, TicketId id) {
        return jdbc.sql("delete from inbound_tickets where tenant_id = ? and id = ?")
                .params(tenant.value(), id.value())
                .update() == 1;
    }

    /** Tickets matching the search, in its order, and how many match in all. */
    Page<Ticket> search(TenantId tenant, Search search) {
        StringBuilder where = new StringBuilder(" from inbound_tickets t where t.tenant_id = :tenant");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("tenant", tenant.value());
        if (search.statuses() != null && !search.statuses().isEmpty()) {
            params.put("statuses", search.statuses().stream().map(TicketStatus::value).toArray(String[]::new));
            where.append(" and t.status = any(:statuses)");
        }
        if (search.priorities() != null && !search.priorities().isEmpty()) {
            params.put("priorities", search.priorities().stream().map(TicketPriority::value)
                    .toArray(String[]::new));
            where.append(" and t.priority = any(:priorities)");
        }
        if (search.channels() != null && !search.channels().isEmpty()) {
            params.put("channels", search.channels().stream().map(TicketChannel::value).toArray(String[]::new));
            where.append(" and t.channel = any(:channels)");
        }
        if (search.unassigned()) {
            where.append(" and t.assignee_id is null");
        } else if (search.assignee() != null) {
            params.put("assignee", search.assignee());
            where.append(" and t.assignee_id = :assignee");
        }
        if (search.client() != null) {
            params.put("client", search.client().value());
            where.append(" and t.client_id = :client");
        }
        if (search.breached() != null) {
            params.put("now", ts(search.now()));
            where.append(search.breached()
                    ? " and coalesce(t.first_response_at, :now) > t.sla_due_at"
                    : " and coalesce(t.first_response_at, :now) <= t.sla_due_at");
        }
        if (search.text() != null) {
            params.put("pattern", "%" + likeEscape(search.text().toLowerCase(Locale.ROOT)) + "%");
            where.append(" and lower(t.subject) like :pattern");
        }
        long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
        String direction = search.descending() ? " desc" : " asc";
        params.put("limit", search.limit());
        params.put("offset", search.offset());
        List<Ticket> rows = jdbc.sql("select " + COLUMNS + where + " order by " + search.sort().column()
                + direction + ", t.id" + direction + " limit :limit offset :offset")
                .params(params)
                .query(TicketStore::ticket)
                .list();
        return new Page<>(rows, 0, search.limit(), total);
    }

    /** The client's tickets, oldest first. */
    List<Ticket> forClient(TenantId tenant, ClientId client) {
        return jdbc.sql("select " + COLUMNS + " from inbound_tickets t where t.tenant_id = ? and t.client_id = ?"
                + " order by t.opened_at, t.id")
                .params(tenant.value(), client.value())
                .query(TicketStore::ticket)
                .list();
    }

    /** Gives every ticket of {@code from} to {@code to}; how many moved. */
    int moveClient(TenantId tenant, ClientId from, ClientId to) {
        return jdbc.sql("update inbound_tickets set client_id = ?, updated_at = now() where tenant_id = ?"
                + " and client_id = ?")
                .params(to.value(), tenant.value(), from.value())
                .update();
    }

    /** Adds the reply; {@code false} when the ticket already has a reply with the same source key. */
    boolean insertReply(TenantId tenant, TicketReply reply, String sourceKey) {
        return jdbc.sql("""
                insert into inbound_ticket_replies (id, tenant_id, ticket_id, direction, body, author_id,
                    from_address, from_name, to_address, delivery, email_id, source_reference, source_key,
                    created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (tenant_id, ticket_id, source_key) where source_key is not null do nothing""")
                .params(reply.id(), tenant.value(), reply.ticketId().value(), reply.direction().value(),
                        reply.body(), reply.authorId(), reply.fromAddress(), reply.fromName(), reply.toAddress(),
                        reply.delivery(), reply.emailId(), reply.sourceReference(), sourceKey,
                        ts(reply.createdAt()))
                .update() == 1;
    }

    /** The ticket's replies, oldest first. */
    List<TicketReply> replies(TenantId tenant, TicketId ticket) {
        return jdbc.sql("select " + REPLY_COLUMNS + " from inbound_ticket_replies where tenant_id = ?"
                + " and ticket_id = ? order by created_at, id")
                .params(tenant.value(), ticket.value())
                .query(TicketStore::reply)
                .list();
    }

    /** Drops the text and addresses of every reply of the ticket. */
    void eraseReplies(TenantId tenant, TicketId ticket) {
        jdbc.sql("""
                update inbound_ticket_replies set body = null, from_address = null, from_name = null,
                    to_address = null
                 where tenant_id = ? and ticket_id = ?""")
                .params(tenant.value(), ticket.value())
                .update();
    }

    private static Ticket ticket(ResultSet rs, int n) throws SQLException {
        UUID client = rs.getObject("client_id", UUID.class);
        return new Ticket(TicketId.of(rs.getObject("id", UUID.class)), TenantId.of(rs.getString("tenant_id")),
                rs.getString("subject"), rs.getString("body"),
                TicketChannel.find(rs.getString("channel")).orElseThrow(),
                TicketStatus.find(rs.getString("status")).orElseThrow(),
                TicketPriority.find(rs.getString("priority")).orElseThrow(),
                client == null ? null : ClientId.of(client), rs.getString("requester_email"),
                rs.getString("requester_name"), rs.getString("requester_phone"),
                rs.getObject("assignee_id", UUID.class), rs.getString("source_reference"),
                instant(rs, "opened_at"), instant(rs, "sla_due_at"), instant(rs, "first_response_at"),
                instant(rs, "resolved_at"), instant(rs, "closed_at"), rs.getObject("created_by", UUID.class),
                instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "erased_at"));
    }

    private static TicketReply reply(ResultSet rs, int n) throws SQLException {
        return new TicketReply(rs.getObject("id", UUID.class), TicketId.of(rs.getObject("ticket_id", UUID.class)),
                Direction.valueOf(rs.getString("direction").toUpperCase(Locale.ROOT)), rs.getString("body"),
                rs.getObject("author_id", UUID.class), rs.getString("from_address"), rs.getString("from_name"),
                rs.getString("to_address"), rs.getString("delivery"), rs.getObject("email_id", UUID.class),
                rs.getString("source_reference"), instant(rs, "created_at"));
    }

    private static UUID client(ClientId client) {
        return client == null ? null : client.value();
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String likeEscape(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
