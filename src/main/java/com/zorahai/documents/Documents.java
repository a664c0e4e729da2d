package com.zorahai.documents;

import com.zorahai.tenancy.TenantId;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Renders a tenant's HTML template (its own from {@code tenant_templates}, else the shipped default) to PDF, with the
 * tenant's branding. (Signature fixed for other modules; the implementation lands with the documents module.)
 */
@Service
public class Documents {

    /**
     * The PDF of {@code template} (e.g. {@code documents/quote}, {@code documents/invoice}) rendered with
     * {@code model}; the model also gets {@code tenant} (name, currency, locale) and {@code branding} (colours and
     * logo as a data URI) from the module itself.
     */
    public byte[] pdf(TenantId tenant, String template, Map<String, Object> model) {
        throw new IllegalStateException("pending");
    }
}
