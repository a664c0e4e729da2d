package com.zorahai.ai.openai;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Prompts read from the prompts directory, re-read when the file changes, so operators edit them without a rebuild;
 * the copy shipped under {@code ai/prompts/} answers when the directory has none.
 */
final class Prompts {

    private record Cached(FileTime modified, String text) {
    }

    private final Path dir;
    private final ConcurrentMap<String, Cached> cache = new ConcurrentHashMap<>();

    Prompts(Path dir) {
        this.dir = dir;
    }

    String get(String name) {
        Path file = dir.resolve(name);
        try {
            if (Files.isRegularFile(file)) {
                FileTime modified = Files.getLastModifiedTime(file);
                Cached cached = cache.get(name);
                if (cached != null && cached.modified().equals(modified)) {
                    return cached.text();
                }
                String text = Files.readString(file, StandardCharsets.UTF_8);
                cache.put(name, new Cached(modified, text));
                return text;
            }
        } catch (IOException e) {
            // an unreadable file is treated like a missing one: the shipped prompt still works
        }
        return shipped(name);
    }

    private static String shipped(String name) {
        try (InputStream in = Prompts.class.getClassLoader().getResourceAsStream("ai/prompts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no prompt " + name + " in the prompts directory or the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
