package com.zorahai.email.outbox;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import org.junit.jupiter.api.Test;

class OutboxScheduleTests {

    @Test
    void eachPollDrainsTheOutbox() {
        OutboxWorker worker = mock(OutboxWorker.class);

        new OutboxSchedule(worker).poll();

        verify(worker).drain();
    }
}
