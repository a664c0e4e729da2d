package com.zorahai.telephony.internal;

import com.zorahai.tenancy.TenantId;
import java.util.UUID;

/**
 * An end-of-call report was stored in the inbox and waits to be turned into a call record.
 */
public record CallReportReceived(TenantId tenantId, UUID inboxId, String vapiCallId) {
}
