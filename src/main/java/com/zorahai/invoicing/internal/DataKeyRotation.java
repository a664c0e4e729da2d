package com.zorahai.invoicing.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * After a key rotation (a new {@code ZORAH_DATA_KEY}, the old one in {@code ZORAH_PREVIOUS_DATA_KEYS}), rewrites the
 * travellers still under an old key once the application is up, so the old key can be dropped later. A failure is
 * logged and leaves the rows readable under their old key.
 */
@Component
class DataKeyRotation {

    private static final Logger log = LoggerFactory.getLogger(DataKeyRotation.class);
    static final int BATCH = 200;

    private final TravelerRecords travelers;

    DataKeyRotation(TravelerRecords travelers) {
        this.travelers = travelers;
    }

    @EventListener(ApplicationReadyEvent.class)
    void rotate() {
        try {
            int total = 0;
            int rewritten;
            do {
                rewritten = travelers.reencryptBatch(BATCH);
                total += rewritten;
            } while (rewritten == BATCH);
            if (total > 0) {
                log.info("Data key rotation done: {} travellers now under the current key", total);
            }
        } catch (RuntimeException ex) {
            log.error("Re-encrypting travellers with the current data key failed; they stay under their old key", ex);
        }
    }
}
