package com.zorahai.invoicing.internal;

import com.zorahai.crm.ClientDataContributor;
import com.zorahai.crm.ClientId;
import com.zorahai.tenancy.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The {@code invoicing} section of a client's privacy export: a summary of each invoice and the invoices' travellers
 * with their passport numbers masked and no date of birth.
 */
@Component
class InvoiceDataContributor implements ClientDataContributor {

    private final InvoiceStore store;
    private final TravelerRecords travelers;

    InvoiceDataContributor(InvoiceStore store, TravelerRecords travelers) {
        this.store = store;
        this.travelers = travelers;
    }

    record Section(List<InvoiceSummary> invoices, List<TravelerSummary> travelers) {
    }

    record InvoiceSummary(UUID id, String number, String status, String currency, LocalDate issueDate,
            LocalDate dueDate, BigDecimal total, BigDecimal amountPaid, BigDecimal balance, Instant createdAt) {
    }

    record TravelerSummary(UUID id, UUID invoiceId, String fullName, String passportNumber,
            LocalDate passportExpiry, boolean erased) {
    }

    @Override
    public String section() {
        return "invoicing";
    }

    @Override
    public Object export(TenantId tenantId, ClientId clientId) {
        List<InvoiceSummary> invoices = store.forClient(tenantId, clientId).stream()
                .map(i -> new InvoiceSummary(i.id().value(), i.number(), i.status().value(),
                        i.currency().getCurrencyCode(), i.issueDate(), i.dueDate(), i.total().amount(),
                        i.amountPaid().amount(), i.balance().amount(), i.createdAt()))
                .toList();
        List<TravelerSummary> people = travelers.forClient(tenantId, clientId).stream()
                .map(t -> new TravelerSummary(t.id(), t.invoiceId().value(), t.displayName(),
                        t.maskedPassportNumber(), t.passportExpiry(), t.erasedAt() != null))
                .toList();
        return new Section(invoices, people);
    }
}
