package com.zorahai.booking.clinicapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.zorahai.booking.internal.BookingTenant;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP calls of the clinic booking API (see {@code docs/booking.md} for its shape): JSON in snake_case, the
 * tenant's token as a bearer token, an {@code Idempotency-Key} header on creates. Answers the status and body of
 * every response; network failures and timeouts surface as Spring's {@code ResourceAccessException}.
 */
class ClinicApiClient {

    /** Up to this much of a response is read; a clinic's answers are small. */
    private static final int MAX_BODY = 2 * 1024 * 1024;

    static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    record MoneyJson(BigDecimal amount, String currency) {
    }

    record ServiceJson(String id, String name, String description, Integer durationMinutes, MoneyJson price,
            Map<String, MoneyJson> pricesByGender, Boolean active) {
    }

    record ServicesJson(List<ServiceJson> services) {
    }

    record SlotJson(String start, String end, String staffId, String staffName) {
    }

    record SlotsJson(List<SlotJson> slots) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CustomerJson(String name, String phone) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CreateJson(String serviceId, String start, String staffId, CustomerJson customer, String gender,
            String channel, String notes) {
    }

    record AppointmentJson(String id, String serviceId, String start, String end, String staffId, String staffName,
            String status, MoneyJson price) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CancelJson(String reason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RescheduleJson(String start, String staffId) {
    }

    record ErrorJson(String error, String message) {
    }

    /** A response: its status and body text. */
    record Response(int status, String body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        <T> T read(Class<T> type) {
            return JSON.readValue(body, type);
        }

        /** The clinic's error code ({@code slot_taken}), if the body carries one. */
        String error() {
            try {
                ErrorJson error = JSON.readValue(body, ErrorJson.class);
                return error == null ? null : error.error();
            } catch (RuntimeException ex) {
                return null;
            }
        }
    }

    private final JdkClientHttpRequestFactory requestFactory;
    private final Map<String, RestClient> clients = new ConcurrentHashMap<>();

    ClinicApiClient(ClinicApiProperties properties) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.requestFactory = new JdkClientHttpRequestFactory(http);
        this.requestFactory.setReadTimeout(properties.readTimeout());
    }

    /** {@code GET <base>/<segments...>?<query>}. */
    Response get(BookingTenant tenant, List<String> segments, Consumer<UriComponentsBuilder> query) {
        return send(tenant, HttpMethod.GET, uri(tenant, segments, query), null, null);
    }

    /** {@code POST <base>/<segments...>} with a JSON body, and the idempotency key when given. */
    Response post(BookingTenant tenant, List<String> segments, Object body, String idempotencyKey) {
        return send(tenant, HttpMethod.POST, uri(tenant, segments, q -> {
        }), body, idempotencyKey);
    }

    private Response send(BookingTenant tenant, HttpMethod method, URI uri, Object body, String idempotencyKey) {
        RestClient.RequestBodySpec request = client(tenant.apiBaseUrl()).method(method)
                .uri(uri)
                .accept(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    if (tenant.apiToken() != null && !tenant.apiToken().isBlank()) {
                        headers.setBearerAuth(tenant.apiToken());
                    }
                    if (idempotencyKey != null) {
                        headers.set("Idempotency-Key", idempotencyKey);
                    }
                });
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsString(body));
        }
        return request.exchange((req, res) -> new Response(res.getStatusCode().value(), read(res.getBody())), true);
    }

    private RestClient client(String baseUrl) {
        return clients.computeIfAbsent(baseUrl, url -> RestClient.builder()
                .requestFactory(requestFactory)
                .defaultHeader(HttpHeaders.USER_AGENT, "zorah-booking")
                .build());
    }

    private static URI uri(BookingTenant tenant, List<String> segments, Consumer<UriComponentsBuilder> query) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromUriString(tenant.apiBaseUrl())
                .pathSegment(segments.toArray(String[]::new));
        query.accept(builder);
        return builder.encode().build().toUri();
    }

    private static String read(InputStream body) throws IOException {
        if (body == null) {
            return "";
        }
        return new String(body.readNBytes(MAX_BODY), StandardCharsets.UTF_8);
    }
}
