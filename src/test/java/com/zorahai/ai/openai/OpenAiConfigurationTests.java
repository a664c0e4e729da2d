package com.zorahai.ai.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.zorahai.ai.Chat;
import com.zorahai.ai.Embeddings;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class OpenAiConfigurationTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AiProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class, OpenAiConfiguration.class);

    @Test
    void aKeyTurnsOpenAiOn() {
        runner.withPropertyValues("zorah.ai.openai.api-key=sk-test", "zorah.ai.openai.timeout=3s",
                "zorah.ai.prompts-dir=/srv/prompts").run(context -> {
                    assertThat(context).hasSingleBean(OpenAIClient.class).hasSingleBean(OpenAiExtractor.class)
                            .hasSingleBean(Chat.class).hasSingleBean(Embeddings.class);
                    AiProperties properties = context.getBean(AiProperties.class);
                    assertThat(properties.openai().timeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(properties.openai().baseUrl()).isEqualTo("https://api.openai.com/v1");
                    assertThat(properties.promptsDir()).isEqualTo(Path.of("/srv/prompts"));
                });
    }

    @Test
    void aBlankKeyLeavesItOff() {
        runner.withPropertyValues("zorah.ai.openai.api-key=").run(context -> {
            assertThat(context).doesNotHaveBean(OpenAIClient.class).doesNotHaveBean(OpenAiExtractor.class)
                    .doesNotHaveBean(Chat.class).doesNotHaveBean(Embeddings.class);
        });
    }

    @Test
    void embeddingsCanBeTurnedOffWhileChatStays() {
        runner.withPropertyValues("zorah.ai.openai.api-key=sk-test", "zorah.ai.embeddings.enabled=false",
                "zorah.ai.embeddings.model=text-embedding-3-large").run(context -> {
                    assertThat(context).hasSingleBean(Chat.class).doesNotHaveBean(Embeddings.class);
                });
    }
}
