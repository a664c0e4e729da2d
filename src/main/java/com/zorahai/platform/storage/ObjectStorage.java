package com.zorahai.platform.storage;

import java.util.Optional;

/**
 * Stores and reads whole objects by bucket and key. Buckets match {@code [a-z0-9][a-z0-9._-]{1,62}}; keys are
 * {@code /}-separated segments of letters, digits, {@code .}, {@code _} and {@code -}, never {@code .} or {@code ..}
 * alone. Anything else is rejected with an {@link IllegalArgumentException} before it touches a path or a URL.
 */
public interface ObjectStorage {

    /** Writes the object, replacing any object with the same key. */
    void put(String bucket, String key, byte[] content, String contentType);

    /** The object, or empty when there is none with this key. */
    Optional<StoredObject> get(String bucket, String key);

    /** Removes the object; {@code false} when there was none. */
    boolean delete(String bucket, String key);

    /** Where objects go, for the startup log; never includes a secret. */
    String description();
}
