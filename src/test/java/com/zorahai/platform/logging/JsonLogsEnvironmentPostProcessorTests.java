package com.zorahai.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class JsonLogsEnvironmentPostProcessorTests {

    private final JsonLogsEnvironmentPostProcessor processor = new JsonLogsEnvironmentPostProcessor();

    @Test
    void jsonLogsTrueSelectsStructuredConsoleLogging() {
        assertThat(format(Map.of("JSON_LOGS", "true"))).isEqualTo("ecs");
        assertThat(format(Map.of("JSON_LOGS", " TRUE "))).isEqualTo("ecs");
        assertThat(format(Map.of("JSON_LOGS", "1"))).isEqualTo("ecs");
    }

    @Test
    void plainLogsByDefault() {
        assertThat(format(Map.of())).isNull();
        assertThat(format(Map.of("JSON_LOGS", "false"))).isNull();
        assertThat(format(Map.of("JSON_LOGS", "yes please"))).isNull();
    }

    @Test
    void explicitFormatWins() {
        assertThat(format(Map.of("JSON_LOGS", "true", "logging.structured.format.console", "logstash"))).isEqualTo(
                "logstash");
    }

    private String format(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        processor.postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty("logging.structured.format.console");
    }
}
