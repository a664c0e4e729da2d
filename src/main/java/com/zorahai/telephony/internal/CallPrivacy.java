package com.zorahai.telephony.internal;

import com.zorahai.crm.ClientDataContributor;
import com.zorahai.crm.ClientErasureRequested;
import com.zorahai.crm.ClientId;
import com.zorahai.tenancy.TenantId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What telephony holds about a client: its calls (with transcripts), queued calls and callback requests, for the
 * client's export; and their erasure when the CRM asks for it (transcripts, summaries, recordings and the caller's
 * number are blanked, the call's facts and cost stay).
 */
@Component
class CallPrivacy implements ClientDataContributor {

    private static final Logger log = LoggerFactory.getLogger(CallPrivacy.class);

    private final CallRecordStore records;
    private final CallQueueStore queue;
    private final CallbackRequestStore callbacks;
    private final VapiInbox inbox;

    CallPrivacy(CallRecordStore records, CallQueueStore queue, CallbackRequestStore callbacks, VapiInbox inbox) {
        this.records = records;
        this.queue = queue;
        this.callbacks = callbacks;
        this.inbox = inbox;
    }

    @Override
    public String section() {
        return "telephony";
    }

    @Override
    public Object export(TenantId tenantId, ClientId clientId) {
        List<CallRecord> calls = records.ofClient(tenantId, clientId.value());
        List<QueueEntry> queued = queue.ofClient(tenantId, clientId.value());
        List<Map<String, Object>> requests = callbacks.ofClient(tenantId, clientId.value());
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("calls", calls);
        export.put("queued_calls", queued);
        export.put("callback_requests", requests);
        return export;
    }

    @ApplicationModuleListener
    void on(ClientErasureRequested erasure) {
        TenantId tenant = erasure.tenantId();
        java.util.UUID client = erasure.clientId().value();
        inbox.erase(tenant, records.vapiCallIds(tenant, client));
        int calls = records.erase(tenant, client);
        int queued = queue.erase(tenant, client);
        int requests = callbacks.erase(tenant, client);
        log.info("Erased telephony data of a client of tenant {}: {} call(s), {} queued, {} callback request(s)",
                tenant, calls, queued, requests);
    }
}
