package com.zorahai.platform.storage;

import java.util.regex.Pattern;

/**
 * Checks buckets and keys before any adapter turns them into a path or a URL.
 */
final class ObjectKeys {

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9._-]{1,62}");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]{1,255}");
    static final int MAX_KEY_LENGTH = 1024;

    private ObjectKeys() {
    }

    static void check(String bucket, String key) {
        if (bucket == null || !BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
            throw new IllegalArgumentException("Invalid bucket name");
        }
        if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("Invalid object key");
        }
        for (String segment : key.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("Invalid object key");
            }
        }
    }
}
