package com.zorahai.telephony.internal;

import com.zorahai.tenancy.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code outbound_call_queue} table. Workers claim due rows in one statement with {@code FOR UPDATE SKIP
 * LOCKED}, marking them {@code dialing} with a lease, so two workers never get the same row.
 */
@Component
public class CallQueueStore {

    private final JdbcClient jdbc;

    CallQueueStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(QueueEntry e) {
        jdbc.sql("""
                insert into outbound_call_queue (id, tenant_id, client_id, phone_number, purpose, assistant_key,
                    time_zone, earliest_at, latest_at, next_attempt_at, max_attempts, status, callback_request_id)
                values (:id, :tenant, :client, :number, :purpose, :assistant, :zone, :earliest, :latest, :next,
                    :max, :status, :callback)""")
                .param("id", e.id())
                .param("tenant", e.tenantId())
                .param("client", e.clientId())
                .param("number", e.phoneNumber())
                .param("purpose", e.purpose())
                .param("assistant", e.assistantKey())
                .param("zone", e.timeZone())
                .param("earliest", CallRecordStore.offset(e.earliestAt()))
                .param("latest", CallRecordStore.offset(e.latestAt()))
                .param("next", CallRecordStore.offset(e.nextAttemptAt()))
                .param("max", e.maxAttempts())
                .param("status", e.status())
                .param("callback", e.callbackRequestId())
                .update();
    }

    public Optional<QueueEntry> find(TenantId tenant, UUID id) {
        return jdbc.sql("select * from outbound_call_queue where tenant_id = :tenant and id = :id")
                .param("tenant", tenant.value())
                .param("id", id)
                .query(CallQueueStore::map)
                .optional();
    }

    public List<QueueEntry> list(TenantId tenant, String status, UUID clientId, int page, int size) {
        return jdbc.sql("""
                select * from outbound_call_queue
                 where tenant_id = :tenant and (cast(:status as varchar) is null or status = :status)
                   and (cast(:client as uuid) is null or client_id = :client)
                 order by created_at desc, id limit :size offset :offset""")
                .param("tenant", tenant.value())
                .param("status", status)
                .param("client", clientId)
                .param("size", size)
                .param("offset", (long) page * size)
                .query(CallQueueStore::map)
                .list();
    }

    public long count(TenantId tenant, String status, UUID clientId) {
        return jdbc.sql("""
                select count(*) from outbound_call_queue
                 where tenant_id = :tenant and (cast(:status as varchar) is null or status = :status)
                   and (cast(:client as uuid) is null or client_id = :client)""")
                .param("tenant", tenant.value())
                .param("status", status)
                .param("client", clientId)
                .query(Long.class)
                .single();
    }

    /** Cancels a waiting call; false when it is not waiting (being dialled, in a call, or finished). */
    public boolean cancel(TenantId tenant, UUID id) {
        return jdbc.sql("""
                update outbound_call_queue set status = 'cancelled', lease_until = null, updated_at = now()
                 where tenant_id = :tenant and id = :id and status = 'queued'""")
                .param("tenant", tenant.value())
                .param("id", id)
                .update() == 1;
    }

    /**
     * Claims up to {@code limit} due rows for {@code lease}: queued rows whose time has come, and rows whose
     * worker's lease ran out (it died while dialling).
     */
    public List<QueueEntry> claim(int limit, Duration lease) {
        return jdbc
                .sql("""
                        update outbound_call_queue q set status = 'dialing', lease_until = now() + :lease * interval '1 millisecond',
                            updated_at = now()
                         where q.id in (select id from outbound_call_queue
                                         where (status = 'queued' and next_attempt_at <= now())
                                            or (status = 'dialing' and lease_until < now())
                                         order by next_attempt_at, id
                                         limit :limit
                                         for update skip locked)
                        returning q.*""")
                .param("lease", lease.toMillis())
                .param("limit", limit)
                .query(CallQueueStore::map)
                .list();
    }

    /** Placed calls whose report is overdue, for the worker to ask VAPI about. */
    public List<QueueEntry> claimOverdueCalls(int limit, Duration extend) {
        return jdbc.sql("""
                update outbound_call_queue q set lease_until = now() + :extend * interval '1 millisecond',
                    updated_at = now()
                 where q.id in (select id from outbound_call_queue
                                 where status = 'in_call' and lease_until < now()
                                 order by lease_until, id
                                 limit :limit
                                 for update skip locked)
                returning q.*""")
                .param("extend", extend.toMillis())
                .param("limit", limit)
                .query(CallQueueStore::map)
                .list();
    }

