package com.zorahai.ai;

/**
 * Image understanding: a picture and instructions in, the model's text out. The bean exists only when an OpenAI key
 * is configured.
 */
public interface Vision {

    /**
     * Asks a vision model about an image.
     *
     * @throws AiCallFailed when the model gives no usable answer in time, or refuses
     */
    ChatResult describe(VisionRequest request);
}
