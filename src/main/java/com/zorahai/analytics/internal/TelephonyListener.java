package com.zorahai.analytics.internal;

import com.zorahai.telephony.CallEnded;
import java.time.Clock;
import java.time.Instant;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Ended calls: duration, outcome and cost. */
@Component
class TelephonyListener {

    private final AnalyticsRecorder recorder;
    private final Clock clock;

    TelephonyListener(AnalyticsRecorder recorder, Clock clock) {
        this.recorder = recorder;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(CallEnded event) {
        Instant at = event.endedAt() != null
                ? event.endedAt()
                : event.startedAt() != null ? event.startedAt() : clock.instant();
        recorder.record(event.tenantId(), EventTypes.CALL_ENDED, event.callId().toString(),
                "call-ended:" + event.callId(), Properties.of().with("duration_seconds", event.durationSeconds())
                        .with("outcome", event.outcome()).with("direction", event.direction())
                        .with("client_id", event.clientId() == null ? null : event.clientId().toString())
                        .money("cost", event.cost()).map(),
                at);
    }
}
