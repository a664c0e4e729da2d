package com.zorahai.telephony.internal;

import com.zorahai.crm.ActivityType;
import com.zorahai.crm.ClientId;
import com.zorahai.crm.ClientInteraction;
import com.zorahai.crm.ClientView;
import com.zorahai.crm.Clients;
import com.zorahai.platform.Money;
import com.zorahai.telephony.CallEnded;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.Tenants;
import java.time.Instant;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns a stored end-of-call report into the call record, after the inbox row committed: matches the caller to a
 * CRM client, applies the outcome to the queued call it came from, and announces {@link CallEnded} plus a timeline
 * entry. A call that already has its report is left alone, so a redelivered report changes nothing.
 */
@Component
public class CallReports {

    private static final Logger log = LoggerFactory.getLogger(CallReports.class);
    private static final Currency USD = Currency.getInstance("USD");

    private final VapiInbox inbox;
    private final Tenants tenants;
    private final TelephonySettingsStore settings;
    private final PhoneNumberStore numbers;
    private final CallRecordStore records;
    private final CallQueueStore queueStore;
    private final CallQueue queue;
    private final DoNotCallList doNotCall;
    private final Clients clients;
    private final ApplicationEventPublisher events;

    CallReports(VapiInbox inbox, Tenants tenants, TelephonySettingsStore settings, PhoneNumberStore numbers,
            CallRecordStore records, CallQueueStore queueStore, CallQueue queue, DoNotCallList doNotCall,
            Clients clients, ApplicationEventPublisher events) {
        this.inbox = inbox;
        this.tenants = tenants;
        this.settings = settings;
        this.numbers = numbers;
        this.records = records;
        this.queueStore = queueStore;
        this.queue = queue;
        this.doNotCall = doNotCall;
        this.clients = clients;
        this.events = events;
    }

    @ApplicationModuleListener
    void on(CallReportReceived received) {
        apply(received.tenantId(), received.inboxId());
    }

    /** Applies the stored report; returns the call record's id when this report completed the call. */
    Optional<UUID> apply(TenantId tenantId, UUID inboxId) {
        Optional<VapiInbox.Entry> entry = inbox.find(tenantId, inboxId);
        if (entry.isEmpty() || entry.get().payload() == null) {
            return Optional.empty();
        }
        Optional<Tenant> tenant = tenants.find(tenantId);
        if (tenant.isEmpty()) {
            log.warn("Call report {} dropped: tenant {} no longer exists", inboxId, tenantId);
            inbox.processed(inboxId, null);
            return Optional.empty();
        }
        CallReport report = VapiPayloads.report(VapiPayloads.JSON.readTree(entry.get().payload())
                .path("message"));
        TelephonySettings tenantSettings = settings.get(tenantId);
        UUID phoneNumberId = numbers.findForCall(tenantId, report.vapiPhoneNumberId(), report.phoneNumber())
                .map(PhoneNumberRecord::id)
                .orElse(null);
        Optional<QueueEntry> queued = queueStore.lockByCall(tenantId, report.vapiCallId());
        UUID clientId = queued.map(QueueEntry::clientId).orElse(null);
        String customer = report.customerNumber() == null
                ? null
                : Phones.parseE164(report.customerNumber()).orElse(report.customerNumber());
        if (clientId == null && customer != null && !"web".equals(report.direction())) {
            clientId = clients.findByPhone(tenantId, customer).map(ClientView::id).map(ClientId::value)
                    .orElse(null);
        }
        Optional<UUID> recordId = records.report(tenantId, report, phoneNumberId, clientId,
                queued.map(QueueEntry::id).orElse(null), tenantSettings.storeTranscripts());
        if (recordId.isEmpty()) {
            log.info("Call {} of tenant {} already has its report; nothing changed", report.vapiCallId(), tenantId);
            inbox.processed(inboxId, null);
            return Optional.empty();
        }
        if (queued.isPresent()) {
            queue.applyOutcome(tenant.get(), report.vapiCallId(), report.outcome(), recordId.get());
        }
        if (report.doNotCall() && customer != null && Phones.parseE164(customer).isPresent()) {
            doNotCall.add(tenantId, customer, "asked during call " + report.vapiCallId(), "call");
        }
        Money cost = report.costUsd() == null ? null : Money.of(report.costUsd(), USD);
        events.publishEvent(new CallEnded(tenantId, recordId.get(), report.vapiCallId(),
                clientId == null ? null : ClientId.of(clientId), report.direction(), report.durationSeconds(),
                report.endedReason(), report.outcome(), cost, report.startedAt(), report.endedAt()));
        timeline(tenantId, recordId.get(), report, clientId, customer);
        inbox.processed(inboxId, null);
        log.info("Call {} of tenant {} stored: {} ({})", recordId.get(), tenantId, report.outcome(),
                report.endedReason());
        return recordId;
    }

    private void timeline(TenantId tenant, UUID recordId, CallReport report, UUID clientId, String customer) {
        if (clientId == null && (customer == null || "web".equals(report.direction()))) {
            return;
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("call_id", recordId.toString());
        properties.put("direction", report.direction());
        properties.put("outcome", report.outcome());
        if (report.durationSeconds() != null) {
            properties.put("duration_seconds", report.durationSeconds());
        }
        Instant at = report.endedAt() != null ? report.endedAt() : report.startedAt();
        events.publishEvent(new ClientInteraction(tenant, clientId == null ? null : ClientId.of(clientId), null,
                clientId == null ? customer : null, null, ActivityType.CALL, at, summary(report), "call",
                recordId.toString(), "call-ended:" + report.vapiCallId(), properties));
    }

    /** One line for the timeline: direction, length, outcome; never what was said. */
    static String summary(CallReport report) {
        String direction = switch (report.direction()) {
            case "outbound" -> "Outbound call";
            case "web" -> "Web call";
            default -> "Inbound call";
        };
        StringBuilder line = new StringBuilder(direction);
        if (report.durationSeconds() != null) {
            int seconds = report.durationSeconds();
            line.append(", ").append(seconds / 60).append(" min ").append(seconds % 60).append(" s");
        }
        line.append(", ").append(report.outcome().replace('_', ' '));
        return line.toString();
    }
}
