package com.zorahai.crm.internal;

import com.zorahai.crm.ClientInteraction;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Writes the interactions other modules publish onto the clients' timelines, after their transaction commits; a
 * redelivered interaction adds nothing.
 */
@Component
class InteractionListener {

    private final ClientRecords records;

    InteractionListener(ClientRecords records) {
        this.records = records;
    }

    @ApplicationModuleListener
    void on(ClientInteraction interaction) {
        records.record(interaction);
    }
}
