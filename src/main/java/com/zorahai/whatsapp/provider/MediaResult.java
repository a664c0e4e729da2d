package com.zorahai.whatsapp.provider;

/** What became of fetching one media file. */
public sealed interface MediaResult {

    record Fetched(byte[] content, String mimeType) implements MediaResult {
    }

    /** The provider cannot give this file (expired id, no media store); trying again will not help. */
    record Unavailable(String reason) implements MediaResult {
    }

    /** A passing failure (network, 5xx): worth another try. */
    record Failed(String reason) implements MediaResult {
    }
}
