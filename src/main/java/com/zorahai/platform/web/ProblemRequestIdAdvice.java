package com.zorahai.platform.web;

import com.zorahai.platform.Correlation;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Puts the request id into every problem body Spring MVC writes, whichever handler produced it, so a caller can quote
 * it from the body as well as from the {@code X-Request-ID} header.
 */
@ControllerAdvice
class ProblemRequestIdAdvice implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType selectedContentType,
            Class<? extends HttpMessageConverter<?>> selectedConverterType, ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem) {
            Correlation.requestId().ifPresent(id -> problem.setProperty(ProblemWriter.REQUEST_ID_PROPERTY, id));
        }
        return body;
    }
}
