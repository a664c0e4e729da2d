package com.zorahai.analytics.internal;

import com.zorahai.analytics.TrainerReportReady;
import com.zorahai.analytics.UnansweredQuestions;
import com.zorahai.email.Emails;
import com.zorahai.email.OutboundEmail;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.Tenants;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily report. On each run, for every tenant with analytics on, the report of the newest day whose report time
 * has passed (the tenant's report hour, in its time zone, the next day) goes out unless {@code reports_log} already
 * has it: to the trainer through the WhatsApp module ({@link TrainerReportReady}) and to the staff by email. So a day
 * missed while the application was down goes out once on the next run, older days are not sent late, and no day
 * goes out twice, however many runs or instances there are.
 */
@Service
public class DailyReports {

    static final String WHATSAPP = "whatsapp";
    static final String EMAIL = "email";
    static final String EMAIL_TEMPLATE = "analytics-daily-report";

    private static final Logger log = LoggerFactory.getLogger(DailyReports.class);

    private final Tenants tenants;
    private final ReportSettingsRecords settings;
    private final Summaries summaries;
    private final UnansweredQuestions unanswered;
    private final ReportsLog reportsLog;
    private final Emails emails;
    private final ApplicationEventPublisher events;
    private final AnalyticsMetrics metrics;
    private final AnalyticsProperties properties;
    private final TransactionTemplate transactions;

    DailyReports(Tenants tenants, ReportSettingsRecords settings, Summaries summaries, UnansweredQuestions unanswered,
            ReportsLog reportsLog, Emails emails, ApplicationEventPublisher events, AnalyticsMetrics metrics,
            AnalyticsProperties properties, TransactionTemplate transactions) {
        this.tenants = tenants;
        this.settings = settings;
        this.summaries = summaries;
        this.unanswered = unanswered;
        this.reportsLog = reportsLog;
        this.emails = emails;
        this.events = events;
        this.metrics = metrics;
        this.properties = properties;
        this.transactions = transactions;
    }

    /** A report handed over on a channel. */
    public record Queued(TenantId tenant, LocalDate date, String channel) {
    }

    /** Runs every tenant with analytics on; one tenant's failure does not stop the others. */
    public List<Queued> run(Instant now) {
        List<Queued> queued = new ArrayList<>();
        for (Tenant tenant : tenants.all()) {
            if (!tenant.has(Tenant.Feature.ANALYTICS)) {
                continue;
            }
            try {
                queued.addAll(runFor(tenant, now));
            } catch (RuntimeException e) {
                log.warn("Daily report of tenant {} failed: {}", tenant.id(), e.getClass().getSimpleName(), e);
            }
        }
        return queued;
    }

    /** Sends the tenant's due report on each channel that has a recipient and has not had it yet. */
    public List<Queued> runFor(Tenant tenant, Instant now) {
        ReportSettings config = settings.settings(tenant.id());
        if (!config.reportEnabled()) {
            return List.of();
        }
        ZoneId zone = tenant.timezone();
        LocalDate date = dueDate(zone, config.reportHour(), now);
        Optional<String> trainer = ReportSettingsRecords.trainer(config, Optional.of(tenant));
        List<String> staff = config.staffEmails();
        boolean whatsapp = trainer.isPresent() && !reportsLog.has(tenant.id(), date, WHATSAPP);
        boolean email = !staff.isEmpty() && !reportsLog.has(tenant.id(), date, EMAIL);
        if (!whatsapp && !email) {
            return List.of();
        }
        Period day = Period.day(date, zone);
        DailyReport report = new DailyReport(tenant.name() == null || tenant.name().isBlank()
                ? tenant.id().value()
                : tenant.name(), date, summaries.summary(tenant.id(), day),
                unanswered.top(tenant.id(), day.from(), day.to(), properties.report().topQuestions()));
        List<Queued> queued = new ArrayList<>();
        if (whatsapp && Boolean.TRUE.equals(transactions.execute(s -> whatsapp(tenant.id(), report, trainer.get(),
                now)))) {
            queued.add(new Queued(tenant.id(), date, WHATSAPP));
        }
        if (email && Boolean.TRUE.equals(transactions.execute(s -> email(tenant.id(), report, staff, now)))) {
            queued.add(new Queued(tenant.id(), date, EMAIL));
        }
        return queued;
    }

    private boolean whatsapp(TenantId tenant, DailyReport report, String trainer, Instant now) {
        UUID id = UUID.randomUUID();
        String text = report.text();
        if (!reportsLog.claim(tenant, id, report.date(), WHATSAPP, trainer, text, now)) {
            return false;
        }
        events.publishEvent(new TrainerReportReady(tenant, id, report.date(), trainer, text,
                properties.report().whatsappTemplate(), report.templateParameters()));
        metrics.report(tenant, WHATSAPP);
        log.info("Daily report of {} for {} queued for the trainer", tenant, report.date());
        return true;
    }

    private boolean email(TenantId tenant, DailyReport report, List<String> staff, Instant now) {
        UUID id = UUID.randomUUID();
        if (!reportsLog.claim(tenant, id, report.date(), EMAIL, String.join(", ", staff), report.text(), now)) {
            return false;
        }
        UUID email = emails.queue(new OutboundEmail(tenant, staff, List.of(), report.subject(), EMAIL_TEMPLATE,
                report.emailModel(), null, null, List.of(), "analytics-daily-report:" + report.date()));
        reportsLog.reference(id, email.toString());
        metrics.report(tenant, EMAIL);
        log.info("Daily report of {} for {} queued by email to {} staff", tenant, report.date(), staff.size());
        return true;
    }

    /**
     * The newest day whose report is due at {@code now}: yesterday once the report hour has come today, otherwise
     * the day before yesterday (whose report was due yesterday at that hour).
     */
    static LocalDate dueDate(ZoneId zone, int reportHour, Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalDate today = local.toLocalDate();
        return local.getHour() >= reportHour ? today.minusDays(1) : today.minusDays(2);
    }
}
