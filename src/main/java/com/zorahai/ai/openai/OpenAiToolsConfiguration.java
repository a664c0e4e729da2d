package com.zorahai.ai.openai;

import com.openai.client.OpenAIClient;
import com.zorahai.ai.ToolChat;
import com.zorahai.ai.Transcription;
import com.zorahai.ai.Vision;
import jakarta.validation.constraints.NotBlank;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.annotation.Validated;

/**
 * Wires tool calling, image understanding and speech to text on the OpenAI client when an API key is set; without
 * one none of these beans exists.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(OpenAiConfiguration.KeySet.class)
@EnableConfigurationProperties(OpenAiToolsConfiguration.TranscriptionProperties.class)
class OpenAiToolsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OpenAiToolsConfiguration.class);

    /**
     * Speech-to-text settings ({@code zorah.ai.transcription.*}).
     *
     * @param model {@code gpt-4o-mini-transcribe} (default) or {@code whisper-1}
     */
    @ConfigurationProperties("zorah.ai.transcription")
    @Validated
    record TranscriptionProperties(@DefaultValue("gpt-4o-mini-transcribe") @NotBlank String model) {
    }

    @Bean
    ToolChat openAiToolChat(OpenAIClient openAiClient) {
        return new OpenAiToolChat(openAiClient);
    }

    @Bean
    Vision openAiVision(OpenAIClient openAiClient) {
        return new OpenAiVision(openAiClient);
    }

    @Bean
    Transcription openAiTranscription(OpenAIClient openAiClient, TranscriptionProperties properties) {
        log.info("Speech to text: OpenAI {}", properties.model());
        return new OpenAiTranscription(openAiClient, properties.model());
    }
}
