package com.zorahai.platform.web;

import com.zorahai.platform.Correlation;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id: the caller's {@code X-Request-ID} when it is sane, a fresh one otherwise. The id is in
 * the MDC (so in every log line) while the request runs, in the response header of every answer, errors and 401s
 * included, and in every problem body.
 */
class RequestIdFilter extends OncePerRequestFilter {

    /** Request attribute holding the id, so error and async dispatches of the same request keep it. */
    static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = request.getAttribute(ATTRIBUTE) instanceof String known
                ? known
                : accept(request.getHeader(Correlation.REQUEST_ID_HEADER));
        request.setAttribute(ATTRIBUTE, id);
        if (!response.isCommitted()) {
            response.setHeader(Correlation.REQUEST_ID_HEADER, id);
        }
        MDC.put(Correlation.REQUEST_ID, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(Correlation.REQUEST_ID);
            MDC.remove(Correlation.TENANT_ID);
            MDC.remove(Correlation.USER_ID);
        }
    }

    static String accept(String incoming) {
        return incoming != null && SANE.matcher(incoming).matches()
                ? incoming
                : UUID.randomUUID().toString();
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
