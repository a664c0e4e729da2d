package com.zorahai.identity.internal;

import java.util.UUID;

/**
 * What a sign-in or a refresh gives: a short-lived access token and the refresh token that replaces it.
 */
public record TokenPair(UUID userId, String accessToken, long expiresInSeconds, String refreshToken) {
}
