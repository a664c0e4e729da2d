package com.zorahai.ai.openai;

import com.openai.client.OpenAIClient;
import com.openai.core.MultipartField;
import com.openai.errors.OpenAIException;
import com.openai.models.audio.AudioModel;
import com.openai.models.audio.AudioResponseFormat;
import com.openai.models.audio.transcriptions.TranscriptionCreateParams;
import com.openai.models.audio.transcriptions.TranscriptionCreateResponse;
import com.zorahai.ai.AiCallFailed;
import com.zorahai.ai.Transcription;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Locale;

/**
 * Speech to text through {@code POST /audio/transcriptions} (multipart: {@code file}, {@code model},
 * {@code response_format=json}, optional {@code language}). The file name's extension tells the API the format, so
 * it follows the MIME type ({@code voice.ogg} for a WhatsApp voice note).
 */
public class OpenAiTranscription implements Transcription {

    /** The API refuses files over 25 MB. */
    static final int MAX_BYTES = 25 * 1024 * 1024;

    private final OpenAIClient client;
    private final String model;

    public OpenAiTranscription(OpenAIClient client, String model) {
        this.client = client;
        this.model = model;
    }

    @Override
    public Transcript transcribe(byte[] audio, String mimeType, String languageHint) {
        if (audio == null || audio.length == 0) {
            throw new AiCallFailed("invalid_request", "the audio is empty", null);
        }
        if (audio.length > MAX_BYTES) {
            throw new AiCallFailed("invalid_request", "the audio is over 25 MB", null);
        }
        String type = mimeType == null || mimeType.isBlank() ? "audio/ogg" : mimeType.split(";")[0].trim();
        TranscriptionCreateParams.Builder params = TranscriptionCreateParams.builder()
                .file(MultipartField.<InputStream>builder()
                        .value(new ByteArrayInputStream(audio))
                        .filename("voice." + extension(type))
                        .contentType(type)
                        .build())
                .model(AudioModel.of(model))
                .responseFormat(AudioResponseFormat.JSON);
        if (languageHint != null && languageHint.matches("[a-z]{2}")) {
            params.language(languageHint);
        }
        TranscriptionCreateResponse response;
        try {
            response = client.audio().transcriptions().create(params.build());
        } catch (OpenAIException e) {
            throw OpenAiFailures.of(e);
        }
        if (!response.isTranscription()) {
            throw new AiCallFailed("invalid_response", "not a transcription", null);
        }
        String text = response.asTranscription().text();
        if (text == null || text.isBlank()) {
            throw new AiCallFailed("invalid_response", "an empty transcript", null);
        }
        return new Transcript(text.strip(), model);
    }

    static String extension(String mimeType) {
        return switch (mimeType.toLowerCase(Locale.ROOT)) {
            case "audio/mpeg", "audio/mp3" -> "mp3";
            case "audio/mp4", "audio/m4a", "audio/x-m4a", "audio/aac" -> "m4a";
            case "audio/wav", "audio/x-wav", "audio/wave" -> "wav";
            case "audio/webm" -> "webm";
            case "audio/flac" -> "flac";
            case "audio/amr" -> "amr";
            default -> "ogg";
        };
    }
}
