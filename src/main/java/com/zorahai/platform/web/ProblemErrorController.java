package com.zorahai.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Answers the servlet container's error dispatch (an exception thrown by a filter, a {@code sendError} outside Spring
 * MVC, a direct call of {@code /error}) with a problem like every other error: never a Whitelabel page, a message or
 * a stack trace.
 */
@Controller
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    private final ProblemWriter problems;

    ProblemErrorController(ProblemWriter problems) {
        this.problems = problems;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpStatus status = status(request);
        if (status.is5xxServerError()
                && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
            // the servlet container has logged the stack trace already, without the request id
            log.error("Request to {} failed outside the web layer: {}", request.getAttribute(
                    RequestDispatcher.ERROR_REQUEST_URI), failure.getClass().getName());
        }
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        if (status == HttpStatus.INTERNAL_SERVER_ERROR) {
            problems.write(response, status, ProblemDetailsAdvice.INTERNAL_ERROR, "Internal error",
                    ProblemDetailsAdvice.INTERNAL_ERROR_DETAIL);
        } else {
            problems.write(response, status, ProblemDetailsAdvice.slug(status), status.getReasonPhrase(),
                    detail(status));
        }
    }

    private static HttpStatus status(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code) {
            HttpStatus status = HttpStatus.resolve(code);
            return status == null || status.is2xxSuccessful() ? HttpStatus.INTERNAL_SERVER_ERROR : status;
        }
        // called directly rather than through an error dispatch: there is nothing here
        return HttpStatus.NOT_FOUND;
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "Nothing is found at this path.";
            case METHOD_NOT_ALLOWED -> "The method is not supported at this path.";
            case UNAUTHORIZED -> "A valid bearer token is required.";
            case FORBIDDEN -> "You are not allowed to do this.";
            default -> status.is4xxClientError()
                    ? "The request cannot be handled."
                    : "The service cannot handle the request right now. Quote the request id when you report it.";
        };
    }
}
