package com.zorahai.tenancy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTreesTests {

    @Test
    void mergeOverridesFieldByField() {
        Map<String, Object> base = Map.of("name", "A", "email", Map.of("from_name", "A", "from_address", "a@x.io"));
        Map<String, Object> merged = ConfigTrees.merge(base, Map.of("email", Map.of("from_name", "B")));
        assertThat(merged).isEqualTo(Map.of("name", "A", "email", Map.of("from_name", "B", "from_address",
                "a@x.io")));
        assertThat(base).containsEntry("email", Map.of("from_name", "A", "from_address", "a@x.io"));
    }

    @Test
    void mergePatchRemovesOnNullAndDropsEmptySections() {
        Map<String, Object> patch = new HashMap<>();
        patch.put("currency", null);
        patch.put("email", new HashMap<>(java.util.Collections.singletonMap("from_name", null)));
        patch.put("locale", "fr");
        Map<String, Object> result = ConfigTrees.mergePatch(Map.of("currency", "EUR", "email", Map.of("from_name",
                "X")), patch);
        assertThat(result).isEqualTo(Map.of("locale", "fr"));
    }

    @Test
    void leafPathsAreDotted() {
        assertThat(ConfigTrees.leafPaths(Map.of("a", Map.of("b", "1"), "features", List.of("crm"))))
                .containsExactlyInAnyOrder("a.b", "features");
    }
}
