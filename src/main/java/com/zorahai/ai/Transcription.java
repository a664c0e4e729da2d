package com.zorahai.ai;

/**
 * Speech to text: an audio file (a WhatsApp voice note is Ogg Opus) in, its words out. The model is
 * {@code zorah.ai.transcription.model} ({@code gpt-4o-mini-transcribe}, or {@code whisper-1}). The bean exists only
 * when an OpenAI key is configured.
 */
public interface Transcription {

    /**
     * Transcribes the audio.
     *
     * @param mimeType e.g. {@code audio/ogg; codecs=opus}; picks the file name the API reads the format from
     * @param languageHint an ISO-639-1 code ({@code ar}, {@code fr}) that improves accuracy, or null
     * @throws AiCallFailed when no usable transcript comes back in time
     */
    Transcript transcribe(byte[] audio, String mimeType, String languageHint);

    /** The words of the audio and the model that heard them. */
    record Transcript(String text, String model) {
    }
}
