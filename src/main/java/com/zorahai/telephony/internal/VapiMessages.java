package com.zorahai.telephony.internal;

import com.zorahai.crm.ClientId;
import com.zorahai.crm.ClientView;
import com.zorahai.crm.Clients;
import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Handles one VAPI server message of an authenticated tenant and gives the answer VAPI expects.
 * {@code assistant-request} and {@code tool-calls} are answered at once ({@code {"assistantId":...}},
 * {@code {"results":[...]}}); {@code end-of-call-report} is stored in the inbox with a durable event in one
 * transaction and processed after the answer; status updates and hangs are stored once and applied right away;
 * {@code transcript} is kept only when the tenant keeps live transcripts. Everything else is acknowledged.
 */
@Service
public class VapiMessages {

    private static final Logger log = LoggerFactory.getLogger(VapiMessages.class);
    static final String NO_ASSISTANT = "Sorry, we cannot take your call right now. Please try again later.";

    private final VapiInbox inbox;
    private final TelephonySettingsStore settings;
    private final PhoneNumberStore numbers;
    private final CallRecordStore records;
    private final ToolCalls tools;
    private final Clients clients;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();

    VapiMessages(VapiInbox inbox, TelephonySettingsStore settings, PhoneNumberStore numbers, CallRecordStore records,
            ToolCalls tools, Clients clients, TransactionTemplate transactions, ApplicationEventPublisher events,
            MeterRegistry meters) {
        this.inbox = inbox;
        this.settings = settings;
        this.numbers = numbers;
        this.records = records;
        this.tools = tools;
        this.clients = clients;
        this.transactions = transactions;
        this.events = events;
        this.meters = meters;
    }

    /** Handles the message; {@code raw} is the body as posted, stored as it came for reports. */
    public Map<String, Object> handle(Tenant tenant, byte[] raw, JsonNode root) {
        JsonNode message = root.path("message");
        if (!message.isObject()) {
            throw ProblemException.invalidField("message", "is required and must be an object");
        }
        String type = VapiPayloads.text(message.path("type"));
        if (type == null) {
            throw ProblemException.invalidField("message.type", "is required");
        }
        meters.counter("zorah.telephony.webhook.messages", "type", known(type)).increment();
        return switch (type) {
            case "assistant-request" -> assistantRequest(tenant, message);
            case "tool-calls" -> toolCalls(tenant, message);
            case "end-of-call-report" -> endOfCallReport(tenant.id(), message, raw);
            case "status-update" -> statusUpdate(tenant.id(), message);
            case "transcript" -> transcript(tenant.id(), message);
            case "hang" -> hang(tenant.id(), message);
            default -> received(false);
        };
    }

    private Map<String, Object> assistantRequest(Tenant tenant, JsonNode message) {
        TelephonySettings tenantSettings = settings.get(tenant.id());
        String numberKey = numbers.findForCall(tenant.id(),
                VapiPayloads.first(message, "phoneNumber.id", "call.phoneNumberId"),
                VapiPayloads.first(message, "phoneNumber.number"))
                .map(PhoneNumberRecord::assistantKey)
                .orElse(null);
        Optional<Assistants.Choice> choice = Assistants.forInbound(tenant, tenantSettings, numberKey,
                clock.instant());
        Map<String, Object> answer = new LinkedHashMap<>();
        if (choice.isEmpty()) {
            log.warn("Tenant {} has no inbound assistant; the caller hears an apology", tenant.id());
            answer.put("error", NO_ASSISTANT);
        } else {
            answer.put("assistantId", choice.get().assistantId());
        }
        return answer;
    }

    private Map<String, Object> toolCalls(Tenant tenant, JsonNode message) {
        String callId = VapiPayloads.callId(message);
        List<ToolCalls.Call> calls = tools.calls(message);
        if (calls.isEmpty()) {
            throw ProblemException.invalidField("message.toolCallList", "must list at least one tool call");
        }
        String key = "tool-calls:" + (callId == null ? "-" : callId) + ":"
                + calls.stream().map(c -> String.valueOf(c.id())).sorted().collect(Collectors.joining(","));
        Optional<String> earlier = inbox.response(tenant.id(), key(key));
        if (earlier.isPresent()) {
            return stored(earlier.get());
        }
        Optional<UUID> id = inbox.store(tenant.id(), "tool-calls", key(key), callId, null);
        if (id.isEmpty()) {
            // the same calls are being answered by a concurrent delivery: answer them as that one did
            return inbox.response(tenant.id(), key(key)).map(VapiMessages::stored)
                    .orElseGet(() -> Map.of("results", calls.stream().map(c -> {
                        Map<String, Object> r = new LinkedHashMap<>();
                        r.put("toolCallId", c.id());
                        r.put("name", c.name());
                        r.put("error", "This request is already being handled.");
                        return r;
                    }).toList()));
        }
        Map<String, Object> answer = tools.answer(tenant, callId, VapiPayloads.customerNumber(message), calls);
        inbox.processed(id.get(), VapiPayloads.JSON.writeValueAsString(answer));
        return answer;
    }

