package com.zorahai.whatsapp.firestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.google.api.core.ApiFutures;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.SetOptions;
import com.zorahai.tenancy.TenantId;
import com.zorahai.whatsapp.Conversation;
import com.zorahai.whatsapp.DeliveryStatus;
import com.zorahai.whatsapp.MessageType;
import com.zorahai.whatsapp.WhatsAppContact;
import com.zorahai.whatsapp.WhatsAppMessage;
import com.zorahai.whatsapp.WhatsAppMessageReceived;
import com.zorahai.whatsapp.WhatsAppMessageStatusChanged;
import com.zorahai.whatsapp.WhatsAppMessages;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FirestoreConversationStoreTests {

    static final UUID CONVERSATION = UUID.fromString("2f1c0f5e-1111-4c1e-9a7f-0a0b0c0d0e0f");
    static final UUID MESSAGE = UUID.fromString("3a2b1c0d-2222-4d2e-8b6a-1a1b1c1d1e1f");
    static final Instant AT = Instant.parse("2026-11-23T10:15:30Z");

    static Conversation conversation() {
        return new Conversation(CONVERSATION, new WhatsAppContact("LB.15025", "96170123456", "LB.15025", "Maya"),
                AT, AT.plus(Duration.ofHours(24)), true, AT, "Hello", 1, false, false, null, AT);
    }

    @Test
    void documentsUseTheCollectionsAndFieldNamesTheDashboardsRead() {
        assertThat(FirestoreDocuments.conversationId("demo-clinic", CONVERSATION))
                .isEqualTo("demo-clinic_2f1c0f5e-1111-4c1e-9a7f-0a0b0c0d0e0f");
        assertThat(FirestoreDocuments.metricsId("demo-clinic", AT)).isEqualTo("demo-clinic_2026-11-23");
        Map<String, Object> document = FirestoreDocuments.conversation("demo-clinic", conversation());
        assertThat(document).containsEntry("tenantId", "demo-clinic").containsEntry("contactKey", "LB.15025")
                .containsEntry("phoneNumber", "96170123456").containsEntry("customerName", "Maya")
                .containsEntry("needsHuman", false).containsEntry("lastMessageAt", Date.from(AT));
        WhatsAppMessage voice = new WhatsAppMessage(MessageType.AUDIO, null, new WhatsAppMessage.Media("m1",
                "audio/ogg", null, null, true, "demo-clinic/abc.ogg"), null, null, null, null, "wamid.1", AT);
        assertThat(FirestoreDocuments.message(MESSAGE, "inbound", voice, "received", null, AT))
                .containsEntry("type", "audio").containsEntry("voiceNote", true)
                .containsEntry("mediaStorageKey", "demo-clinic/abc.ogg").containsEntry("direction", "inbound");
        assertThat(FirestoreDocuments.status("failed", 131047, "Re-engagement message", AT))
                .containsEntry("errorCode", 131047);
        assertThat(FirestoreDocuments.counter("received")).isEqualTo("messagesIn");
        assertThatThrownBy(() -> FirestoreDocuments.counter("other")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eventsAreWrittenAsMergesAndAFailedWriteThrowsForRedelivery() {
        Firestore firestore = mock(Firestore.class, RETURNS_DEEP_STUBS);
        WhatsAppMessages messages = mock(WhatsAppMessages.class);
        when(messages.conversation(TenantId.of("demo-clinic"), CONVERSATION)).thenReturn(Optional.of(
                conversation()));
        when(firestore.collection(any()).document(any()).set(anyMap(), any(SetOptions.class)))
                .thenReturn(ApiFutures.immediateFuture(null));
        when(firestore.collection(any()).document(any()).collection(any()).document(any()).set(anyMap(),
                any(SetOptions.class))).thenReturn(ApiFutures.immediateFuture(null));
        FirestoreConversationStore store = new FirestoreConversationStore(firestore, messages,
                new FirestoreProperties("proj", "(default)", Duration.ofSeconds(1)));

        store.on(new WhatsAppMessageReceived(TenantId.of("demo-clinic"), CONVERSATION, MESSAGE,
                conversation().contact(), new WhatsAppMessage(MessageType.TEXT, "Hello", null, null, null, null, null,
                        "wamid.1", AT),
                false));
        verify(firestore.collection("conversations"), org.mockito.Mockito.times(2))
                .document("demo-clinic_" + CONVERSATION);
        verify(firestore.collection("dashboardMetrics")).document(eq("demo-clinic_" + java.time.LocalDate.now(
                java.time.ZoneOffset.UTC)));

        when(firestore.collection(any()).document(any()).collection(any()).document(any()).set(anyMap(),
                any(SetOptions.class))).thenReturn(ApiFutures.immediateFailedFuture(
                        new IllegalStateException(
                                "UNAVAILABLE")));
        assertThatThrownBy(() -> store.on(new WhatsAppMessageStatusChanged(TenantId.of("demo-clinic"), CONVERSATION,
                MESSAGE, "wamid.1", DeliveryStatus.READ, null, null)))
                .isInstanceOf(FirestoreConversationStore.FirestoreUnavailable.class);
    }
}
