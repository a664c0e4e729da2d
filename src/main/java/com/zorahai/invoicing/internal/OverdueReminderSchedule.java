package com.zorahai.invoicing.internal;

import java.time.Clock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the overdue reminders on {@code zorah.invoicing.reminders.cron}. The ShedLock row lets one instance run it at
 * a time; the reminder rows keep a second run from sending twice anyway. Off with
 * {@code zorah.invoicing.reminders.enabled=false}.
 */
@Component
@ConditionalOnProperty(prefix = "zorah.invoicing.reminders", name = "enabled", havingValue = "true", matchIfMissing = true)
class OverdueReminderSchedule {

    private final OverdueReminders reminders;
    private final Clock clock;

    OverdueReminderSchedule(OverdueReminders reminders, Clock clock) {
        this.reminders = reminders;
        this.clock = clock;
    }

    @Scheduled(cron = "${zorah.invoicing.reminders.cron:0 0 7 * * *}", zone = "${zorah.invoicing.reminders.zone:UTC}")
    @SchedulerLock(name = "invoicing-overdue-reminders", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    public void remind() {
        reminders.run(clock);
    }
}
