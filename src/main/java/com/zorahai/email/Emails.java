package com.zorahai.email;

import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Outbound email: every email is an outbox row first, sent later by a worker with retries. (Signature fixed for
 * other modules; the implementation lands with the email module.)
 */
@Service
public class Emails {

    /** Queues the email and returns its id; the id of the existing email when the idempotency key was seen. */
    public UUID queue(OutboundEmail email) {
        throw new IllegalStateException("pending");
    }
}
