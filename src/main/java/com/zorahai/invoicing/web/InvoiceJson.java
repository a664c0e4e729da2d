package com.zorahai.invoicing.web;

import com.zorahai.invoicing.internal.BankingDetails;
import com.zorahai.invoicing.internal.Invoice;
import com.zorahai.invoicing.internal.InvoiceLine;
import com.zorahai.invoicing.internal.Payment;
import com.zorahai.invoicing.internal.ResultPage;
import com.zorahai.invoicing.internal.Traveler;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The JSON shapes of the invoices API (snake_case on the wire). Amounts are decimals in the invoice's
 * {@code currency}, at its scale.
 */
final class InvoiceJson {

    private InvoiceJson() {
    }

    record FromQuoteRequest(String quoteId) {
    }

    record VoidRequest(String reason) {
    }

    record SendRequest(String to) {
    }

    /**
     * An invoice in full.
     *
     * @param overdue issued or partially paid and past the due date, today in the tenant's time zone
     * @param banking the tenant's banking details as they were at issue; null for a draft
     */
    record InvoiceResponse(String id, String number, String status, boolean overdue, String clientId,
            String quoteId, Integer quoteRevision, String currency, Integer paymentTermsDays, LocalDate issueDate,
            LocalDate dueDate, List<LineResponse> lines, BigDecimal subtotal, BigDecimal tax, BigDecimal total,
            BigDecimal amountPaid, BigDecimal balance, String paymentReference, BankingDetails banking, String notes,
            String voidReason, Instant issuedAt, Instant paidAt, Instant voidedAt, UUID createdBy,
            Instant createdAt, Instant updatedAt) {

        static InvoiceResponse of(Invoice invoice, LocalDate today) {
            return new InvoiceResponse(invoice.id().toString(), invoice.number(), invoice.status().value(),
                    invoice.isOverdueOn(today), invoice.clientId().toString(),
                    invoice.quoteId() == null ? null : invoice.quoteId().toString(), invoice.quoteRevision(),
                    invoice.currency().getCurrencyCode(), invoice.paymentTermsDays(), invoice.issueDate(),
                    invoice.dueDate(), invoice.lines().stream().map(LineResponse::of).toList(),
                    invoice.subtotal().amount(), invoice.tax().amount(), invoice.total().amount(),
                    invoice.amountPaid().amount(), invoice.balance().amount(), invoice.paymentReference(),
                    invoice.banking(), invoice.notes(), invoice.voidReason(), invoice.issuedAt(), invoice.paidAt(),
                    invoice.voidedAt(), invoice.createdBy(), invoice.createdAt(), invoice.updatedAt());
        }
    }

    record LineResponse(int position, String type, String description, BigDecimal quantity, BigDecimal unitPrice,
            BigDecimal taxRate, BigDecimal total) {

        static LineResponse of(InvoiceLine line) {
            return new LineResponse(line.position(), line.type(), line.description(), line.quantity(),
                    line.unitPrice(), line.taxRate(), line.total().amount());
        }
    }

    /** An invoice in a list: no lines, banking or notes. */
    record InvoiceSummary(String id, String number, String status, boolean overdue, String clientId,
            String quoteId, String currency, LocalDate issueDate, LocalDate dueDate, BigDecimal total,
            BigDecimal amountPaid, BigDecimal balance, Instant createdAt, Instant updatedAt) {

        static InvoiceSummary of(Invoice invoice, LocalDate today) {
            return new InvoiceSummary(invoice.id().toString(), invoice.number(), invoice.status().value(),
                    invoice.isOverdueOn(today), invoice.clientId().toString(),
                    invoice.quoteId() == null ? null : invoice.quoteId().toString(),
                    invoice.currency().getCurrencyCode(), invoice.issueDate(), invoice.dueDate(),
                    invoice.total().amount(), invoice.amountPaid().amount(), invoice.balance().amount(),
                    invoice.createdAt(), invoice.updatedAt());
        }
    }

    record PaymentResponse(String id, BigDecimal amount, String currency, LocalDate date, String method,
            String reference, UUID recordedBy, Instant recordedAt) {

        static PaymentResponse of(Payment payment) {
            return new PaymentResponse(payment.id().toString(), payment.amount().amount(),
                    payment.amount().currency().getCurrencyCode(), payment.date(), payment.method().value(),
                    payment.reference(), payment.recordedBy(), payment.recordedAt());
        }
    }

    /** A payment just recorded and the invoice as it is now (its status and balance). */
    record PaymentRecorded(PaymentResponse payment, InvoiceResponse invoice) {
    }

    /** A traveller as lists show it: the passport number masked ({@code ****1234}), no date of birth. */
    record TravelerSummary(String id, String fullName, String passportNumber, LocalDate passportExpiry,
            boolean erased, Instant createdAt) {

        static TravelerSummary of(Traveler traveler) {
            return new TravelerSummary(traveler.id().toString(), traveler.displayName(),
                    traveler.maskedPassportNumber(), traveler.passportExpiry(), traveler.erasedAt() != null,
                    traveler.createdAt());
        }
    }

    /** A traveller in full. */
    record TravelerResponse(String id, String invoiceId, String fullName, LocalDate dateOfBirth,
            String passportNumber, LocalDate passportExpiry, boolean erased, Instant erasedAt, Instant createdAt) {

        static TravelerResponse of(Traveler traveler) {
            return new TravelerResponse(traveler.id().toString(), traveler.invoiceId().toString(),
                    traveler.displayName(), traveler.dateOfBirth(), traveler.passportNumber(),
                    traveler.passportExpiry(), traveler.erasedAt() != null, traveler.erasedAt(),
                    traveler.createdAt());
        }
    }

    record SentResponse(String emailId, String to) {
    }

    /** One page of a list; {@code page} counts from 0, {@code total} is the number of matches in all. */
    record PageResponse<T>(List<T> items, int page, int size, long total) {

        static <T, R> PageResponse<R> of(ResultPage<T> page, Function<T, R> mapper) {
            return new PageResponse<>(page.items().stream().map(mapper).toList(), page.page(), page.size(),
                    page.total());
        }

        /** Everything on one page. */
        static <T, R> PageResponse<R> all(List<T> items, Function<T, R> mapper) {
            return new PageResponse<>(items.stream().map(mapper).toList(), 0, items.size(), items.size());
        }
    }
}