    private Map<String, Object> endOfCallReport(TenantId tenant, JsonNode message, byte[] raw) {
        String callId = VapiPayloads.callId(message);
        if (callId == null) {
            throw ProblemException.invalidField("message.call.id", "is required");
        }
        String payload = new String(raw, StandardCharsets.UTF_8).replace("\u0000", "");
        boolean stored = Boolean.TRUE.equals(transactions.execute(tx -> {
            Optional<UUID> id = inbox.store(tenant, "end-of-call-report", "end-of-call-report:" + callId, callId,
                    payload);
            id.ifPresent(inboxId -> events.publishEvent(new CallReportReceived(tenant, inboxId, callId)));
            return id.isPresent();
        }));
        Map<String, Object> answer = received(true);
        answer.put("duplicate", !stored);
        return answer;
    }

    private Map<String, Object> statusUpdate(TenantId tenant, JsonNode message) {
        String callId = VapiPayloads.callId(message);
        String status = VapiPayloads.first(message, "status", "call.status");
        if (callId == null || status == null) {
            return received(false);
        }
        transactions.executeWithoutResult(tx -> inbox.store(tenant, "status-update",
                key("status-update:" + callId + ":" + status), callId, null).ifPresent(id -> {
                    String customer = VapiPayloads.customerNumber(message);
                    String e164 = customer == null ? null : Phones.parseE164(customer).orElse(null);
                    UUID clientId = e164 == null
                            ? null
                            : clients.findByPhone(tenant, e164).map(ClientView::id).map(ClientId::value).orElse(null);
                    Optional<PhoneNumberRecord> number = numbers.findForCall(tenant,
                            VapiPayloads.first(message, "phoneNumber.id", "call.phoneNumberId"),
                            VapiPayloads.first(message, "phoneNumber.number"));
                    records.status(tenant, callId, VapiPayloads.direction(message),
                            number.map(PhoneNumberRecord::id).orElse(null),
                            number.map(PhoneNumberRecord::phoneNumber)
                                    .orElse(VapiPayloads.first(message, "phoneNumber.number")),
                            e164 == null ? customer : e164, clientId,
                            VapiPayloads.first(message, "call.assistantId"), status,
                            "in-progress".equals(status)
                                    ? Optional.ofNullable(VapiPayloads.instant(message, "call.startedAt", "timestamp"))
                                            .orElse(clock.instant())
                                    : null,
                            VapiPayloads.first(message, "endedReason"));
                    inbox.processed(id, null);
                }));
        return received(true);
    }

    private Map<String, Object> transcript(TenantId tenant, JsonNode message) {
        String callId = VapiPayloads.callId(message);
        if (callId == null || !settings.get(tenant).liveTranscripts()
                || !"final".equalsIgnoreCase(VapiPayloads.first(message, "transcriptType"))
                || VapiPayloads.first(message, "transcript") == null) {
            Map<String, Object> answer = received(false);
            answer.put("ignored", true);
            return answer;
        }
        records.appendLive(tenant, callId, VapiPayloads.direction(message), VapiPayloads.liveLine(message));
        return received(true);
    }

    private Map<String, Object> hang(TenantId tenant, JsonNode message) {
        String callId = VapiPayloads.callId(message);
        String at = VapiPayloads.first(message, "timestamp");
        Optional<UUID> id = inbox.store(tenant, "hang", key("hang:" + callId + ":" + at), callId, null);
        id.ifPresent(inboxId -> {
            log.warn("VAPI reported a hang on call {} of tenant {}: the assistant did not answer in time", callId,
                    tenant);
            inbox.processed(inboxId, null);
        });
        return received(true);
    }

    private static Map<String, Object> received(boolean stored) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("received", true);
        if (stored) {
            answer.put("stored", true);
        }
        return answer;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stored(String response) {
        return VapiPayloads.JSON.readValue(response, Map.class);
    }

    /** Dedupe keys fit the column; long tool-call lists are hashed. */
    private static String key(String key) {
        if (key.length() <= 400) {
            return key;
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8));
            return key.substring(0, 300) + "#" + java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String known(String type) {
        return switch (type) {
            case "assistant-request", "tool-calls", "end-of-call-report", "status-update", "transcript", "hang",
                    "conversation-update", "speech-update", "user-interrupted", "function-call",
                    "transfer-destination-request" ->
                type;
            default -> "other";
        };
    }
}
