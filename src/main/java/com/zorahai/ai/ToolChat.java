package com.zorahai.ai;

/**
 * Chat completions with tools: the model either answers with text or asks for tool calls, which the caller runs and
 * sends back as {@link ToolChatMessage.ToolResult}s in the next request. The bean exists only when an OpenAI key is
 * configured; callers take it through an {@code ObjectProvider} and answer without a model otherwise.
 */
public interface ToolChat {

    /**
     * One round: the conversation so far in, the model's text or tool calls out.
     *
     * @throws AiCallFailed when the model gives no usable answer in time, or refuses
     */
    ToolChatResult complete(ToolChatRequest request);
}
