package com.zorahai.identity.internal;

import com.zorahai.platform.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The security filter chains: metrics behind their own token; public health, docs, webhooks (each webhook
 * authenticates itself) and the sign-in endpoints; a verified bearer token of an active account for everything
 * else, acting for one of the account's tenants.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String[] PUBLIC_PATHS = {"/health", "/health/**", "/v3/api-docs", "/v3/api-docs/**",
            "/swagger-ui.html", "/swagger-ui/**", "/webhooks/**", "/webhook/**", "/public/**", "/error"};

    /** Under {@code /webhooks/**} but for signed-in owners and admins, not for providers. */
    static final String[] ADMIN_WEBHOOK_PATHS = {"/webhooks/email/debug"};

    /** API endpoints anyone may call: they take a password or a token sent by email instead of a bearer token. */
    static final Set<String> PUBLIC_API = Set.of("/api/v1/auth/login", "/api/v1/auth/refresh",
            "/api/v1/auth/password-reset", "/api/v1/auth/password-reset/confirm", "/api/v1/auth/register",
            "/api/v1/auth/verify-email", "/api/v1/invitations/accept");

    static boolean isPublicApi(String path) {
        return PUBLIC_API.contains(path);
    }

    @Bean
    @Order(1)
    SecurityFilterChain metricsChain(HttpSecurity http, SecurityProperties properties, ProblemWriter problems)
            throws Exception {
        http.securityMatcher("/actuator/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new MetricsTokenFilter(properties.metricsToken(), problems),
                        AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.requestMatchers("/actuator/prometheus")
                        .hasAuthority(MetricsTokenFilter.AUTHORITY)
                        .anyRequest()
                        .denyAll())
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> problems.write(response,
                        HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", "A metrics token is required."))
                        .accessDeniedHandler((request, response, ex) -> problems.write(response, HttpStatus.FORBIDDEN,
                                "forbidden", "Forbidden", "You are not allowed to do this.")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http, JwtDecoder decoder, IdentityProvider provider,
            AccountDirectory directory, ProblemWriter problems) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .cors(Customizer.withDefaults())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.requestMatchers(ADMIN_WEBHOOK_PATHS)
                        .hasAnyRole("OWNER", "ADMIN")
                        .requestMatchers(PUBLIC_PATHS)
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, PUBLIC_API.toArray(String[]::new))
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/auth/verify-email")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.decoder(decoder)
                                .jwtAuthenticationConverter(new AccountAuthenticationConverter(provider, directory)))
                        .authenticationEntryPoint((request, response, ex) -> problems.write(response,
                                HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                                "A valid bearer token is required."))
                        .accessDeniedHandler((request, response, ex) -> problems.write(response, HttpStatus.FORBIDDEN,
                                "forbidden", "Forbidden", "You are not allowed to do this.")))
                .addFilterAfter(new TenantSelectionFilter(problems), BearerTokenAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> problems.write(response,
                        HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                        "A valid bearer token is required."))
                        .accessDeniedHandler((request, response, ex) -> problems.write(response, HttpStatus.FORBIDDEN,
                                "forbidden", "Forbidden", "You are not allowed to do this.")))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .headers(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(SecurityProperties properties) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        List<String> origins = Arrays.stream(properties.corsOrigins().split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
        if (!origins.isEmpty()) {
            CorsConfiguration config = new CorsConfiguration();
            config.setAllowedOrigins(origins);
            config.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
            config.setAllowedHeaders(List.of("Authorization", "Content-Type", "X-Tenant-ID", "X-Request-ID",
                    "Idempotency-Key"));
            config.setExposedHeaders(List.of("X-Request-ID", "Retry-After", "Location", "Server-Timing"));
            config.setMaxAge(3600L);
            source.registerCorsConfiguration("/**", config);
        }
        return source;
    }

    /** Lets Prometheus in with a bearer token compared in constant time; nobody gets in while none is set. */
    static final class MetricsTokenFilter extends OncePerRequestFilter {

        static final String AUTHORITY = "METRICS_READ";
        private final byte[] token;
        private final ProblemWriter problems;

        MetricsTokenFilter(String token, ProblemWriter problems) {
            this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
            this.problems = problems;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (token != null && header != null && header.startsWith("Bearer ")) {
                byte[] presented = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
                if (!MessageDigest.isEqual(token, presented)) {
                    problems.write(response, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                            "The metrics token is not valid.");
                    return;
                }
                var auth = new PreAuthenticatedAuthenticationToken("prometheus", null,
                        List.of(new SimpleGrantedAuthority(AUTHORITY)));
                SecurityContextHolder.getContext().setAuthentication(auth);
            }
            chain.doFilter(request, response);
        }
    }
}
