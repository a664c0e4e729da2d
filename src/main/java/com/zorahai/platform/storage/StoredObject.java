package com.zorahai.platform.storage;

/**
 * An object read back from {@link ObjectStorage}: its bytes and the content type it was stored with.
 */
public record StoredObject(byte[] content, String contentType) {

    public StoredObject {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    public int size() {
        return content.length;
    }
}
