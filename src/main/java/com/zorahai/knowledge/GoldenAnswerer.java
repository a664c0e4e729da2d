package com.zorahai.knowledge;

import com.zorahai.tenancy.TenantId;

/**
 * Answers a golden-set question the way customers are answered, so an evaluation can check the answer's keywords.
 * Implemented by the module that writes answers; without one, the keywords are looked for in the retrieved text.
 */
public interface GoldenAnswerer {

    /** The answer text to {@code question}, without recording a conversation. */
    String answer(TenantId tenant, String question);
}
