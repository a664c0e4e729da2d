package com.zorahai.platform.web;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The filters every request passes first, ahead of Spring Security, so that even a 401 carries a request id and a
 * timing.
 */
@Configuration(proxyBeanMethods = false)
class RequestFiltersConfiguration {

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ServerTimingFilter> serverTimingFilter() {
        FilterRegistrationBean<ServerTimingFilter> registration = new FilterRegistrationBean<>(
                new ServerTimingFilter());
        // right after the request id and Spring Boot's observation filter (HIGHEST_PRECEDENCE + 1)
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }
}
