package com.zorahai.booking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.IntegrationTest;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The scheduled reminder run takes the ShedLock row, so only one instance runs it at a time.
 */
@IntegrationTest
class ReminderScheduleTests {

    @Autowired
    Reminders reminders;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRunHoldsTheSharedLockAndASecondInstanceSkipsWhileItIsHeld() {
        new ReminderSchedule(reminders, dataSource).run();

        assertThat(jdbc.sql("select locked_by from shedlock where name = ?").param(ReminderSchedule.LOCK)
                .query(String.class).optional()).isPresent();

        // another instance holds the lock for a while: this run does nothing and fails nothing
        jdbc.sql("update shedlock set lock_until = now() + interval '1 minute', locked_by = 'other' where name = ?")
                .param(ReminderSchedule.LOCK).update();
        new ReminderSchedule(reminders, dataSource).run();
        assertThat(jdbc.sql("select locked_by from shedlock where name = ?").param(ReminderSchedule.LOCK)
                .query(String.class).single()).isEqualTo("other");
        jdbc.sql("update shedlock set lock_until = now() where name = ?").param(ReminderSchedule.LOCK).update();
    }
}
