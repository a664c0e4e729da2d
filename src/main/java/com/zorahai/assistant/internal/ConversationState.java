package com.zorahai.assistant.internal;

import com.zorahai.booking.Gender;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the assistant knows of one conversation: the customer's language, name and gender, the dialogue under way
 * (booking, cancelling or moving an appointment) with what was chosen so far, the choices last offered, and how many
 * times in a row it failed. Read locked at the start of a turn and written back at its end.
 */
final class ConversationState {

    /** The dialogues. */
    enum Flow {
        BOOK, CANCEL, RESCHEDULE
    }

    /** Where a dialogue stands: what the assistant asked last. */
    enum Step {
        SERVICE, GENDER, DAY, TIME, CONFIRM, APPOINTMENT, CANCEL_CONFIRM
    }

    final UUID conversationId;
    Language language;
    String customerName;
    Gender gender;
    Flow flow;
    Step step;
    String serviceId;
    String serviceName;
    LocalDate day;
    Instant slotStart;
    UUID appointmentId;
    List<String> offered = new ArrayList<>();
    int failures;
    UUID remindedAppointment;
    Instant remindedAt;
    boolean isNew;

    ConversationState(UUID conversationId) {
        this.conversationId = conversationId;
    }

    boolean inDialogue() {
        return flow != null && step != null;
    }

    void startFlow(Flow flow, Step step) {
        clearDialogue();
        this.flow = flow;
        this.step = step;
    }

    void clearDialogue() {
        flow = null;
        step = null;
        serviceId = null;
        serviceName = null;
        day = null;
        slotStart = null;
        appointmentId = null;
        offered = new ArrayList<>();
    }
}
