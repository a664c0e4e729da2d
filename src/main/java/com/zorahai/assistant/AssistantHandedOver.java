package com.zorahai.assistant;

import com.zorahai.tenancy.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * The assistant gave a conversation to the clinic's staff and stopped answering it.
 *
 * @param reason {@code customer_asked}, {@code bot_failed}, {@code photo}, {@code voice_note}, {@code media} or
 *        {@code model_asked} (the model called its hand-off tool)
 */
public record AssistantHandedOver(TenantId tenantId, UUID conversationId, String reason, String language,
        Instant at) {

    public static final String CUSTOMER_ASKED = "customer_asked";
    public static final String BOT_FAILED = "bot_failed";
    public static final String PHOTO = "photo";
    public static final String VOICE_NOTE = "voice_note";
    public static final String MEDIA = "media";
    public static final String MODEL_ASKED = "model_asked";
}
