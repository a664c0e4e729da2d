package com.zorahai.documents;

import com.zorahai.documents.internal.DocumentRenderer;
import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.TenantId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;

/**
 * Renders a tenant's HTML template (its own from {@code tenant_templates}, else the shipped default) to PDF, with the
 * tenant's branding and embedded fonts. Quotes and invoices have their own entry points that fill the model of the
 * shipped {@code documents/quote} and {@code documents/invoice} templates; {@code docs/documents.md} lists what
 * templates can read.
 */
@Service
public class Documents {

    /** The template a quote is rendered with. */
    public static final String QUOTE_TEMPLATE = "documents/quote";
    /** The template an invoice is rendered with. */
    public static final String INVOICE_TEMPLATE = "documents/invoice";

    private final DocumentRenderer renderer;

    public Documents(DocumentRenderer renderer) {
        this.renderer = renderer;
    }

    /**
     * The PDF of {@code template} (e.g. {@code documents/quote}, {@code documents/invoice}) rendered with
     * {@code model}; the model also gets {@code tenant} (name, currency, locale, time zone, banking),
     * {@code branding} (colours and the uploaded logo as a data URI) and {@code generatedAt} from the module itself,
     * which win over the caller's entries of the same names. Money, dates, numbers and records in the model reach the
     * template already written out in the tenant's locale.
     *
     * @throws ProblemException 400 naming {@code name} for an invalid template name, 404
     *         {@code document-template-not-found} when neither the tenant nor the application has the template, 422
     *         {@code document-template-invalid} (naming the template) when it cannot be rendered, 404
     *         {@code tenant-not-found} for an unknown tenant
     */
    public byte[] pdf(TenantId tenant, String template, Map<String, Object> model) {
        Objects.requireNonNull(tenant, "tenant");
        return renderer.render(tenant, template, model == null ? Map.of() : model);
    }

    /** The quote's PDF from the tenant's {@code documents/quote} template; the model holds it as {@code quote}. */
    public byte[] quotePdf(TenantId tenant, QuoteDocument quote) {
        Objects.requireNonNull(quote, "quote");
        Map<String, Object> model = new HashMap<>();
        model.put("quote", quote);
        return pdf(tenant, QUOTE_TEMPLATE, model);
    }

    /**
     * The invoice's PDF from the tenant's {@code documents/invoice} template; the model holds it as {@code invoice},
     * with the tenant's banking details when the invoice names none.
     */
    public byte[] invoicePdf(TenantId tenant, InvoiceDocument invoice) {
        Objects.requireNonNull(invoice, "invoice");
        Map<String, Object> model = new HashMap<>();
        model.put("invoice", invoice);
        return pdf(tenant, INVOICE_TEMPLATE, model);
    }
}
