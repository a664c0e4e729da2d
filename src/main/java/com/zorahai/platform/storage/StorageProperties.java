package com.zorahai.platform.storage;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where objects are stored.
 *
 * @param localDir the folder used when Supabase Storage is not configured
 * @param supabase Supabase Storage, used when both its URL and service key are set
 */
@ConfigurationProperties("zorah.storage")
record StorageProperties(@DefaultValue("./var/storage") String localDir, @DefaultValue Supabase supabase) {

    /**
     * @param url the project URL ({@code SUPABASE_URL})
     * @param serviceKey the service-role key ({@code SUPABASE_SERVICE_KEY}); a secret
     * @param timeout connect and read timeout of each call
     * @param maxAttempts attempts per call on network errors and 5xx answers
     * @param retryWait wait before the second attempt, doubled for each further one
     */
    record Supabase(String url, String serviceKey, @DefaultValue("10s") Duration timeout,
            @DefaultValue("3") int maxAttempts, @DefaultValue("200ms") Duration retryWait) {

        boolean configured() {
            return url != null && !url.isBlank() && serviceKey != null && !serviceKey.isBlank();
        }
    }
}
