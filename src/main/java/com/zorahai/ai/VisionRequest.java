package com.zorahai.ai;

import java.util.Objects;

/**
 * A question about one image.
 *
 * @param model a vision-capable chat model, e.g. {@code gpt-4o-mini}
 * @param instructions the system message: how to answer
 * @param image the image bytes (JPEG, PNG, WebP or non-animated GIF)
 * @param mimeType e.g. {@code image/jpeg}
 * @param question the text that came with the image (a caption), or null
 * @param maxTokens the longest answer, null for no limit
 */
public record VisionRequest(String model, String instructions, byte[] image, String mimeType, String question,
        Integer maxTokens) {

    public VisionRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(instructions, "instructions");
        Objects.requireNonNull(image, "image");
        if (image.length == 0) {
            throw new IllegalArgumentException("the image is empty");
        }
        mimeType = mimeType == null || mimeType.isBlank() ? "image/jpeg" : mimeType;
    }
}
