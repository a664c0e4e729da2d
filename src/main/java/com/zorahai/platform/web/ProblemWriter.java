package com.zorahai.platform.web;

import com.zorahai.platform.Correlation;
import com.zorahai.platform.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes problem details from places that run before Spring MVC (security filters, webhook filters), with the
 * request id like every other problem.
 */
@Component
public class ProblemWriter {

    /** The problem property that repeats the {@code X-Request-ID} of the response. */
    public static final String REQUEST_ID_PROPERTY = "request_id";

    private final JsonMapper json;

    public ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    public void write(HttpServletResponse response, HttpStatus status, String type, String title, String detail)
            throws IOException {
        write(response, status, type, title, detail, Map.of());
    }

    public void write(HttpServletResponse response, HttpStatus status, String type, String title, String detail,
            Map<String, Object> properties) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(ProblemException.TYPE_BASE + type));
        problem.setTitle(title);
        properties.forEach(problem::setProperty);
        Correlation.requestId().ifPresent(id -> problem.setProperty(REQUEST_ID_PROPERTY, id));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
