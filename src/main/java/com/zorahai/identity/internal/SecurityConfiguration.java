package com.zorahai.identity.internal;

import com.zorahai.identity.AuthenticatedUser;
import com.zorahai.identity.Role;
import com.zorahai.platform.web.ProblemWriter;
import com.zorahai.tenancy.TenantId;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The security filter chains: metrics behind their own token, public health, docs and webhooks (each webhook
 * authenticates itself), and a verified bearer JWT for everything else.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String[] PUBLIC_PATHS = {"/health", "/health/**", "/v3/api-docs", "/v3/api-docs/**",
            "/swagger-ui.html", "/swagger-ui/**", "/webhooks/**", "/webhook/**", "/public/**", "/error"};

    @Bean
    @Order(1)
    SecurityFilterChain metricsChain(HttpSecurity http, SecurityProperties properties, ProblemWriter problems)
            throws Exception {
        http.securityMatcher("/actuator/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new MetricsTokenFilter(properties.metricsToken(), problems),
                        org.springframework.security.web.authentication.AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.requestMatchers("/actuator/prometheus")
                        .hasAuthority(MetricsTokenFilter.AUTHORITY)
                        .anyRequest()
                        .denyAll())
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> problems.write(response,
                        HttpStatus.UNAUTHORIZED,
                        "unauthorized",
                        "Unauthorized",
                        "A metrics token is required."))
                        .accessDeniedHandler((request, response, ex) -> problems.write(response, HttpStatus.FORBIDDEN,
                                "forbidden", "Forbidden",
                                "You are not allowed to do this.")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http, JwtDecoder decoder, ProblemWriter problems) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .cors(Customizer.withDefaults())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.requestMatchers(PUBLIC_PATHS)
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(new UserAuthenticationConverter()))
                        .authenticationEntryPoint((request, response, ex) -> problems.write(response,
                                HttpStatus.UNAUTHORIZED,
                                "unauthorized",
                                "Unauthorized",
                                "A valid bearer token is required."))
                        .accessDeniedHandler((request, response, ex) -> problems.write(response, HttpStatus.FORBIDDEN,
                                "forbidden", "Forbidden",
                                "You are not allowed to do this.")))
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> problems.write(response,
                        HttpStatus.UNAUTHORIZED,
                        "unauthorized",
                        "Unauthorized",
                        "A valid bearer token is required.")))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .headers(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    JwtDecoder jwtDecoder(SigningKey key, SecurityProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key.key()).macAlgorithm(MacAlgorithm.HS256).build();
        OAuth2TokenValidator<Jwt> subject = jwt -> jwt.getSubject() == null
                ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token has no subject",
                        null))
                : OAuth2TokenValidatorResult.success();
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(subject));
        return decoder;
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
            config.setExposedHeaders(List.of("X-Request-ID", "Retry-After", "Location"));
            config.setMaxAge(3600L);
            source.registerCorsConfiguration("/**", config);
        }
        return source;
    }

    /** Maps a verified token to the user, tenant and role it speaks for. */
    static final class UserAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

        @Override
        public AbstractAuthenticationToken convert(Jwt jwt) {
            String tenant = jwt.getClaimAsString("tenant_id");
            String roleClaim = jwt.getClaimAsString("role");
            Role role = roleClaim == null ? Role.AGENT : Role.parse(roleClaim);
            AuthenticatedUser user = new AuthenticatedUser(UUID.nameUUIDFromBytes(jwt.getSubject()
                    .getBytes(StandardCharsets.UTF_8)), jwt.getClaimAsString("email"),
                    tenant == null || !TenantId.isValid(tenant) ? null : TenantId.of(tenant), role);
            var token = new PreAuthenticatedAuthenticationToken(user, jwt,
                    List.of(new SimpleGrantedAuthority(role.authority())));
            token.setAuthenticated(true);
            return token;
        }
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
                org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(auth);
            }
            chain.doFilter(request, response);
        }
    }
}
