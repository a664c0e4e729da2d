package com.zorahai.ai;

/**
 * One chat completion: messages in, the model's text out with the model name and the tokens spent. The bean exists
 * only when an OpenAI key is configured; callers take it through an {@code ObjectProvider} and answer without an LLM
 * otherwise.
 */
public interface Chat {

    /**
     * Asks the model.
     *
     * @throws AiCallFailed when the model gives no usable answer in time, or refuses
     */
    ChatResult complete(ChatRequest request);
}
