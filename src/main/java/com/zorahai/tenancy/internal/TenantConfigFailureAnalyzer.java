package com.zorahai.tenancy.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a startup stopped by an invalid {@code client.yaml}, listing every file and field at fault.
 */
public class TenantConfigFailureAnalyzer extends AbstractFailureAnalyzer<TenantConfigException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, TenantConfigException cause) {
        return new FailureAnalysis("The tenant configuration files are invalid:\n - "
                + String.join("\n - ", cause.problems()),
                "Fix the fields named above, or set the environment variables they reference. Optional values use "
                        + "${VAR:-default}.",
                cause);
    }
}
