package com.zorahai.documents.internal;

import java.io.Writer;

/** A string writer that refuses to grow past a number of characters, so a runaway template stops early. */
final class BoundedWriter extends Writer {

    private final StringBuilder out = new StringBuilder(16 * 1024);
    private final long maxChars;

    BoundedWriter(long maxChars) {
        this.maxChars = maxChars;
    }

    /** Thrown when the output would pass the limit. */
    static final class LimitExceeded extends RuntimeException {

        LimitExceeded() {
            super("output limit exceeded", null, false, false);
        }
    }

    @Override
    public void write(char[] buffer, int offset, int length) {
        if (out.length() + (long) length > maxChars) {
            throw new LimitExceeded();
        }
        out.append(buffer, offset, length);
    }

    @Override
    public void write(String text, int offset, int length) {
        if (out.length() + (long) length > maxChars) {
            throw new LimitExceeded();
        }
        out.append(text, offset, offset + length);
    }

    @Override
    public void flush() {
        // nothing buffered elsewhere
    }

    @Override
    public void close() {
        // nothing to release
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
