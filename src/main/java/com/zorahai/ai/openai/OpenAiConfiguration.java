package com.zorahai.ai.openai;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.zorahai.ai.Chat;
import com.zorahai.ai.Embeddings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Wires the OpenAI client, extractor, chat and embeddings when {@code zorah.ai.openai.api-key} ({@code OPENAI_API_KEY}) is set;
 * without it there is no OpenAI bean and extraction uses the rules.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(OpenAiConfiguration.KeySet.class)
class OpenAiConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OpenAiConfiguration.class);

    @Bean(destroyMethod = "close")
    OpenAIClient openAiClient(AiProperties properties) {
        AiProperties.OpenAi openai = properties.openai();
        log.info("AI extraction: OpenAI at {} (timeout {}), rules as fallback", openai.baseUrl(), openai.timeout());
        return client(openai);
    }

    @Bean
    OpenAiExtractor openAiExtractor(OpenAIClient openAiClient, AiProperties properties) {
        return new OpenAiExtractor(openAiClient, properties.promptsDir());
    }

    @Bean
    Chat openAiChat(OpenAIClient openAiClient) {
        return new OpenAiChat(openAiClient);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "zorah.ai.embeddings.enabled", matchIfMissing = true)
    Embeddings openAiEmbeddings(OpenAIClient openAiClient, AiProperties properties) {
        AiProperties.EmbeddingSettings settings = properties.embeddings();
        log.info("Embeddings: OpenAI {} ({} dimensions)", settings.model(), settings.dimensions());
        return new OpenAiEmbeddings(openAiClient, settings.model(), settings.dimensions());
    }

    /** The client: our own builder (the SDK's Spring Boot starter is end-of-life), one per application. */
    static OpenAIClient client(AiProperties.OpenAi openai) {
        return OpenAIOkHttpClient.builder()
                .apiKey(openai.apiKey())
                .baseUrl(openai.baseUrl())
                .timeout(openai.timeout())
                .maxRetries(openai.maxRetries())
                .build();
    }

    static class KeySet implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty("zorah.ai.openai.api-key"));
        }
    }
}
