package com.zorahai.platform.web;

import java.util.stream.Collectors;
import tools.jackson.databind.DatabindException;

/** Names the field of a request body that JSON reading failed on, as the problem's {@code errors} name it. */
public final class JsonFieldPaths {

    private JsonFieldPaths() {
    }

    /** {@code lines[2].unit_cost}, or {@code body} when the failure is not inside a field. */
    public static String of(DatabindException ex) {
        String path = ex.getPath()
                .stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return path.isEmpty() ? "body" : path;
    }
}
