package com.zorahai.platform.audit;

/**
 * One access to a PII record, as written to {@code pii_audit}.
 *
 * @param action {@code read} for GET and HEAD, {@code change} for every other method
 * @param resourceId the id segment of the path; {@code null} for a collection (a list or a create)
 */
record PiiAccess(String tenantId, String actor, String action, String resourceType, String resourceId, String method,
        String path, int status, String clientIp, String requestId) {
}
