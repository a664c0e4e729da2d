package com.zorahai.telephony.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs the call queue worker under a ShedLock database lock ({@code shedlock} row {@code telephony-call-queue}), so
 * one instance dials at a time; claiming with {@code SKIP LOCKED} keeps rows apart even if a lock ever expires
 * mid-run.
 */
@Component
public class CallQueueRunner {

    static final String LOCK = "telephony-call-queue";

    private final CallQueueWorker worker;
    private final LockingTaskExecutor locks;
    private final TelephonyProperties properties;

    CallQueueRunner(CallQueueWorker worker, DataSource dataSource, TelephonyProperties properties) {
        this.worker = worker;
        this.properties = properties;
        this.locks = new DefaultLockingTaskExecutor(new JdbcTemplateLockProvider(
                JdbcTemplateLockProvider.Configuration.builder()
                        .withJdbcTemplate(new JdbcTemplate(dataSource))
                        .usingDbTime()
                        .build()));
    }

    /** Runs one pass if no other instance is running one; false when the lock was held elsewhere. */
    public boolean runLocked() {
        AtomicBoolean ran = new AtomicBoolean();
        locks.executeWithLock((Runnable) () -> {
            ran.set(true);
            worker.runOnce();
        }, new LockConfiguration(Instant.now(), LOCK, properties.queue().lease(), Duration.ZERO));
        return ran.get();
    }
}
