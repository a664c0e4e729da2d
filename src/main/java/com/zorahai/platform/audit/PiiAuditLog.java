package com.zorahai.platform.audit;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes PII accesses to the {@code pii_audit} table.
 */
class PiiAuditLog {

    private final JdbcClient jdbc;

    PiiAuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(PiiAccess access) {
        jdbc.sql("""
                insert into pii_audit (tenant_id, actor, action, resource_type, resource_id, method, path, status,
                                       client_ip, request_id)
                values (:tenantId, :actor, :action, :resourceType, :resourceId, :method, :path, :status,
                        :clientIp, :requestId)
                """)
                .paramSource(access)
                .update();
    }
}
