package com.zorahai.telephony;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * VAPI server messages for tests, from the shapes in {@code src/test/resources/telephony/} with placeholders
 * ({@code ${CALL_ID}}, ...) filled in.
 */
public final class VapiPosts {

    private VapiPosts() {
    }

    public static String of(String name, Map<String, String> values) {
        String body;
        try (InputStream in = VapiPosts.class.getResourceAsStream("/telephony/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no payload " + name);
            }
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        for (Map.Entry<String, String> value : values.entrySet()) {
            body = body.replace("${" + value.getKey() + "}", value.getValue());
        }
        return body;
    }
}
