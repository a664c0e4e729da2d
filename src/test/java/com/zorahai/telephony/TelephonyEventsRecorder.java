package com.zorahai.telephony;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Listens to telephony's events as analytics would (after commit, through the event publication
 * registry) and remembers them.
 */
@Component
public class TelephonyEventsRecorder {

    private final List<CallEnded> calls = new CopyOnWriteArrayList<>();
    private final List<CallbackRequested> callbacks = new CopyOnWriteArrayList<>();

    @ApplicationModuleListener
    void on(CallEnded event) {
        calls.add(event);
    }

    @ApplicationModuleListener
    void on(CallbackRequested event) {
        callbacks.add(event);
    }

    public List<CallEnded> callsOf(String vapiCallId) {
        return calls.stream().filter(c -> c.vapiCallId().equals(vapiCallId)).toList();
    }

    public List<CallbackRequested> callbacksOf(String vapiCallId) {
        return callbacks.stream().filter(c -> vapiCallId.equals(c.vapiCallId())).toList();
    }
}
