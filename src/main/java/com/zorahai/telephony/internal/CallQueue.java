package com.zorahai.telephony.internal;

import com.zorahai.crm.ClientId;
import com.zorahai.crm.ClientView;
import com.zorahai.crm.Clients;
import com.zorahai.platform.Page;
import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbound call queue: what may be queued (never a number on the do-not-call list), when it may ring (the
 * tenant's calling hours in the callee's time zones), and what an attempt's outcome means for the entry.
 */
@Service
public class CallQueue {

    private static final Logger log = LoggerFactory.getLogger(CallQueue.class);

    private final CallQueueStore store;
    private final DoNotCallList doNotCall;
    private final TelephonySettingsStore settings;
    private final TelephonyProperties properties;
    private final Clients clients;
    private final Clock clock;

    CallQueue(CallQueueStore store, DoNotCallList doNotCall, TelephonySettingsStore settings,
            TelephonyProperties properties, Clients clients, Optional<Clock> clock) {
        this.store = store;
        this.doNotCall = doNotCall;
        this.settings = settings;
        this.properties = properties;
        this.clients = clients;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /**
     * A call to queue.
     *
     * @param phoneNumber E.164; the client's first phone when null
     * @param assistantKey the tenant's assistant placing the call, {@code outbound} when null
     * @param timeZone the callee's zone; when null the zones of the number apply
     * @param maxAttempts the tenant's setting when null
     */
    public record Request(UUID clientId, String phoneNumber, String purpose, String assistantKey, String timeZone,
            Instant earliestAt, Instant latestAt, Integer maxAttempts) {
    }

    @Transactional
    public QueueEntry enqueue(Tenant tenant, Request request) {
        return enqueue(tenant, request, null);
    }

    /** Queues the call at the first moment the callee's calling hours allow, from {@code earliestAt}. */
    @Transactional
    public QueueEntry enqueue(Tenant tenant, Request request, UUID callbackRequestId) {
        TenantId tenantId = tenant.id();
        TelephonySettings tenantSettings = settings.get(tenantId);
        UUID clientId = request.clientId();
        String phone = request.phoneNumber() == null ? null : Phones.e164(request.phoneNumber(), "phone_number");
        if (clientId != null) {
            ClientView client = clients.find(tenantId, ClientId.of(clientId))
                    .filter(ClientView::isLive)
                    .orElseThrow(() -> ProblemException.invalidField("client_id", "is not a client of yours"));
            if (phone == null) {
                phone = client.phones().stream().map(Phones::parseE164).flatMap(Optional::stream).findFirst()
                        .orElseThrow(() -> ProblemException.invalidField("phone_number",
                                "is required: the client has no valid phone"));
            }
        } else if (phone == null) {
            throw ProblemException.invalidField("phone_number", "is required when no client_id is given");
        } else {
            clientId = clients.findByPhone(tenantId, phone).map(c -> c.id().value()).orElse(null);
        }
        String assistantKey = Assistants.requireKey(tenant,
                request.assistantKey() == null ? Assistants.OUTBOUND : request.assistantKey(), "assistant");
        String zone = request.timeZone() == null ? null : zone(request.timeZone());
        Instant now = clock.instant();
        Instant earliest = request.earliestAt() == null || request.earliestAt().isBefore(now)
                ? now
                : request.earliestAt();
        if (request.latestAt() != null && !request.latestAt().isAfter(earliest)) {
            throw ProblemException.invalidField("latest_at", "must be after earliest_at and in the future");
        }
        int maxAttempts = request.maxAttempts() == null ? tenantSettings.maxAttempts() : request.maxAttempts();
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw ProblemException.invalidField("max_attempts", "must be between 1 and 20");
        }
        if (doNotCall.contains(tenantId, phone)) {
            throw ProblemException.of(HttpStatus.CONFLICT, "do-not-call", "Do not call",
                    "The number is on the do-not-call list.");
        }
        CallingWindow window = window(tenant, tenantSettings, phone, zone);
        Instant next = window.nextOpeningOrFirstZone(earliest);
        if (request.latestAt() != null && next.isAfter(request.latestAt())) {
            throw ProblemException.invalidField("latest_at",
                    "leaves no time inside the calling hours (first possible: " + next + ")");
        }
        QueueEntry entry = new QueueEntry(UUID.randomUUID(), tenantId.value(), clientId, phone, request.purpose(),
                assistantKey, zone, earliest, request.latestAt(), next, 0, maxAttempts, "queued", null, null, null,
                null, null, callbackRequestId, now, now);
        store.insert(entry);
        log.info("Queued call {} for tenant {} at {}", entry.id(), tenantId, next);
        return store.find(tenantId, entry.id()).orElseThrow();
    }