    /** Back to waiting until {@code at}, no attempt used (outside calling hours, VAPI unavailable, ...). */
    public void reschedule(UUID id, Instant at, String reason) {
        jdbc.sql("""
                update outbound_call_queue set status = 'queued', next_attempt_at = :at, lease_until = null,
                    last_error = :reason, updated_at = now()
                 where id = :id and status = 'dialing'""")
                .param("at", CallRecordStore.offset(at))
                .param("reason", reason)
                .param("id", id)
                .update();
    }

    /** The call was placed: one more attempt, waiting for its report until {@code reportDue}. */
    public void placed(UUID id, String vapiCallId, Instant reportDue) {
        jdbc.sql("""
                update outbound_call_queue set status = 'in_call', attempts = attempts + 1, last_call_id = :call,
                    last_error = null, lease_until = :due, updated_at = now()
                 where id = :id""")
                .param("call", vapiCallId)
                .param("due", CallRecordStore.offset(reportDue))
                .param("id", id)
                .update();
    }

    /** Finishes the entry with a final status. */
    public void finish(UUID id, String status, String outcome, String error) {
        jdbc.sql("""
                update outbound_call_queue set status = :status, last_outcome = coalesce(:outcome, last_outcome),
                    last_error = :error, lease_until = null, updated_at = now()
                 where id = :id""")
                .param("status", status)
                .param("outcome", outcome)
                .param("error", error)
                .param("id", id)
                .update();
    }

    /** The placed call with this VAPI id, locked for applying its outcome. */
    public Optional<QueueEntry> lockByCall(TenantId tenant, String vapiCallId) {
        return jdbc.sql("""
                select * from outbound_call_queue where tenant_id = :tenant and last_call_id = :call
                 for update""")
                .param("tenant", tenant.value())
                .param("call", vapiCallId)
                .query(CallQueueStore::map)
                .optional();
    }

    /** Records the outcome of the last attempt and what happens next. */
    public void outcome(UUID id, String status, String outcome, Instant nextAttemptAt, UUID callRecordId) {
        jdbc.sql("""
                update outbound_call_queue set status = :status, last_outcome = :outcome,
                    next_attempt_at = coalesce(:next, next_attempt_at), lease_until = null,
                    call_record_id = coalesce(:record, call_record_id), updated_at = now()
                 where id = :id""")
                .param("status", status)
                .param("outcome", outcome)
                .param("next", CallRecordStore.offset(nextAttemptAt))
                .param("record", callRecordId)
                .param("id", id)
                .update();
    }

    /** Forgets the callee's number and purpose on the client's finished entries; cancels the open ones. */
    public int erase(TenantId tenant, UUID clientId) {
        return jdbc.sql("""
                update outbound_call_queue set phone_number = '', purpose = '',
                    status = case when status in ('queued', 'dialing') then 'cancelled' else status end,
                    updated_at = now()
                 where tenant_id = :tenant and client_id = :client""")
                .param("tenant", tenant.value())
                .param("client", clientId)
                .update();
    }

    public List<QueueEntry> ofClient(TenantId tenant, UUID clientId) {
        return jdbc.sql("select * from outbound_call_queue where tenant_id = :tenant and client_id = :client "
                + "order by created_at, id")
                .param("tenant", tenant.value())
                .param("client", clientId)
                .query(CallQueueStore::map)
                .list();
    }

    static QueueEntry map(ResultSet rs, int row) throws SQLException {
        return new QueueEntry(rs.getObject("id", UUID.class), rs.getString("tenant_id"),
                rs.getObject("client_id", UUID.class), rs.getString("phone_number"), rs.getString("purpose"),
                rs.getString("assistant_key"), rs.getString("time_zone"), PhoneNumberStore.instant(rs, "earliest_at"),
                PhoneNumberStore.instant(rs, "latest_at"), PhoneNumberStore.instant(rs, "next_attempt_at"),
                rs.getInt("attempts"), rs.getInt("max_attempts"), rs.getString("status"),
                rs.getString("last_outcome"), rs.getString("last_error"), rs.getString("last_call_id"),
                rs.getObject("call_record_id", UUID.class), PhoneNumberStore.instant(rs, "lease_until"),
                rs.getObject("callback_request_id", UUID.class), PhoneNumberStore.instant(rs, "created_at"),
                PhoneNumberStore.instant(rs, "updated_at"));
    }
}
