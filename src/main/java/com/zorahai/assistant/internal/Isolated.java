package com.zorahai.assistant.internal;

import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a call into another module outside the turn's transaction, so that a refusal there (a slot taken, a bad
 * query) rolls back only its own work and never marks the turn for rollback. The turn's transaction waits
 * meanwhile; what the call commits stays committed (bookings carry an idempotency key for redeliveries).
 */
@Component("assistantIsolated")
class Isolated {

    private final TransactionTemplate outside;

    Isolated(PlatformTransactionManager transactions) {
        this.outside = new TransactionTemplate(transactions);
        this.outside.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
    }

    <T> T call(Supplier<T> work) {
        return outside.execute(status -> work.get());
    }
}
