package com.zorahai.identity.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.zorahai.identity.internal.TokenPair;

/**
 * Tokens in the OAuth 2.0 shape: send {@code access_token} as {@code Authorization: Bearer ...}; exchange
 * {@code refresh_token} at {@code POST /api/v1/auth/refresh} before it expires.
 */
record TokenResponse(@JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType, @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("refresh_token") String refreshToken) {

    static TokenResponse of(TokenPair pair) {
        return new TokenResponse(pair.accessToken(), "Bearer", pair.expiresInSeconds(), pair.refreshToken());
    }
}
