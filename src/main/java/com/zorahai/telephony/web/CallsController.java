package com.zorahai.telephony.web;

import com.zorahai.platform.Page;
import com.zorahai.platform.ProblemException;
import com.zorahai.telephony.internal.CallRecordStore;
import com.zorahai.telephony.internal.TelephonyProperties;
import com.zorahai.telephony.web.TelephonyJson.CallDetail;
import com.zorahai.telephony.web.TelephonyJson.CallSummary;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.Tenants;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant's calls. Lists mask the caller's number and leave transcripts out; a single call shows everything
 * (reads of {@code /api/v1/calls} are written to the PII audit when it is on). Every staff role may read calls.
 */
@PreAuthorize("hasAnyRole('OWNER','ADMIN','CONSULTANT','AGENT')")
@RestController
class CallsController {

    static final String CALLS = "/api/v1/calls";
    private static final Set<String> OUTCOMES = Set.of("completed", "refused", "no_answer", "busy", "voicemail",
            "failed");
    private static final Set<String> DIRECTIONS = Set.of("inbound", "outbound", "web");

    private final CallRecordStore records;
    private final Tenants tenants;
    private final TelephonyProperties properties;

    CallsController(CallRecordStore records, Tenants tenants, TelephonyProperties properties) {
        this.records = records;
        this.tenants = tenants;
        this.properties = properties;
    }

    /**
     * Calls, newest first ({@code sort=started_at,asc} for oldest first). {@code from} and {@code to} are dates
     * (the tenant's days, {@code to} included) or instants; {@code client_id}, {@code outcome} and {@code direction}
     * match exactly.
     */
    @GetMapping(CALLS)
    Page<CallSummary> list(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(name = "client_id", required = false) String clientId,
            @RequestParam(required = false) String outcome, @RequestParam(required = false) String direction,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        Tenant tenant = tenants.current();
        Paging paging = Paging.of(page, size, properties.maxPageSize());
        Instant start = from == null ? null : instant(from, "from", tenant, false);
        Instant end = to == null ? null : instant(to, "to", tenant, true);
        if (start != null && end != null && !end.isAfter(start)) {
            throw ProblemException.invalidField("to", "must be after from");
        }
        UUID client = clientId == null ? null : Ids.uuid(clientId, "client_id");
        String wantedOutcome = outcome == null ? null : outcome.trim().toLowerCase(Locale.ROOT);
        if (wantedOutcome != null && !OUTCOMES.contains(wantedOutcome)) {
            throw ProblemException.invalidField("outcome",
                    "must be completed, refused, no_answer, busy, voicemail or failed");
        }
        String wantedDirection = direction == null ? null : direction.trim().toLowerCase(Locale.ROOT);
        if (wantedDirection != null && !DIRECTIONS.contains(wantedDirection)) {
            throw ProblemException.invalidField("direction", "must be inbound, outbound or web");
        }
        boolean newestFirst = true;
        if (sort != null) {
            String s = sort.trim().toLowerCase(Locale.ROOT).replace(" ", "");
            if (s.equals("started_at,asc")) {
                newestFirst = false;
            } else if (!s.equals("started_at") && !s.equals("started_at,desc")) {
                throw ProblemException.invalidField("sort", "must be started_at, optionally ,asc or ,desc");
            }
        }
        CallRecordStore.Filter filter = new CallRecordStore.Filter(start, end, client, wantedOutcome,
                wantedDirection);
        return new Page<>(records.list(tenant.id(), filter, newestFirst, paging.page(), paging.size()),
                paging.page(), paging.size(), records.count(tenant.id(), filter)).map(CallSummary::of);
    }

    @GetMapping(CALLS + "/{id}")
    CallDetail get(@PathVariable String id) {
        UUID callId = Ids.pathId(id);
        return records.find(tenants.current().id(), callId).map(CallDetail::of)
                .orElseThrow(() -> ProblemException.notFound("call", callId));
    }

    private static Instant instant(String value, String field, Tenant tenant, boolean endOfDay) {
        String trimmed = value.trim();
        try {
            if (trimmed.length() == 10) {
                LocalDate day = LocalDate.parse(trimmed);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(tenant.timezone()).toInstant();
            }
            return Instant.parse(trimmed);
        } catch (DateTimeException ex) {
            throw ProblemException.invalidField(field, "must be a date (2026-11-24) or an instant "
                    + "(2026-11-24T10:00:00Z)");
        }
    }
}
