package com.zorahai.identity.supabase;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * The calls to Supabase Auth's REST API ({@code /auth/v1}). Every call carries {@code apikey}; admin calls use the
 * service key. Errors surface as Spring's {@code RestClientResponseException} / {@code ResourceAccessException}.
 */
class GoTrueClient {

    private final RestClient http;
    private final String serviceKey;

    GoTrueClient(RestClient http, String serviceKey) {
        this.http = http;
        this.serviceKey = serviceKey;
    }

    /** A Supabase Auth user, as its API returns it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record User(UUID id, String email, @JsonProperty("email_confirmed_at") String emailConfirmedAt,
            @JsonProperty("user_metadata") Map<String, Object> userMetadata) {

        String name() {
            Object name = userMetadata == null ? null : userMetadata.get("name");
            return name == null ? null : name.toString();
        }
    }

    /** A session: what the token endpoint returns. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Session(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") long expiresIn, @JsonProperty("refresh_token") String refreshToken,
            User user) {
    }

    Session passwordGrant(String email, String password) {
        return http.post()
                .uri("/token?grant_type=password")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", email, "password", password))
                .retrieve()
                .body(Session.class);
    }

    Session refreshGrant(String refreshToken) {
        return http.post()
                .uri("/token?grant_type=refresh_token")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("refresh_token", refreshToken))
                .retrieve()
                .body(Session.class);
    }

    void recover(String email, String redirectTo) {
        http.post()
                .uri(b -> b.path("/recover").queryParam("redirect_to", redirectTo).build())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", email))
                .retrieve()
                .toBodilessEntity();
    }

    /** The user a session token belongs to. */
    User user(String accessToken) {
        return http.get()
                .uri("/user")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .retrieve()
                .body(User.class);
    }

    /** Sets the password of the user a (recovery) session token belongs to. */
    void updatePassword(String accessToken, String password) {
        http.put()
                .uri("/user")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("password", password))
                .retrieve()
                .toBodilessEntity();
    }

    /** Ends the session of the token ({@code local}) or every session of its user ({@code global}). */
    void logout(String accessToken, boolean everywhere) {
        http.post()
                .uri("/logout?scope=" + (everywhere ? "global" : "local"))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .retrieve()
                .toBodilessEntity();
    }

    /** Creates a user with the service key; {@code confirmed} marks the email as proven. */
    User createUser(String email, String password, String name, boolean confirmed) {
        Map<String, Object> body = new HashMap<>();
        body.put("email", email);
        body.put("password", password);
        body.put("email_confirm", confirmed);
        body.put("user_metadata", name == null ? Map.of() : Map.of("name", name));
        return http.post()
                .uri("/admin/users")
                .headers(h -> {
                    h.set("apikey", serviceKey);
                    h.setBearerAuth(serviceKey);
                })
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(User.class);
    }
}
