package com.zorahai.analytics.internal;

import java.time.Clock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks for due daily reports on {@code zorah.analytics.report.cron} (UTC). The ShedLock row lets one instance run at
 * a time; {@code reports_log} keeps a report from going out twice anyway. Off with
 * {@code zorah.analytics.report.enabled=false}.
 */
@Component
@ConditionalOnProperty(prefix = "zorah.analytics.report", name = "enabled", havingValue = "true", matchIfMissing = true)
class DailyReportSchedule {

    private final DailyReports reports;
    private final Clock clock;

    DailyReportSchedule(DailyReports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @Scheduled(cron = "${zorah.analytics.report.cron:0 */10 * * * *}", zone = "UTC")
    @SchedulerLock(name = "analytics-daily-report", lockAtMostFor = "PT15M", lockAtLeastFor = "PT30S")
    public void run() {
        reports.run(clock.instant());
    }
}
