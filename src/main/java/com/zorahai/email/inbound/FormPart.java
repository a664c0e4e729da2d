package com.zorahai.email.inbound;

/**
 * One part of the multipart form SendGrid posts: a field ({@code filename} null) or a file.
 */
public record FormPart(String name, String filename, String contentType, byte[] content) {

    public FormPart {
        content = content == null ? new byte[0] : content;
    }

    public int size() {
        return content.length;
    }
}
