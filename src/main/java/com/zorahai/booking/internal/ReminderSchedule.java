package com.zorahai.booking.internal;

import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs {@link Reminders} on a fixed delay ({@code zorah.booking.reminders.poll-interval}) under the ShedLock lock
 * {@code booking-reminders} in the {@code shedlock} table, so one instance runs it at a time. Off with
 * {@code zorah.booking.reminders.enabled=false}.
 */
@Component
@ConditionalOnProperty(prefix = "zorah.booking.reminders", name = "enabled", havingValue = "true", matchIfMissing = true)
class ReminderSchedule {

    static final String LOCK = "booking-reminders";
    private static final Logger log = LoggerFactory.getLogger(ReminderSchedule.class);

    private final Reminders reminders;
    private final LockingTaskExecutor locks;

    ReminderSchedule(Reminders reminders, DataSource dataSource) {
        this.reminders = reminders;
        this.locks = new DefaultLockingTaskExecutor(new JdbcTemplateLockProvider(
                JdbcTemplateLockProvider.Configuration.builder()
                        .withJdbcTemplate(new JdbcTemplate(dataSource))
                        .usingDbTime()
                        .build()));
    }

    @Scheduled(initialDelayString = "${zorah.booking.reminders.poll-interval:5m}", fixedDelayString = "${zorah.booking.reminders.poll-interval:5m}")
    void run() {
        Instant now = Instant.now();
        try {
            locks.executeWithLock((Runnable) () -> reminders.remindDue(Instant.now()),
                    new LockConfiguration(now, LOCK, Duration.ofMinutes(10), Duration.ZERO));
        } catch (RuntimeException ex) {
            log.error("The reminder run failed; the next run tries again", ex);
        }
    }
}
