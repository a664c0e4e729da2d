package com.zorahai.telephony.internal;

import com.zorahai.telephony.vapi.VapiCall;
import com.zorahai.telephony.vapi.VapiClient;
import com.zorahai.telephony.vapi.VapiFailure;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.Tenants;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Places due queued calls through VAPI's create-call API. Each row is claimed before it is dialled (a lease, with
 * {@code SKIP LOCKED}), checked again against the do-not-call list, {@code latest_at} and the callee's calling
 * hours (outside them it waits for the next opening, no attempt used), and then dialled from the tenant's first
 * active number. The outcome arrives with the call's end-of-call report; a report that is overdue is asked of VAPI.
 */
@Component
public class CallQueueWorker {

    private static final Logger log = LoggerFactory.getLogger(CallQueueWorker.class);
    private static final Duration UNAVAILABLE_RETRY = Duration.ofMinutes(5);
    private static final Duration NO_NUMBER_RETRY = Duration.ofHours(1);

    private final CallQueueStore store;
    private final CallQueue queue;
    private final DoNotCallList doNotCall;
    private final PhoneNumberStore numbers;
    private final TelephonySettingsStore settings;
    private final Tenants tenants;
    private final VapiClient vapi;
    private final TelephonyProperties properties;
    private final AtomicBoolean warnedNotConfigured = new AtomicBoolean();

    CallQueueWorker(CallQueueStore store, CallQueue queue, DoNotCallList doNotCall, PhoneNumberStore numbers,
            TelephonySettingsStore settings, Tenants tenants, VapiClient vapi, TelephonyProperties properties) {
        this.store = store;
        this.queue = queue;
        this.doNotCall = doNotCall;
        this.numbers = numbers;
        this.settings = settings;
        this.tenants = tenants;
        this.vapi = vapi;
        this.properties = properties;
    }

    /** Claims and handles one batch of due calls, then checks overdue reports; returns how many were claimed. */
    public int runOnce() {
        if (!properties.vapi().configured()) {
            if (warnedNotConfigured.compareAndSet(false, true)) {
                log.info("The call queue waits: VAPI_API_KEY is not set");
            }
            return 0;
        }
        List<QueueEntry> batch = store.claim(properties.queue().batchSize(), properties.queue().lease());
        for (QueueEntry entry : batch) {
            MDC.put("tenantId", entry.tenantId());
            try {
                dial(entry);
            } catch (RuntimeException ex) {
                log.error("Queued call {} could not be handled; it waits {}", entry.id(), UNAVAILABLE_RETRY, ex);
                store.reschedule(entry.id(), queue.now().plus(UNAVAILABLE_RETRY), "unexpected error");
            } finally {
                MDC.remove("tenantId");
            }
        }
        checkOverdue();
        return batch.size();
    }

    void dial(QueueEntry entry) {
        Instant now = queue.now();
        Optional<Tenant> found = tenants.find(TenantId.of(entry.tenantId()));
        if (found.isEmpty()) {
            store.finish(entry.id(), "failed", null, "the tenant does not exist");
            return;
        }
        Tenant tenant = found.get();
        if (entry.latestAt() != null && now.isAfter(entry.latestAt())) {
            store.finish(entry.id(), "expired", null, null);
            return;
        }
        if (doNotCall.contains(tenant.id(), entry.phoneNumber())) {
            store.finish(entry.id(), "blocked", "do_not_call", null);
            log.info("Queued call {} blocked: the number is on the do-not-call list", entry.id());
            return;
        }
        CallingWindow window = queue.window(tenant, settings.get(tenant.id()), entry.phoneNumber(),
                entry.timeZone());
        if (!window.isOpen(now)) {
            Instant next = window.nextOpeningOrFirstZone(now);
            if (entry.latestAt() != null && next.isAfter(entry.latestAt())) {
                store.finish(entry.id(), "expired", null, "no calling hours left before latest_at");
            } else {
                store.reschedule(entry.id(), next, "outside calling hours");
                log.debug("Queued call {} waits for calling hours until {}", entry.id(), next);
            }
            return;
        }
        Optional<String> assistantId = Assistants.id(tenant, entry.assistantKey());
        if (assistantId.isEmpty()) {
            store.finish(entry.id(), "failed", null, "the tenant has no assistant '" + entry.assistantKey() + "'");
            return;
        }
        Optional<PhoneNumberRecord> from = numbers.firstActive(tenant.id());
        if (from.isEmpty()) {
            store.reschedule(entry.id(), now.plus(NO_NUMBER_RETRY), "no active phone number to call from");
            return;
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("queue_entry_id", entry.id().toString());
        metadata.put("tenant_id", entry.tenantId());
        try {
            VapiCall call = vapi.createCall(assistantId.get(), from.get().vapiPhoneNumberId(), entry.phoneNumber(),
                    metadata);
            store.placed(entry.id(), call.id(), now.plus(properties.queue().reportTimeout()));
            log.info("Queued call {} placed as VAPI call {} (attempt {})", entry.id(), call.id(),
                    entry.attempts() + 1);
        } catch (VapiFailure failure) {
            if (failure.rejected()) {
                store.finish(entry.id(), "failed", CallOutcomes.FAILED, "VAPI refused the call (HTTP "
                        + failure.status() + ")");
            } else {
                store.reschedule(entry.id(), now.plus(UNAVAILABLE_RETRY), "VAPI unavailable");
            }
        }
    }

    /** Placed calls without a report after {@code report-timeout}: VAPI is asked how they ended. */
    void checkOverdue() {
        for (QueueEntry entry : store.claimOverdueCalls(properties.queue().batchSize(),
                properties.queue().reportTimeout())) {
            Optional<Tenant> tenant = tenants.find(TenantId.of(entry.tenantId()));
            if (tenant.isEmpty() || entry.lastCallId() == null) {
                store.finish(entry.id(), "failed", null, "the call cannot be followed up");
                continue;
            }
            try {
                VapiCall call = vapi.getCall(entry.lastCallId());
                if (call.ended()) {
                    queue.applyOutcome(tenant.get(), entry.lastCallId(), CallOutcomes.of(call.endedReason(), null),
                            null);
                }
            } catch (VapiFailure failure) {
                if (failure.notFound()) {
                    queue.applyOutcome(tenant.get(), entry.lastCallId(), CallOutcomes.FAILED, null);
                }
            }
        }
    }
}
