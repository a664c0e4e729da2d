package com.zorahai.knowledge.internal;

import java.util.Locale;
import java.util.Optional;

/** The formats a knowledge document can be uploaded in, told by content type and then by file name. */
public enum DocumentFormat {
    TEXT("text/plain"), MARKDOWN("text/markdown"), HTML("text/html"), PDF("application/pdf"), DOCX(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final String contentType;

    DocumentFormat(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DocumentFormat of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /**
     * The format of an upload: a specific content type wins; {@code application/octet-stream}, a missing type and
     * {@code text/plain} for a {@code .md} file are decided by the file extension.
     */
    public static Optional<DocumentFormat> detect(String contentType, String filename) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        int semicolon = type.indexOf(';');
        if (semicolon >= 0) {
            type = type.substring(0, semicolon);
        }
        type = type.strip();
        Optional<DocumentFormat> byName = byExtension(filename);
        switch (type) {
            case "text/markdown", "text/x-markdown" :
                return Optional.of(MARKDOWN);
            case "text/html", "application/xhtml+xml" :
                return Optional.of(HTML);
            case "application/pdf" :
                return Optional.of(PDF);
            case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" :
                return Optional.of(DOCX);
            case "text/plain" :
                return Optional.of(byName.filter(f -> f == MARKDOWN).orElse(TEXT));
            case "", "application/octet-stream", "binary/octet-stream" :
                return byName;
            default :
                return Optional.empty();
        }
    }

    private static Optional<DocumentFormat> byExtension(String filename) {
        if (filename == null) {
            return Optional.empty();
        }
        String name = filename.toLowerCase(Locale.ROOT);
        if (name.endsWith(".txt")) {
            return Optional.of(TEXT);
        }
        if (name.endsWith(".md") || name.endsWith(".markdown")) {
            return Optional.of(MARKDOWN);
        }
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return Optional.of(HTML);
        }
        if (name.endsWith(".pdf")) {
            return Optional.of(PDF);
        }
        if (name.endsWith(".docx")) {
            return Optional.of(DOCX);
        }
        return Optional.empty();
    }
}
