package com.zorahai.intake.internal;

import com.zorahai.email.InboundEmailReceived;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Hands every stored inbound email to intake after the email's transaction commits. The event publication registry
 * delivers it again after a crash until this completes; no transaction is held while the extractor runs (the
 * processor opens its own).
 */
@Component
class IntakeListener {

    private final IntakeProcessor processor;

    IntakeListener(IntakeProcessor processor) {
        this.processor = processor;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(InboundEmailReceived received) {
        processor.process(received.tenantId(), received.inboundEmailId());
    }
}
