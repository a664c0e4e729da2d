package com.zorahai.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}): every operation needs a
 * bearer JWT except the public ones (health, webhooks, {@code /public}), which authenticate in their own way or not
 * at all.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER = "bearerAuth";

    private static final List<String> PUBLIC_PREFIXES = List.of("/health", "/webhooks/", "/webhook/", "/public/");

    @Bean
    OpenAPI zorahOpenApi(@Value("${zorah.base-url}") String baseUrl, ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        return new OpenAPI().info(new Info().title("Zorah platform API")
                .version(properties == null ? "unknown" : properties.getVersion())
                .description("Customer operations for travel agencies and clinics: CRM, quotes and invoices, email "
                        + "intake, helpdesk, voice and WhatsApp assistants. Tenant dashboard API under /api/v1; "
                        + "errors are RFC 9457 problem details carrying the request id."))
                .addServersItem(new Server().url(baseUrl))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme().type(
                        SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /** Public operations carry an empty security requirement, which overrides the global bearer one. */
    @Bean
    OpenApiCustomizer publicOperationsNeedNoToken() {
        return api -> {
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().forEach((path, item) -> {
                if (PUBLIC_PREFIXES.stream().anyMatch(path::startsWith)) {
                    item.readOperations().forEach(operation -> operation.setSecurity(List.of()));
                }
            });
        };
    }
}
