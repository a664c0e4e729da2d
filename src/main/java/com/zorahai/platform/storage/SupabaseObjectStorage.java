package com.zorahai.platform.storage;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Supabase Storage over its REST API, authenticated with the service-role key. Network errors and 5xx answers are
 * retried with backoff behind a circuit breaker; a missing bucket is created (private) on the first upload.
 */
class SupabaseObjectStorage implements ObjectStorage {

    private static final Logger log = LoggerFactory.getLogger(SupabaseObjectStorage.class);

    private final RestClient http;
    private final String baseUrl;
    private final Retry retry;
    private final CircuitBreaker breaker;

    SupabaseObjectStorage(RestClient.Builder builder, StorageProperties.Supabase settings) {
        this.baseUrl = settings.url().replaceAll("/+$", "");
        this.http = builder.clone()
                .defaultHeader("Authorization", "Bearer " + settings.serviceKey())
                .defaultHeader("apikey", settings.serviceKey())
                .build();
        this.retry = Retry.of("supabase-storage", RetryConfig.custom()
                .maxAttempts(Math.max(1, settings.maxAttempts()))
                .intervalFunction(IntervalFunction.ofExponentialBackoff(settings.retryWait(), 2.0))
                .retryOnException(SupabaseObjectStorage::retryable)
                .build());
        this.breaker = CircuitBreaker.ofDefaults("supabase-storage");
    }

    @Override
    public void put(String bucket, String key, byte[] content, String contentType) {
        ObjectKeys.check(bucket, key);
        call(() -> {
            Answer answer = upload(bucket, key, content, contentType);
            if (answer.bucketMissing()) {
                createBucket(bucket);
                answer = upload(bucket, key, content, contentType);
            }
            answer.requireSuccess("upload");
            return null;
        });
    }

    @Override
    public Optional<StoredObject> get(String bucket, String key) {
        ObjectKeys.check(bucket, key);
        return call(() -> http.get().uri(objectUri(bucket, key)).exchange((request, response) -> {
            if (response.getStatusCode().is2xxSuccessful()) {
                MediaType type = response.getHeaders().getContentType();
                byte[] body = response.getBody().readAllBytes();
                return Optional.of(new StoredObject(body, type == null ? "application/octet-stream" : type.toString()));
            }
            Answer answer = Answer.of(response.getStatusCode(), response.getBody().readAllBytes());
            if (answer.notFound()) {
                return Optional.<StoredObject>empty();
            }
            answer.requireSuccess("download");
            return Optional.<StoredObject>empty();
        }));
    }

    @Override
    public boolean delete(String bucket, String key) {
        ObjectKeys.check(bucket, key);
        return call(() -> {
            Answer answer = http.delete()
                    .uri(objectUri(bucket, key))
                    .exchange((request, response) -> Answer.of(response.getStatusCode(),
                            response.getBody().readAllBytes()));
            if (answer.notFound()) {
                return false;
            }
            answer.requireSuccess("delete");
            return true;
        });
    }

    @Override
    public String description() {
        return "Supabase Storage at " + baseUrl;
    }

    private Answer upload(String bucket, String key, byte[] content, String contentType) {
        return http.post()
                .uri(objectUri(bucket, key))
                .header("x-upsert", "true")
                .contentType(MediaType.parseMediaType(contentType == null ? "application/octet-stream" : contentType))
                .body(content)
                .exchange((request, response) -> Answer.of(response.getStatusCode(),
                        response.getBody().readAllBytes()));
    }

    private void createBucket(String bucket) {
        log.info("Creating private storage bucket {}", bucket);
        Answer answer = http.post()
                .uri(URI.create(baseUrl + "/storage/v1/bucket"))
                .contentType(MediaType.APPLICATION_JSON)
                // the bucket name was checked: letters, digits, '.', '_' and '-' only
                .body(("{\"id\":\"" + bucket + "\",\"name\":\"" + bucket + "\",\"public\":false}")
                        .getBytes(StandardCharsets.UTF_8))
                .exchange((request, response) -> Answer.of(response.getStatusCode(),
                        response.getBody().readAllBytes()));
        if (!answer.status().is2xxSuccessful() && !answer.body().contains("already exists")) {
            answer.requireSuccess("bucket creation");
        }
    }

    private URI objectUri(String bucket, String key) {
        // bucket and key were checked: only letters, digits, '.', '_', '-' and '/'
        return URI.create(baseUrl + "/storage/v1/object/" + bucket + "/" + key);
    }

    private <T> T call(Supplier<T> action) {
        try {
            return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, action)).get();
        } catch (CallNotPermittedException | ResourceAccessException | UpstreamFailure ex) {
            log.warn("Supabase Storage call failed: {}", ex.getMessage());
            throw new StorageUnavailableException(ex);
        } catch (RestClientException ex) {
            log.warn("Supabase Storage call failed: {}", ex.getClass().getSimpleName());
            throw new StorageUnavailableException(ex);
        }
    }

    private static boolean retryable(Throwable ex) {
        return ex instanceof ResourceAccessException || ex instanceof UpstreamFailure failure && failure.transientError;
    }

    /** An answer of the Storage API; errors carry {@code {"statusCode":"404","error":..,"message":..}}. */
    private record Answer(HttpStatusCode status, String body) {

        static Answer of(HttpStatusCode status, byte[] body) throws IOException {
            return new Answer(status, new String(body, StandardCharsets.UTF_8));
        }

        boolean notFound() {
            return status.value() == 404 || status.value() == 400 && body.contains("\"statusCode\":\"404\"");
        }

        boolean bucketMissing() {
            return (status.value() == 404 || status.value() == 400) && body.contains("Bucket not found");
        }

        void requireSuccess(String what) {
            if (!status.is2xxSuccessful()) {
                throw new UpstreamFailure("Supabase Storage " + what + " answered " + status.value(),
                        status.is5xxServerError() || status.value() == 429);
            }
        }
    }

    /** A non-success answer; only server errors and throttling are worth another attempt. */
    private static final class UpstreamFailure extends RuntimeException {

        private final boolean transientError;

        UpstreamFailure(String message, boolean transientError) {
            super(message);
            this.transientError = transientError;
        }
    }
}
