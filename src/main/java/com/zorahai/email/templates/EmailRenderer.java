package com.zorahai.email.templates;

import com.zorahai.platform.ProblemException;
import com.zorahai.platform.templates.TenantTemplateEngine;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.TenantTemplates;
import com.zorahai.tenancy.Tenants;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.thymeleaf.exceptions.TemplateEngineException;

/**
 * Renders an email template with Thymeleaf. The template named {@code email/invitation} is the tenant's own when it
 * has one, else {@code classpath:templates/email/invitation.html}; a bare name such as {@code invitation} also finds
 * {@code email/invitation}. A body that is not a whole HTML document is wrapped in the {@code email/layout} template,
 * which shows the tenant's name, colour and logo. Dates in the model are written out in the tenant's time zone.
 */
@Component
public class EmailRenderer {

    private static final Logger log = LoggerFactory.getLogger(EmailRenderer.class);

    static final String LAYOUT = "email/layout";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)*");
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?");
    private static final Pattern WHOLE_DOCUMENT = Pattern.compile("<html[\\s>]", Pattern.CASE_INSENSITIVE);
    private static final String DEFAULT_COLOR = "#0f4c81";

    private final TemplateSource tenantTemplates;
    private final Tenants tenants;
    private final TenantTemplateEngine engine;
    private final Map<String, Optional<String>> defaults = new ConcurrentHashMap<>();

    @Autowired
    public EmailRenderer(TenantTemplates tenantTemplates, Tenants tenants) {
        this(tenantTemplates::find, tenants);
    }

    EmailRenderer(TemplateSource tenantTemplates, Tenants tenants) {
        this.tenantTemplates = tenantTemplates;
        this.tenants = tenants;
        this.engine = new TenantTemplateEngine();
    }

    /**
     * Renders {@code template} for the tenant.
     *
     * @throws ProblemException 400 naming {@code template} when no such template exists, 422 when it cannot be
     *         rendered
     */
    public RenderedEmail render(TenantId tenantId, String template, String subject, Map<String, Object> model) {
        if (template == null || template.length() > 200 || !NAME.matcher(template).matches()) {
            throw ProblemException.invalidField("template", "must be a template name such as email/invitation");
        }
        Optional<Tenant> tenant = tenants.find(tenantId);
        Locale locale = tenant.map(Tenant::locale).orElse(Locale.ENGLISH);
        Map<String, Object> variables = variables(tenantId, tenant, subject, model);
        String source = source(tenantId, template)
                .orElseThrow(() -> ProblemException.invalidField("template", "no template named " + template));
        String html = process(template, source, locale, variables);
        if (!WHOLE_DOCUMENT.matcher(html).find()) {
            Optional<String> layout = source(tenantId, LAYOUT);
            if (layout.isPresent()) {
                variables.put("content", html);
                html = process(LAYOUT, layout.get(), locale, variables);
            }
        }
        return new RenderedEmail(html, HtmlText.of(html));
    }

    private String process(String name, String source, Locale locale, Map<String, Object> variables) {
        try {
            return engine.render(source, locale, variables);
        } catch (TemplateEngineException e) {
            log.warn("Email template {} could not be rendered: {}", name, e.getClass().getSimpleName());
            throw ProblemException.of(HttpStatus.UNPROCESSABLE_CONTENT, "email-template-invalid",
                    "Email template invalid", "The email template " + name + " could not be rendered.")
                    .with("template", name);
        }
    }

    private Optional<String> source(TenantId tenant, String name) {
        List<String> candidates = name.contains("/") ? List.of(name) : List.of(name, "email/" + name);
        for (String candidate : candidates) {
            Optional<String> found = tenantTemplates.find(tenant, candidate).or(() -> shipped(candidate));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The default shipped in the jar; the tenant registry knows these too, the email module keeps its own. */
    private Optional<String> shipped(String name) {
        return defaults.computeIfAbsent(name, n -> {
            ClassPathResource resource = new ClassPathResource("templates/" + n + ".html");
            if (!resource.exists()) {
                return Optional.empty();
            }
            try (var in = resource.getInputStream()) {
                return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static Map<String, Object> variables(TenantId tenantId, Optional<Tenant> tenant, String subject,
            Map<String, Object> model) {
        ZoneId zone = tenant.map(Tenant::timezone).orElse(ZoneOffset.UTC);
        Locale locale = tenant.map(Tenant::locale).orElse(Locale.ENGLISH);
        Map<String, Object> variables = new HashMap<>();
        variables.put("tenantName", tenant.map(Tenant::name).filter(n -> !n.isBlank()).orElse(tenantId.value()));
        Optional<Tenant.Branding> branding = tenant.map(Tenant::branding);
        variables.put("brandColor", branding.map(Tenant.Branding::primaryColor)
                .filter(c -> COLOR.matcher(c).matches())
                .orElse(DEFAULT_COLOR));
        variables.put("logoUrl", branding.map(Tenant.Branding::logoUrl)
                .filter(u -> u.startsWith("https://"))
                .orElse(null));
        variables.put("subject", subject);
        if (model != null) {
            model.forEach((key, value) -> {
                if (key != null) {
                    variables.put(key, readable(value, zone, locale));
                }
            });
        }
        return variables;
    }

    /** Dates and times as people read them, in the tenant's zone; everything else as it is. */
    static Object readable(Object value, ZoneId zone, Locale locale) {
        DateTimeFormatter dateTime = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm z", locale);
        return switch (value) {
            case Instant instant -> dateTime.format(instant.atZone(zone));
            case OffsetDateTime time -> dateTime.format(time.atZoneSameInstant(zone));
            case ZonedDateTime time -> dateTime.format(time.withZoneSameInstant(zone));
            case LocalDateTime time -> DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", locale).format(time);
            case LocalDate date -> DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(date);
            case null, default -> value;
        };
    }
}
