package com.zorahai.tenancy.internal;

import java.util.List;

/**
 * The tenant configuration files cannot be used; stops the application at startup. Each problem names the file and
 * the field, e.g. {@code clients/demo-travel/client.yaml: currency: 'ZZZ' is not an ISO 4217 code}.
 */
public class TenantConfigException extends IllegalStateException {

    private final List<String> problems;

    public TenantConfigException(List<String> problems) {
        super(problems.size() == 1
                ? "Invalid tenant configuration: " + problems.get(0)
                : "Invalid tenant configuration:\n - " + String.join("\n - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
