package com.zorahai.analytics.internal;

import com.zorahai.invoicing.InvoiceIssued;
import com.zorahai.invoicing.InvoicePaid;
import com.zorahai.invoicing.InvoiceVoided;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Invoices issued, paid and voided; a payment carries the quote its invoice was issued from. */
@Component
class InvoicingListener {

    private final AnalyticsRecorder recorder;

    InvoicingListener(AnalyticsRecorder recorder) {
        this.recorder = recorder;
    }

    @ApplicationModuleListener
    void on(InvoiceIssued event) {
        recorder.record(event.tenantId(), EventTypes.INVOICE_ISSUED, event.invoiceId().toString(),
                "invoice-issued:" + event.invoiceId(), Properties.of().with("number", event.number())
                        .with("client_id", event.clientId() == null ? null : event.clientId().toString())
                        .with("quote_id", event.quoteId() == null ? null : event.quoteId().toString())
                        .money("total", event.total()).map(),
                event.issuedAt());
    }

    @ApplicationModuleListener
    void on(InvoicePaid event) {
        String invoice = event.invoiceId().toString();
        Object quote = recorder.property(event.tenantId(), EventTypes.INVOICE_ISSUED, invoice, "quote_id")
                .orElse(null);
        recorder.record(event.tenantId(), EventTypes.INVOICE_PAID, invoice, "invoice-paid:" + invoice,
                Properties.of().with("number", event.number())
                        .with("client_id", event.clientId() == null ? null : event.clientId().toString())
                        .with("quote_id", quote).money("total", event.total()).map(),
                event.paidAt());
    }

    @ApplicationModuleListener
    void on(InvoiceVoided event) {
        recorder.record(event.tenantId(), EventTypes.INVOICE_VOIDED, event.invoiceId().toString(),
                "invoice-voided:" + event.invoiceId(), Properties.of().with("number", event.number())
                        .with("client_id", event.clientId() == null ? null : event.clientId().toString()).map(),
                event.voidedAt());
    }
}
