package com.zorahai.email.inbound;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns bytes in a named charset into text without ever failing: the named charset first, then UTF-8, then
 * ISO-8859-1 (which maps every byte). Mail labelled ISO-8859-1 is read as Windows-1252, as browsers do: Outlook
 * labels Windows-1252 text (curly quotes, the euro sign) as Latin-1.
 */
final class TextDecoding {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextDecoding() {
    }

    static String decode(byte[] bytes, String charsetName) {
        if (bytes == null) {
            return null;
        }
        Charset named = lookup(charsetName);
        if (StandardCharsets.ISO_8859_1.equals(named)) {
            String text = strict(bytes, WINDOWS_1252);
            if (text != null) {
                return text;
            }
        }
        if (named != null) {
            String text = strict(bytes, named);
            if (text != null) {
                return text;
            }
        }
        String utf8 = strict(bytes, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return utf8;
        }
        String cp1252 = strict(bytes, WINDOWS_1252);
        return cp1252 != null ? cp1252 : new String(bytes, StandardCharsets.ISO_8859_1);
    }

    static Charset lookup(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String trimmed = name.trim().replace("\"", "");
        try {
            return Charset.forName(trimmed);
        } catch (IllegalArgumentException ex) {
            return null;
        }
    }

    private static String strict(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException | UnsupportedOperationException ex) {
            return null;
        }
    }
}
