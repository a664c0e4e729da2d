package com.zorahai.documents.web;

import com.zorahai.documents.internal.DocumentRenderer;
import com.zorahai.documents.internal.DocumentsProperties;
import com.zorahai.platform.ProblemException;
import com.zorahai.platform.templates.TenantTemplateEngine;
import com.zorahai.tenancy.CurrentTenant;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.TenantTemplates;
import com.zorahai.tenancy.Tenants;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Previews of document templates for owners and admins editing them: the tenant's template (or the unsaved source
 * sent along) rendered as PDF with a made-up quote and invoice in the tenant's currency.
 */
@RestController
@RequestMapping("/api/v1/documents")
class DocumentPreviewController {

    private final DocumentRenderer renderer;
    private final DocumentsProperties properties;
    private final Tenants tenants;
    private final CurrentTenant currentTenant;

    DocumentPreviewController(DocumentRenderer renderer, DocumentsProperties properties, Tenants tenants,
            CurrentTenant currentTenant) {
        this.renderer = renderer;
        this.properties = properties;
        this.tenants = tenants;
        this.currentTenant = currentTenant;
    }

    /**
     * A template to preview.
     *
     * @param template the template's name, e.g. {@code documents/invoice}
     * @param html unsaved template source to render instead of the stored one; optional
     */
    record PreviewRequest(@NotBlank String template, String html) {
    }

    /**
     * The PDF of the template with sample data. 400 naming {@code template} when no such template exists (and no
     * {@code html} is sent) or naming {@code html} when the source is empty or reaches beyond its variables, 413 above
     * {@code zorah.documents.max-template-size}, 422 {@code document-template-invalid} when it cannot be rendered.
     */
    @PostMapping(path = "/preview", produces = {MediaType.APPLICATION_PDF_VALUE, MediaType.APPLICATION_JSON_VALUE})
    @PreAuthorize("hasAnyRole('OWNER','ADMIN')")
    public ResponseEntity<byte[]> preview(@Valid @RequestBody PreviewRequest request) {
        TenantId tenantId = currentTenant.require();
        String template = request.template().trim();
        if (!TenantTemplates.isValidName(template)) {
            throw ProblemException.invalidField("template", "must be a template name such as documents/invoice");
        }
        Tenant tenant = tenants.get(tenantId);
        LocalDate today = LocalDate.now(tenant.timezone());
        Map<String, Object> model = Map.of("quote", SampleDocuments.quote(tenant.currency(), today), "invoice",
                SampleDocuments.invoice(tenant.currency(), today));
        byte[] pdf;
        if (request.html() != null) {
            pdf = renderer.render(tenantId, template, checked(request.html()), model);
        } else {
            if (!renderer.exists(tenantId, template)) {
                throw ProblemException.invalidField("template", "no template named " + template);
            }
            pdf = renderer.render(tenantId, template, model);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(template.substring(template.lastIndexOf('/') + 1) + "-preview.pdf")
                        .build()
                        .toString())
                .body(pdf);
    }

    private String checked(String html) {
        if (html.isBlank()) {
            throw ProblemException.invalidField("html", "is empty");
        }
        long max = properties.maxTemplateSize().toBytes();
        if (html.getBytes(StandardCharsets.UTF_8).length > max) {
            throw ProblemException.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
                    "A template may be at most " + max / 1024 + " KB.").with("max_bytes", max);
        }
        TenantTemplateEngine.unsafeExpression(html).ifPresent(found -> {
            throw ProblemException.invalidField("html",
                    "expressions may only read the template's variables (found '" + found + "')");
        });
        return html;
    }
}
