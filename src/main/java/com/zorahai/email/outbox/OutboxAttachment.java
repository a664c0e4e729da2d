package com.zorahai.email.outbox;

/**
 * An attachment of an outbox row; {@code content} is null when only the metadata was read.
 */
public record OutboxAttachment(int position, String filename, String contentType, int sizeBytes, byte[] content) {
}
