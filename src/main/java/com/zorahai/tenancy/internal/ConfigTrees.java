package com.zorahai.tenancy.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Operations on configuration trees (maps of maps, lists and text): deep copy, deep merge of overrides, JSON merge
 * patch (RFC 7396) and the list of leaf paths.
 */
public final class ConfigTrees {

    private ConfigTrees() {
    }

    /** A mutable deep copy. */
    public static Map<String, Object> copy(Map<String, ?> tree) {
        Map<String, Object> copy = new LinkedHashMap<>();
        if (tree != null) {
            tree.forEach((key, value) -> copy.put(key, copyValue(value)));
        }
        return copy;
    }

    /** {@code base} with every value of {@code overrides} laid over it, section by section. */
    public static Map<String, Object> merge(Map<String, ?> base, Map<String, ?> overrides) {
        Map<String, Object> result = copy(base);
        if (overrides == null) {
            return result;
        }
        overrides.forEach((key, value) -> {
            Object current = result.get(key);
            if (value instanceof Map<?, ?> section && current instanceof Map<?, ?> currentSection) {
                result.put(key, merge(asTree(currentSection), asTree(section)));
            } else if (value != null) {
                result.put(key, copyValue(value));
            }
        });
        return result;
    }

    /** RFC 7396: a null removes the key, a section merges into the section, anything else replaces. */
    public static Map<String, Object> mergePatch(Map<String, ?> target, Map<String, ?> patch) {
        Map<String, Object> result = copy(target);
        patch.forEach((key, value) -> {
            if (value == null) {
                result.remove(key);
            } else if (value instanceof Map<?, ?> section) {
                Object current = result.get(key);
                Map<String, Object> merged = mergePatch(current instanceof Map<?, ?> m ? asTree(m) : Map.of(),
                        asTree(section));
                if (merged.isEmpty()) {
                    result.remove(key);
                } else {
                    result.put(key, merged);
                }
            } else {
                result.put(key, copyValue(value));
            }
        });
        return result;
    }

    /** The dotted paths of all leaves ({@code email.from_name}); a list counts as one leaf. */
    public static List<String> leafPaths(Map<String, ?> tree) {
        List<String> paths = new ArrayList<>();
        collect(tree, "", paths);
        return paths;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asTree(Map<?, ?> map) {
        Map<String, Object> tree = new LinkedHashMap<>();
        ((Map<Object, Object>) map).forEach((k, v) -> tree.put(String.valueOf(k), v));
        return tree;
    }

    private static void collect(Map<String, ?> tree, String prefix, List<String> paths) {
        tree.forEach((key, value) -> {
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof Map<?, ?> section) {
                collect(asTree(section), path, paths);
            } else {
                paths.add(path);
            }
        });
    }

    private static Object copyValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return copy(asTree(map));
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(copyValue(item)));
            return copy;
        }
        return value;
    }
}
