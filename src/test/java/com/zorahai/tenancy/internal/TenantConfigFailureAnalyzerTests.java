package com.zorahai.tenancy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

class TenantConfigFailureAnalyzerTests {

    @Test
    void listsEveryProblem() {
        TenantConfigException ex = new TenantConfigException(List.of("clients/a/client.yaml: currency: bad",
                "clients/b/client.yaml: name: is required"));
        FailureAnalysis analysis = new TenantConfigFailureAnalyzer().analyze(new IllegalStateException(ex));
        assertThat(analysis.getDescription()).contains("clients/a/client.yaml: currency: bad")
                .contains("clients/b/client.yaml: name: is required");
        assertThat(analysis.getAction()).contains("${VAR:-default}");
    }
}
