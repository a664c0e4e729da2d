package com.zorahai.helpdesk.internal;

import com.zorahai.knowledge.GoldenAnswerer;
import com.zorahai.tenancy.TenantId;
import java.util.List;
import org.springframework.stereotype.Component;

/** Lets a knowledge evaluation check its keywords in the answers customers would get. */
@Component
class HelpdeskGoldenAnswerer implements GoldenAnswerer {

    private final Answerer answerer;

    HelpdeskGoldenAnswerer(Answerer answerer) {
        this.answerer = answerer;
    }

    @Override
    public String answer(TenantId tenant, String question) {
        return answerer.answer(tenant, List.of(), question).text();
    }
}
