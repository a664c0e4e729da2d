package com.zorahai.ai.openai;

import com.openai.client.OpenAIClient;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionContentPart;
import com.openai.models.chat.completions.ChatCompletionContentPartImage;
import com.openai.models.chat.completions.ChatCompletionContentPartText;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionUserMessageParam;
import com.zorahai.ai.AiCallFailed;
import com.zorahai.ai.ChatResult;
import com.zorahai.ai.Vision;
import com.zorahai.ai.VisionRequest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Image understanding through Chat Completions: the image goes inline as a base64 {@code data:} URL in an
 * {@code image_url} content part, next to the caption as a {@code text} part.
 */
public class OpenAiVision implements Vision {

    private final OpenAIClient client;

    public OpenAiVision(OpenAIClient client) {
        this.client = client;
    }

    @Override
    public ChatResult describe(VisionRequest request) {
        List<ChatCompletionContentPart> parts = new ArrayList<>();
        if (request.question() != null && !request.question().isBlank()) {
            parts.add(ChatCompletionContentPart.ofText(ChatCompletionContentPartText.builder()
                    .text(request.question())
                    .build()));
        }
        String dataUrl = "data:" + request.mimeType().split(";")[0].trim() + ";base64,"
                + Base64.getEncoder().encodeToString(request.image());
        parts.add(ChatCompletionContentPart.ofImageUrl(ChatCompletionContentPartImage.builder()
                .imageUrl(ChatCompletionContentPartImage.ImageUrl.builder()
                        .url(dataUrl)
                        .detail(ChatCompletionContentPartImage.ImageUrl.Detail.AUTO)
                        .build())
                .build()));
        ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder()
                .model(request.model())
                .addSystemMessage(request.instructions())
                .addMessage(ChatCompletionUserMessageParam.builder().contentOfArrayOfContentParts(parts).build());
        if (request.maxTokens() != null) {
            params.maxCompletionTokens(request.maxTokens());
        }
        ChatCompletion completion = Completions.create(client, params.build());
        String content = Completions.message(completion).content().filter(c -> !c.isBlank())
                .orElseThrow(() -> new AiCallFailed("invalid_response", "no content", null));
        return new ChatResult(content, Completions.model(completion, request.model()), Completions.usage(completion));
    }
}
