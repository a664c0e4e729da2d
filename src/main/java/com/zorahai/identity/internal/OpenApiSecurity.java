package com.zorahai.identity.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Declares the bearer token in the OpenAPI document, so Swagger UI's "Authorize" button sends it.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiSecurity {

    static final String SCHEME = "bearer-jwt";

    @Bean
    OpenApiCustomizer bearerTokenCustomizer() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents()
                    .addSecuritySchemes(SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                            .scheme("bearer")
                            .bearerFormat("JWT")
                            .description("An access token from POST /api/v1/auth/login. Add the X-Tenant-ID "
                                    + "header to act for another of your tenants."));
            openApi.addSecurityItem(new SecurityRequirement().addList(SCHEME));
        };
    }
}
