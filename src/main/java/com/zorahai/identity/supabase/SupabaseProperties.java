package com.zorahai.identity.supabase;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Supabase Auth, used instead of local accounts when {@code url} is set.
 *
 * @param url the project URL ({@code SUPABASE_URL}), e.g. {@code https://abc.supabase.co}
 * @param anonKey the publishable (anon) key sent as {@code apikey} ({@code SUPABASE_ANON_KEY})
 * @param serviceKey the secret (service-role) key for admin calls ({@code SUPABASE_SERVICE_KEY})
 * @param jwtSecret the legacy HS256 secret ({@code SUPABASE_JWT_SECRET}); HS256 tokens are refused when blank
 * @param connectTimeout connect timeout of calls to Supabase
 * @param readTimeout read timeout of calls to Supabase
 * @param jwksCacheTtl how long the signing keys are reused at most
 * @param jwksMinRefetchInterval how soon a token with an unknown {@code kid} may trigger another fetch of the keys
 */
@ConfigurationProperties("zorah.identity.supabase")
record SupabaseProperties(@DefaultValue("") String url, @DefaultValue("") String anonKey,
        @DefaultValue("") String serviceKey, @DefaultValue("") String jwtSecret,
        @DefaultValue("3s") Duration connectTimeout, @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("10m") Duration jwksCacheTtl, @DefaultValue("30s") Duration jwksMinRefetchInterval) {

    String baseUrl() {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    String issuer() {
        return baseUrl() + "/auth/v1";
    }

    @Override
    public String toString() {
        // keys never reach a log line, even through this record
        return "SupabaseProperties[url=" + url + "]";
    }
}
