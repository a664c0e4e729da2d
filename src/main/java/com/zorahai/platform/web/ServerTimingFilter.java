package com.zorahai.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.security.web.util.OnCommittedResponseWrapper;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Adds {@code Server-Timing: app;dur=<ms>} to every response: the time the application spent until the response
 * started, stamped just before the headers go out (a header cannot be added once the body is on its way). The
 * request timer itself is Spring Boot's {@code http.server.requests} metric.
 */
class ServerTimingFilter extends OncePerRequestFilter {

    static final String HEADER = "Server-Timing";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        TimedResponse timed = new TimedResponse(response, System.nanoTime());
        try {
            chain.doFilter(request, timed);
        } finally {
            timed.stamp();
        }
    }

    /** Stamps the elapsed time when the response is about to be committed, or at the end when it never was. */
    static final class TimedResponse extends OnCommittedResponseWrapper {

        private final long started;
        private boolean stamped;

        TimedResponse(HttpServletResponse response, long started) {
            super(response);
            this.started = started;
        }

        @Override
        protected void onResponseCommitted() {
            stamp();
        }

        void stamp() {
            if (stamped || getResponse().isCommitted()) {
                return;
            }
            stamped = true;
            double millis = (System.nanoTime() - started) / 1_000_000.0;
            ((HttpServletResponse) getResponse()).setHeader(HEADER, String.format(Locale.ROOT, "app;dur=%.1f",
                    millis));
        }
    }
}
