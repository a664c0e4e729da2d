package com.zorahai.email.outbox;

/**
 * Hands one email to a mail provider and says what became of it. Implementations never throw for a provider's
 * answer: every answer maps to a {@link SendOutcome}.
 */
public interface EmailSender {

    SendOutcome send(Delivery delivery);
}