    public QueueEntry get(TenantId tenant, UUID id) {
        return store.find(tenant, id).orElseThrow(() -> ProblemException.notFound("call-queue-entry", id));
    }

    public Page<QueueEntry> list(TenantId tenant, String status, UUID clientId, int page, int size) {
        return new Page<>(store.list(tenant, status, clientId, page, size), page, size,
                store.count(tenant, status, clientId));
    }

    /** Cancels a waiting call; 409 when it is being dialled or in a call, or already finished. */
    @Transactional
    public void cancel(TenantId tenant, UUID id) {
        QueueEntry entry = get(tenant, id);
        if (!store.cancel(tenant, id)) {
            throw ProblemException.of(HttpStatus.CONFLICT, "call-queue-entry-not-waiting", "Not waiting",
                    "The call is " + entry.status().replace('_', ' ') + " and can no longer be cancelled.")
                    .with("status", entry.status());
        }
    }

    /**
     * Applies the outcome of a placed call to its queue entry: {@code completed} and {@code refused} finish it,
     * others try again after the tenant's backoff (moved into calling hours) until the attempts are used up or
     * {@code latest_at} passes. Returns the entry, when the call came from the queue.
     */
    @Transactional
    public Optional<QueueEntry> applyOutcome(Tenant tenant, String vapiCallId, String outcome, UUID callRecordId) {
        Optional<QueueEntry> found = store.lockByCall(tenant.id(), vapiCallId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        QueueEntry entry = found.get();
        if (!"in_call".equals(entry.status()) && !"dialing".equals(entry.status())) {
            // a late report for an entry that was finished or cancelled meanwhile: link the record only
            store.outcome(entry.id(), entry.status(), entry.lastOutcome() == null ? outcome : entry.lastOutcome(),
                    null, callRecordId);
            return store.find(tenant.id(), entry.id());
        }
        TelephonySettings tenantSettings = settings.get(tenant.id());
        if (CallOutcomes.isFinal(outcome)) {
            store.outcome(entry.id(), outcome, outcome, null, callRecordId);
        } else if (entry.attempts() >= entry.maxAttempts()) {
            store.outcome(entry.id(), "exhausted", outcome, null, callRecordId);
        } else {
            RetryPolicy policy = new RetryPolicy(tenantSettings.retryBackoff(),
                    tenantSettings.retryBackoffMultiplier(), properties.queue().maxBackoff());
            Instant next = window(tenant, tenantSettings, entry.phoneNumber(), entry.timeZone())
                    .nextOpeningOrFirstZone(clock.instant().plus(policy.delayAfter(entry.attempts())));
            if (entry.latestAt() != null && next.isAfter(entry.latestAt())) {
                store.outcome(entry.id(), "expired", outcome, null, callRecordId);
            } else {
                store.outcome(entry.id(), "queued", outcome, next, callRecordId);
            }
        }
        log.info("Queued call {} of tenant {}: outcome {}", entry.id(), tenant.id(), outcome);
        return store.find(tenant.id(), entry.id());
    }

    /** The calling window of a callee: the given zone, else the number's zones, else the tenant's. */
    public CallingWindow window(Tenant tenant, TelephonySettings tenantSettings, String phone, String zone) {
        List<ZoneId> zones = zone != null ? List.of(ZoneId.of(zone)) : Phones.timeZones(phone);
        if (zones.isEmpty()) {
            zones = List.of(tenant.timezone());
        }
        return new CallingWindow(tenantSettings.callingHoursStart(), tenantSettings.callingHoursEnd(),
                tenantSettings.callingDays(), zones);
    }

    public Instant now() {
        return clock.instant();
    }

    private static String zone(String value) {
        try {
            return ZoneId.of(value.trim()).getId();
        } catch (DateTimeException ex) {
            throw ProblemException.invalidField("time_zone", "must be an IANA time zone, e.g. Europe/London");
        }
    }
}
