package com.zorahai.platform.logging;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code JSON_LOGS=true} switches the console to Spring Boot's structured logging in the Elastic Common Schema: one
 * JSON object a line, with the MDC ({@code requestId}, {@code tenantId}, {@code userId}) as fields. An explicit
 * {@code logging.structured.format.console} wins.
 */
public class JsonLogsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String FORMAT_PROPERTY = "logging.structured.format.console";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty(FORMAT_PROPERTY)) {
            return;
        }
        String flag = environment.getProperty("JSON_LOGS", "false").trim();
        if (flag.equalsIgnoreCase("true") || flag.equals("1")) {
            environment.getPropertySources().addLast(new MapPropertySource("jsonLogs", Map.of(FORMAT_PROPERTY, "ecs")));
        }
    }
}
