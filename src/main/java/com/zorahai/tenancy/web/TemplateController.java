package com.zorahai.tenancy.web;

import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.TenantTemplates;
import com.zorahai.tenancy.TenantTemplates.Template;
import com.zorahai.tenancy.TenantTemplates.TemplateSummary;
import com.zorahai.tenancy.Tenants;
import com.zorahai.tenancy.internal.Problems;
import com.zorahai.tenancy.internal.TenancyProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's HTML templates: its own versions over the shipped defaults. Names may contain {@code /}, e.g.
 * {@code /api/v1/tenant/templates/email/layout}. A template is returned inside JSON, never served as HTML.
 */
@PreAuthorize("hasAnyRole('OWNER','ADMIN','CONSULTANT','AGENT')")
@RestController
@RequestMapping("/api/v1/tenant/templates")
class TemplateController {

    private final Tenants tenants;
    private final TenantTemplates templates;
    private final long maxBytes;

    TemplateController(Tenants tenants, TenantTemplates templates,
            TenancyProperties properties) {
        this.tenants = tenants;
        this.templates = templates;
        this.maxBytes = properties.templateMaxSize().toBytes();
    }

    @GetMapping
    List<SummaryView> list() {
        return templates.list(tenant()).stream().map(SummaryView::of).toList();
    }

    @GetMapping("/{*name}")
    TemplateView get(@PathVariable String name) {
        String templateName = strip(name);
        return templates.get(tenant(), templateName)
                .map(TemplateView::of)
                .orElseThrow(() -> notFound(templateName));
    }

    /** The body is the template itself ({@code text/html} or {@code text/plain}, UTF-8). */
    @PutMapping(path = "/{*name}", consumes = {"text/html", "text/plain"})
    @PreAuthorize("hasAnyRole('OWNER','ADMIN')")
    TemplateView put(@PathVariable String name, HttpServletRequest request) throws IOException {
        TenantId tenant = tenant();
        String templateName = strip(name);
        // refuse a bad name before reading the body
        TenantTemplates.requireValidName(templateName);
        return TemplateView.of(templates.save(tenant, templateName, readBody(request)));
    }

    @DeleteMapping("/{*name}")
    @PreAuthorize("hasAnyRole('OWNER','ADMIN')")
    ResponseEntity<Void> delete(@PathVariable String name) {
        String templateName = strip(name);
        if (!templates.delete(tenant(), templateName)) {
            throw notFound(templateName);
        }
        return ResponseEntity.noContent().build();
    }

    private TenantId tenant() {
        return tenants.current().id();
    }

    private String readBody(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBytes) {
            throw tooLarge();
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 1, maxBytes + 1));
        }
        if (body.length > maxBytes) {
            throw tooLarge();
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException ex) {
            throw ProblemException.invalidField("content", "must be UTF-8 text");
        }
    }

    private ProblemException tooLarge() {
        return Problems.tooLarge("A template", maxBytes);
    }

    private static String strip(String captured) {
        return captured.startsWith("/") ? captured.substring(1) : captured;
    }

    private static ProblemException notFound(String name) {
        return ProblemException.of(HttpStatus.NOT_FOUND, "template-not-found", "Template not found",
                "No template named " + name + ".");
    }

    record TemplateView(String name, String source, String content, Instant updatedAt) {

        static TemplateView of(Template template) {
            return new TemplateView(template.name(), template.source().name().toLowerCase(Locale.ROOT),
                    template.content(), template.updatedAt());
        }
    }

    record SummaryView(String name, boolean customized, boolean hasDefault, Instant updatedAt) {

        static SummaryView of(TemplateSummary summary) {
            return new SummaryView(summary.name(), summary.customized(), summary.hasDefault(),
                    summary.updatedAt());
        }
    }
}
