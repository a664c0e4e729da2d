package com.zorahai.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.IntegrationTest;
import com.zorahai.TestTokens;
import com.zorahai.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class PiiAuditDisabledTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Test
    void nothingIsWrittenWhenTheAuditIsOff() {
        assertThat(context.getBeanNamesForType(PiiAuditLog.class)).isEmpty();
        String requestId = "pii-off-" + java.util.UUID.randomUUID();
        assertThat(mvc.get().uri("/api/v1/test-pii-records/r-1")
                .header("Authorization", tokens.bearer("pii-off-tenant", Role.AGENT))
                .header("X-Request-ID", requestId)).hasStatusOk();
        assertThat(jdbc.sql("select count(*) from pii_audit where request_id = ?").param(requestId).query(Long.class)
                .single()).isZero();
    }
}
