package com.zorahai.platform;

import jakarta.servlet.Filter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * A filter that fails on one public path, the way a broken filter would: its exception never reaches Spring MVC.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FailingFilterConfiguration {

    public static final String PATH = "/public/test-failing-filter";
    public static final String SECRET_MESSAGE = "filter failed near secret-token-abc123";

    @Bean
    FilterRegistrationBean<Filter> failingFilter() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
            throw new IllegalStateException(SECRET_MESSAGE);
        });
        registration.addUrlPatterns(PATH);
        registration.setOrder(0);
        return registration;
    }
}
