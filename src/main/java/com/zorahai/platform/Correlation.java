package com.zorahai.platform;

import java.util.Optional;
import org.slf4j.MDC;

/**
 * The correlation data of the current request as every module sees it: the MDC keys that log lines carry, and the
 * header that carries the request id. The platform puts {@code requestId} in the MDC at the start of every request and
 * removes all three keys at its end; the identity module adds {@code tenantId} and {@code userId} once the request is
 * authenticated.
 */
public final class Correlation {

    /** The request header that carries the request id in and out. */
    public static final String REQUEST_ID_HEADER = "X-Request-ID";

    /** MDC key of the request id. */
    public static final String REQUEST_ID = "requestId";

    /** MDC key of the tenant the request acts for. */
    public static final String TENANT_ID = "tenantId";

    /** MDC key of the authenticated user. */
    public static final String USER_ID = "userId";

    private Correlation() {
    }

    /** The id of the request being handled on this thread, if any. */
    public static Optional<String> requestId() {
        return Optional.ofNullable(MDC.get(REQUEST_ID));
    }
}
