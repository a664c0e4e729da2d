package com.zorahai.whatsapp.firestore;

import com.google.api.core.ApiFuture;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.FieldValue;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.SetOptions;
import com.zorahai.tenancy.TenantId;
import com.zorahai.whatsapp.DeliveryStatus;
import com.zorahai.whatsapp.WhatsAppConversationHandedOver;
import com.zorahai.whatsapp.WhatsAppMessageReceived;
import com.zorahai.whatsapp.WhatsAppMessageSent;
import com.zorahai.whatsapp.WhatsAppMessageStatusChanged;
import com.zorahai.whatsapp.WhatsAppMessages;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * Writes conversations, their messages and the day's counters to Firestore as the channel's events happen. Events
 * are durable, so a write that fails (Firestore down) throws and is delivered again later; writes are merges and
 * message documents are keyed by the channel's ids, so a repeated event changes nothing twice, except the counters,
 * which may count a redelivered event again.
 */
class FirestoreConversationStore {

    private final Firestore firestore;
    private final WhatsAppMessages messages;
    private final FirestoreProperties properties;

    FirestoreConversationStore(Firestore firestore, WhatsAppMessages messages, FirestoreProperties properties) {
        this.firestore = firestore;
        this.messages = messages;
        this.properties = properties;
    }

    @ApplicationModuleListener
    void on(WhatsAppMessageReceived event) {
        String tenant = event.tenantId().value();
        conversation(event.tenantId(), event.conversationId());
        write(messageRef(tenant, event.conversationId(), event.messageId()).set(FirestoreDocuments.message(
                event.messageId(), "inbound", event.message(), DeliveryStatus.RECEIVED.value(), null,
                event.message().timestamp() != null ? event.message().timestamp() : Instant.now()),
                SetOptions.merge()));
        count(tenant, "received");
    }

    @ApplicationModuleListener
    void on(WhatsAppMessageSent event) {
        String tenant = event.tenantId().value();
        conversation(event.tenantId(), event.conversationId());
        messages.recentMessages(event.tenantId(), event.conversationId(), 50)
                .stream()
                .filter(m -> m.id().equals(event.messageId()))
                .findFirst()
                .ifPresent(m -> write(messageRef(tenant, event.conversationId(), event.messageId()).set(
                        FirestoreDocuments.message(m.id(), "outbound", m.message(), DeliveryStatus.SENT.value(),
                                event.sentBy(), m.createdAt()),
                        SetOptions.merge())));
        count(tenant, "sent");
    }

    @ApplicationModuleListener
    void on(WhatsAppMessageStatusChanged event) {
        write(messageRef(event.tenantId().value(), event.conversationId(), event.messageId()).set(
                FirestoreDocuments.status(event.status().value(), event.errorCode(), event.errorTitle(),
                        Instant.now()),
                SetOptions.merge()));
        if (event.status() == DeliveryStatus.FAILED) {
            count(event.tenantId().value(), "failed");
        }
    }

    @ApplicationModuleListener
    void on(WhatsAppConversationHandedOver event) {
        conversation(event.tenantId(), event.conversationId());
        count(event.tenantId().value(), "handoff");
    }

    private void conversation(TenantId tenant, UUID id) {
        messages.conversation(tenant, id).ifPresent(c -> write(firestore.collection(FirestoreDocuments.CONVERSATIONS)
                .document(FirestoreDocuments.conversationId(tenant.value(), id))
                .set(FirestoreDocuments.conversation(tenant.value(), c), SetOptions.merge())));
    }

    private DocumentReference messageRef(String tenant, UUID conversation, UUID message) {
        return firestore.collection(FirestoreDocuments.CONVERSATIONS)
                .document(FirestoreDocuments.conversationId(tenant, conversation))
                .collection(FirestoreDocuments.MESSAGES)
                .document(message.toString());
    }

    private void count(String tenant, String event) {
        write(firestore.collection(FirestoreDocuments.METRICS)
                .document(FirestoreDocuments.metricsId(tenant, Instant.now()))
                .set(Map.of("tenantId", tenant, FirestoreDocuments.counter(event), FieldValue.increment(1),
                        "updatedAt", FieldValue.serverTimestamp()), SetOptions.merge()));
    }

    private void write(ApiFuture<?> future) {
        try {
            future.get(properties.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new FirestoreUnavailable("interrupted", ex);
        } catch (ExecutionException | TimeoutException ex) {
            throw new FirestoreUnavailable(ex.getClass().getSimpleName(), ex);
        }
    }

    /** A write did not go through; the event is delivered again. */
    static final class FirestoreUnavailable extends RuntimeException {

        FirestoreUnavailable(String message, Throwable cause) {
            super("Firestore write failed: " + message, cause);
        }
    }
}
