package com.zorahai.platform.audit;

import com.zorahai.platform.Correlation;
import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.CurrentTenant;
import java.util.List;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A PII-holding API that exists only in tests.
 */
@RestController
@RequestMapping("/api/v1/test-pii-records")
class PiiTestController {

    private final CurrentTenant tenant;

    PiiTestController(CurrentTenant tenant) {
        this.tenant = tenant;
    }

    @GetMapping
    List<Map<String, String>> list() {
        knowTheTenant();
        return List.of(Map.of("id", "r1", "name", "Ada"));
    }

    @GetMapping("/{id}")
    Map<String, String> get(@PathVariable String id) {
        knowTheTenant();
        if (id.startsWith("missing")) {
            throw ProblemException.notFound("test-record", id);
        }
        return Map.of("id", id, "name", "Ada");
    }

    @PutMapping("/{id}")
    Map<String, String> put(@PathVariable String id, @RequestBody Map<String, String> body) {
        knowTheTenant();
        return Map.of("id", id, "name", body.getOrDefault("name", ""));
    }

    /** What the identity module does for every authenticated request: the tenant goes into the MDC. */
    private void knowTheTenant() {
        if (MDC.get(Correlation.TENANT_ID) == null) {
            tenant.find().ifPresent(id -> MDC.put(Correlation.TENANT_ID, id.value()));
        }
    }
}
