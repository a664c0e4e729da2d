package com.zorahai.pricing;

import com.zorahai.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** A pricing source could not answer (BigQuery down, denied or misconfigured); the detail never names internals. */
public class PricingSourceUnavailableException extends ProblemException {

    public PricingSourceUnavailableException(String source, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "pricing-source-unavailable", "Pricing source unavailable",
                "Prices cannot be read from " + source + " right now. Try again later.");
        initCause(cause);
        with("source", source);
    }
}
