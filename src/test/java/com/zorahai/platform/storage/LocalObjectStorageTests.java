package com.zorahai.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalObjectStorageTests {

    @TempDir
    Path root;

    @Test
    void storesReadsReplacesAndDeletes() {
        LocalObjectStorage storage = new LocalObjectStorage(root);
        storage.put("tenant-assets", "acme/logo.png", new byte[]{1, 2, 3}, "image/png");
        assertThat(storage.get("tenant-assets", "acme/logo.png")).hasValueSatisfying(object -> {
            assertThat(object.content()).containsExactly(1, 2, 3);
            assertThat(object.contentType()).isEqualTo("image/png");
        });
        storage.put("tenant-assets", "acme/logo.png", "x".getBytes(StandardCharsets.UTF_8), null);
        assertThat(storage.get("tenant-assets", "acme/logo.png").orElseThrow().contentType())
                .isEqualTo("application/octet-stream");
        assertThat(Files.exists(root.resolve("tenant-assets/acme/logo.png"))).isTrue();
        assertThat(storage.delete("tenant-assets", "acme/logo.png")).isTrue();
        assertThat(storage.delete("tenant-assets", "acme/logo.png")).isFalse();
        assertThat(storage.get("tenant-assets", "acme/logo.png")).isEmpty();
        assertThat(storage.get("tenant-assets", "acme")).isEmpty();
        assertThat(storage.description()).contains(root.toString());
    }

    @Test
    void refusesKeysAndBucketsThatLeaveTheRoot() {
        LocalObjectStorage storage = new LocalObjectStorage(root);
        String[][] bad = {{"tenant-assets", "../secret"}, {"tenant-assets", "a/../../b"},
                {"tenant-assets", "/etc/passwd"}, {"tenant-assets", "a//b"}, {"tenant-assets", "a/./b"},
                {"tenant-assets", "a\\..\\b"}, {"tenant-assets", ""}, {"..", "x"}, {"a/b", "x"}, {".types", "x"},
                {"Tenant", "x"}, {"tenant-assets", "a/b/"}, {"tenant-assets", "%2e%2e/x"}};
        for (String[] pair : bad) {
            assertThatIllegalArgumentException().as(pair[0] + " " + pair[1])
                    .isThrownBy(() -> storage.put(pair[0], pair[1], new byte[1], "text/plain"));
        }
        assertThatIllegalArgumentException().isThrownBy(() -> storage.get("tenant-assets", "../x"));
        assertThatIllegalArgumentException().isThrownBy(() -> storage.delete("tenant-assets", "../x"));
    }
}
