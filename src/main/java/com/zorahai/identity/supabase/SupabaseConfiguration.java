package com.zorahai.identity.supabase;

import com.zorahai.identity.internal.AccountDirectory;
import com.zorahai.identity.internal.IdentityModes;
import com.zorahai.identity.internal.Passwords;
import com.zorahai.identity.internal.SecurityProperties;
import com.zorahai.identity.internal.Users;
import java.net.http.HttpClient;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.web.client.RestClient;

/**
 * Wires Supabase Auth as the identity provider when {@code SUPABASE_URL} is set; tokens the app signed itself are
 * then no longer accepted (one provider at a time).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression(IdentityModes.SUPABASE)
class SupabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SupabaseConfiguration.class);

    @Bean
    RestClient supabaseAuthRestClient(RestClient.Builder builder, SupabaseProperties properties) {
        if (properties.anonKey().isBlank()) {
            throw new IllegalStateException("zorah.identity.supabase.anon-key (SUPABASE_ANON_KEY) must be set when "
                    + "SUPABASE_URL is");
        }
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(properties.readTimeout());
        log.info("Identity: Supabase Auth at {}", properties.baseUrl());
        return builder.clone()
                .baseUrl(properties.issuer())
                .requestFactory(factory)
                .defaultHeader("apikey", properties.anonKey())
                .build();
    }

    @Bean
    GoTrueClient goTrueClient(RestClient supabaseAuthRestClient, SupabaseProperties properties) {
        if (properties.serviceKey().isBlank()) {
            log.warn("SUPABASE_SERVICE_KEY is not set: accepting invitations and registering will fail");
        }
        return new GoTrueClient(supabaseAuthRestClient, properties.serviceKey());
    }

    @Bean
    SupabaseJwks supabaseJwks(RestClient supabaseAuthRestClient, SupabaseProperties properties) {
        return new SupabaseJwks(supabaseAuthRestClient, properties.jwksCacheTtl(),
                properties.jwksMinRefetchInterval(), Clock.systemUTC());
    }

    @Bean
    JwtDecoder supabaseJwtDecoder(SupabaseJwks jwks, SupabaseProperties properties, SecurityProperties security) {
        return new SupabaseJwtDecoder(jwks, properties.jwtSecret(), properties.issuer(), security.clockSkew());
    }

    @Bean
    SupabaseIdentityProvider supabaseIdentityProvider(GoTrueClient goTrue, Users users, AccountDirectory directory,
            Passwords passwords, @Value("${zorah.base-url}") String baseUrl) {
        return new SupabaseIdentityProvider(goTrue, users, directory, passwords, baseUrl);
    }
}
