package com.zorahai.identity.web;

import com.zorahai.identity.internal.RateLimitExceeded;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers an exceeded rate limit with 429, the {@code rate-limited} problem and {@code Retry-After}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RateLimitAdvice {

    @ExceptionHandler(RateLimitExceeded.class)
    ResponseEntity<ProblemDetail> rateLimited(RateLimitExceeded ex) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(ex.status(), ex.detail());
        body.setType(ex.typeUri());
        body.setTitle(ex.title());
        ex.properties().forEach(body::setProperty);
        return ResponseEntity.status(ex.status())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()))
                .body(body);
    }

}
