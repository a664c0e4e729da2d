package com.zorahai.analytics.web;

import com.zorahai.analytics.UnansweredQuestions;
import com.zorahai.analytics.internal.AnalyticsProperties;
import com.zorahai.analytics.internal.Period;
import com.zorahai.analytics.internal.ReportSettingsRecords;
import com.zorahai.analytics.internal.ReportsLog;
import com.zorahai.analytics.internal.Summaries;
import com.zorahai.analytics.internal.Summary;
import com.zorahai.analytics.internal.Timeseries;
import com.zorahai.analytics.web.AnalyticsJson.ReportResponse;
import com.zorahai.analytics.web.AnalyticsJson.SettingsRequest;
import com.zorahai.analytics.web.AnalyticsJson.SettingsResponse;
import com.zorahai.analytics.web.AnalyticsJson.ToQaRequest;
import com.zorahai.analytics.web.AnalyticsJson.UnansweredResponse;
import com.zorahai.identity.AuthenticatedUser;
import com.zorahai.platform.Page;
import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.CurrentTenant;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.Tenants;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant's dashboard numbers: the summary of a period, time series for charts (both in the tenant's time zone),
 * the questions nobody could answer with the call that turns one into a Q&amp;A pair, and the daily-report settings
 * and log.
 */
@PreAuthorize("hasAnyRole('OWNER','ADMIN','CONSULTANT','AGENT')")
@RestController
class AnalyticsController {

    static final String BASE = "/api/v1/analytics";
    static final String UNANSWERED = BASE + "/unanswered";
    private static final int DEFAULT_PAGE_SIZE = 20;

    private final Summaries summaries;
    private final Timeseries timeseries;
    private final UnansweredQuestions unanswered;
    private final ReportSettingsRecords settings;
    private final ReportsLog reports;
    private final Tenants tenants;
    private final CurrentTenant currentTenant;
    private final AnalyticsProperties properties;
    private final Clock clock;

    AnalyticsController(Summaries summaries, Timeseries timeseries, UnansweredQuestions unanswered,
            ReportSettingsRecords settings, ReportsLog reports, Tenants tenants, CurrentTenant currentTenant,
            AnalyticsProperties properties, Clock clock) {
        this.summaries = summaries;
        this.timeseries = timeseries;
        this.unanswered = unanswered;
        this.settings = settings;
        this.reports = reports;
        this.tenants = tenants;
        this.currentTenant = currentTenant;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping(BASE + "/summary")
    Summary summary(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        TenantId tenant = currentTenant.require();
        return summaries.summary(tenant, period(from, to, zone(tenant)));
    }

    @GetMapping(BASE + "/timeseries")
    Timeseries.Series timeseries(@RequestParam(required = false) String metric,
            @RequestParam(required = false) String interval, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String currency) {
        if (metric == null || metric.isBlank()) {
            throw ProblemException.invalidField("metric", "is required");
        }
        TenantId tenant = currentTenant.require();
        Optional<Tenant> config = tenants.find(tenant);
        return timeseries.series(tenant, metric, interval, period(from, to, zone(tenant)), currency,
                config.map(t -> t.currency().getCurrencyCode()).orElse(null));
    }

    @GetMapping(UNANSWERED)
    Page<UnansweredResponse> unanswered(@RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        int p = page(page);
        int s = size(size);
        String wanted = status == null || status.isBlank() || "all".equals(status) ? null : status.strip();
        return unanswered.list(currentTenant.require(), wanted, p, s).map(UnansweredResponse::of);
    }

    @GetMapping(UNANSWERED + "/{id}")
    UnansweredResponse unansweredQuestion(@PathVariable String id) {
        UUID group = uuid(id);
        return unanswered.find(currentTenant.require(), group).map(UnansweredResponse::of)
                .orElseThrow(() -> ProblemException.notFound("unanswered-question", group));
    }

    @PreAuthorize("hasAnyRole('OWNER','ADMIN','CONSULTANT')")
    @PostMapping(path = UNANSWERED + "/{id}:to-qa", consumes = MediaType.APPLICATION_JSON_VALUE)
    UnansweredResponse toQa(@PathVariable String id, @RequestBody ToQaRequest body,
            @AuthenticationPrincipal AuthenticatedUser user) {
        return UnansweredResponse.of(unanswered.toQa(currentTenant.require(), uuid(id),
                new UnansweredQuestions.QaDraft(body.question(), body.answer(), body.tags()),
                user == null ? null : user.userId()));
    }

    @PreAuthorize("hasAnyRole('OWNER','ADMIN')")
    @GetMapping(BASE + "/settings")
    SettingsResponse settings() {
        return SettingsResponse.of(settings.view(currentTenant.require()));
    }

    @PreAuthorize("hasAnyRole('OWNER','ADMIN')")
    @PutMapping(path = BASE + "/settings", consumes = MediaType.APPLICATION_JSON_VALUE)
    SettingsResponse updateSettings(@RequestBody SettingsRequest body,
            @AuthenticationPrincipal AuthenticatedUser user) {
        return SettingsResponse.of(settings.update(currentTenant.require(),
                new ReportSettingsRecords.Input(body.reportEnabled(), body.reportHour(), body.trainerWhatsappNumber(),
                        body.staffEmails()),
                user == null ? null : user.userId()));
    }

    @PreAuthorize("hasAnyRole('OWNER','ADMIN')")
    @GetMapping(BASE + "/reports")
    Page<ReportResponse> reports(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        int p = page(page);
        int s = size(size);
        return reports.page(currentTenant.require(), p, s).map(ReportResponse::of);
    }

    private static int page(Integer page) {
        int p = page == null ? 0 : page;
        if (p < 0 || p > 1_000_000) {
            throw ProblemException.invalidField("page", "must be from 0 to 1000000");
        }
        return p;
    }

    private int size(Integer size) {
        int s = size == null ? DEFAULT_PAGE_SIZE : size;
        if (s < 1 || s > properties.maxPageSize()) {
            throw ProblemException.invalidField("size", "must be from 1 to " + properties.maxPageSize());
        }
        return s;
    }

    private Period period(String from, String to, ZoneId zone) {
        return Period.parse(from, to, zone, clock.instant(), properties.maxRangeDays());
    }

    private ZoneId zone(TenantId tenant) {
        return tenants.find(tenant).map(Tenant::timezone).orElse(ZoneOffset.UTC);
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id == null ? "" : id.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("id", "must be a UUID");
        }
    }
}
