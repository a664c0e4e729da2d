package com.zorahai.crm;

/**
 * The client an upsert found or created.
 */
public record UpsertResult(ClientId clientId, boolean created) {
}
