package com.zorahai.documents.internal;

import com.zorahai.platform.ProblemException;
import com.zorahai.platform.templates.TenantTemplateEngine;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantBrandings;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.TenantTemplates;
import com.zorahai.tenancy.Tenants;
import java.io.IOException;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.thymeleaf.exceptions.TemplateEngineException;

/**
 * Renders a tenant's document template to PDF: finds the template (the tenant's own, else the shipped default),
 * adds {@code tenant}, {@code branding} and {@code generatedAt} to the model, writes every value out for people,
 * runs Thymeleaf and lays the HTML out as PDF. Failures of the template answer 422 naming it; the details go to the
 * log, never to the caller.
 */
@Component
public class DocumentRenderer {

    private static final Logger log = LoggerFactory.getLogger(DocumentRenderer.class);

    static final String DEFAULT_PRIMARY = "#0f4c81";
    static final String DEFAULT_SECONDARY = "#e8eef5";
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?");
    private static final Map<String, String> IMAGE_TYPES = Map.of("image/png", "image/png", "image/jpeg",
            "image/jpeg");

    private final Tenants tenants;
    private final TenantTemplates templates;
    private final TenantBrandings brandings;
    private final DocumentsProperties properties;
    private final Clock clock;
    private final TenantTemplateEngine engine = new TenantTemplateEngine();
    private final PdfLayout layout;
    private final Semaphore slots;

    public DocumentRenderer(Tenants tenants, TenantTemplates templates, TenantBrandings brandings,
            DocumentsProperties properties, ObjectProvider<Clock> clock) {
        this.tenants = tenants;
        this.templates = templates;
        this.brandings = brandings;
        this.properties = properties;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.slots = new Semaphore(properties.maxConcurrentRenders(), true);
        this.layout = new PdfLayout(properties.maxConcurrentRenders());
    }

    /** Whether the tenant has a template of this name, its own or a shipped default. */
    public boolean exists(TenantId tenant, String template) {
        return templates.find(tenant, template).isPresent();
    }

    /**
     * The PDF of the tenant's template {@code template} with {@code model}.
     *
     * @throws ProblemException 400 naming {@code template} for an invalid name, 404
     *         {@code document-template-not-found} when there is no such template, 422 {@code document-template-invalid}
     *         when it cannot be rendered
     */
    public byte[] render(TenantId tenant, String template, Map<String, ?> model) {
        TenantTemplates.requireValidName(template);
        String source = templates.find(tenant, template)
                .orElseThrow(() -> DocumentProblems.templateNotFound(template));
        return render(tenant, template, source, model);
    }

    /**
     * The PDF of {@code source}, a template's text, with {@code model}; {@code template} names it in errors.
     *
     * @throws ProblemException 422 {@code document-template-invalid} when it cannot be rendered
     */
    public byte[] render(TenantId tenant, String template, String source, Map<String, ?> model) {
        Optional<String> unsafe = TenantTemplateEngine.unsafeExpression(source);
        if (unsafe.isPresent()) {
            throw DocumentProblems.templateInvalid(template,
                    "expressions may only read the template's variables (found '" + unsafe.get() + "')");
        }
        Tenant config = tenants.get(tenant);
        TemplateValues values = new TemplateValues(config.locale(), config.timezone());
        Map<String, Object> variables = values.model(model);
        variables.put("tenant", tenantView(config, values));
        variables.put("branding", branding(config));
        variables.put("generatedAt", values.convert(clock.instant()));
        String html = html(template, source, config.locale(), variables);
        return pdf(template, html);
    }

    private String html(String template, String source, Locale locale, Map<String, Object> variables) {
        BoundedWriter out = new BoundedWriter(properties.maxHtmlSize().toBytes());
        try {
            engine.render(source, locale, variables, out);
            return out.toString();
        } catch (TemplateEngineException ex) {
            if (causedByLimit(ex)) {
                throw DocumentProblems.tooLarge(template, properties.maxHtmlSize().toBytes());
            }
            log.warn("Document template {} could not be rendered: {}", template, ex.getClass().getSimpleName());
            throw DocumentProblems.templateInvalid(template, "an expression or the markup is wrong");
        } catch (BoundedWriter.LimitExceeded ex) {
            throw DocumentProblems.tooLarge(template, properties.maxHtmlSize().toBytes());
        }
    }

    private byte[] pdf(String template, String html) {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(properties.renderWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw DocumentProblems.busy();
        }
        if (!acquired) {
            throw DocumentProblems.busy();
        }
        try {
            return layout.pdf(html);
        } catch (IOException | RuntimeException ex) {
            log.warn("Document template {} could not be laid out as PDF: {}", template, ex.getClass().getSimpleName());
            throw DocumentProblems.templateInvalid(template, "its HTML could not be laid out as PDF");
        } finally {
            slots.release();
        }
    }

    private static boolean causedByLimit(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof BoundedWriter.LimitExceeded) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Object> tenantView(Tenant tenant, TemplateValues values) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", tenant.id().value());
        view.put("name", tenant.name() == null || tenant.name().isBlank() ? tenant.id().value() : tenant.name());
        view.put("currency", tenant.currency().getCurrencyCode());
        view.put("locale", tenant.locale().toLanguageTag());
        view.put("timezone", tenant.timezone().getId());
        view.put("banking", values.convert(tenant.banking()));
        view.put("email", tenant.email() == null
                ? null
                : tenant.email().replyTo() != null
                        ? tenant.email().replyTo()
                        : tenant.email().fromAddress());
        return view;
    }

    private Map<String, Object> branding(Tenant tenant) {
        Tenant.Branding branding = tenant.branding();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("primaryColor", color(branding == null ? null : branding.primaryColor(), DEFAULT_PRIMARY));
        view.put("secondaryColor", color(branding == null ? null : branding.secondaryColor(), DEFAULT_SECONDARY));
        view.put("logo", logo(tenant.id()));
        return view;
    }

    private static String color(String value, String fallback) {
        return value != null && COLOR.matcher(value).matches() ? value : fallback;
    }

    /** The uploaded logo as a data URI; SVG logos are left out (the PDF layout draws raster images only). */
    private String logo(TenantId tenant) {
        try {
            return brandings.logo(tenant)
                    .filter(logo -> IMAGE_TYPES.containsKey(logo.contentType()))
                    .map(logo -> "data:" + IMAGE_TYPES.get(logo.contentType()) + ";base64,"
                            + Base64.getEncoder().encodeToString(logo.content()))
                    .orElse(null);
        } catch (RuntimeException ex) {
            // a document without its logo beats no document
            log.warn("The logo of tenant {} could not be read: {}", tenant, ex.getClass().getSimpleName());
            return null;
        }
    }
}
