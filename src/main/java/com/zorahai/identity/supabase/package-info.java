/**
 * Supabase Auth (GoTrue) as the identity provider: sign-in, refresh, recovery and account creation over its REST
 * API, tokens verified with the project's JWKS or its legacy HS256 secret.
 */
package com.zorahai.identity.supabase;
