package com.zorahai.email;

import com.zorahai.tenancy.TenantId;
import java.util.UUID;

/**
 * An inbound email was stored for a tenant and waits to be processed; published once per message (a redelivered
 * message publishes nothing) in the transaction that stored it, so a listener gets it even after a crash. Read the
 * message with {@link InboundEmails#find(TenantId, UUID)}.
 *
 * @param messageId the message's {@code Message-ID} header, {@code null} when it had none
 */
public record InboundEmailReceived(TenantId tenantId, UUID inboundEmailId, String messageId) {
}
