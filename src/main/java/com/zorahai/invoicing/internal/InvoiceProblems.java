package com.zorahai.invoicing.internal;

import com.zorahai.invoicing.InvoiceId;
import com.zorahai.platform.Money;
import com.zorahai.platform.ProblemException;
import com.zorahai.quoting.QuoteId;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/**
 * The problems the invoicing API answers with.
 */
final class InvoiceProblems {

    private InvoiceProblems() {
    }

    /** 404 {@code invoice-not-found}: no such invoice in the tenant. */
    static ProblemException notFound(InvoiceId id) {
        return ProblemException.notFound("invoice", id);
    }

    /** 404 {@code traveler-not-found}: no such traveller on the invoice. */
    static ProblemException travelerNotFound(UUID id) {
        return ProblemException.notFound("traveler", id);
    }

    /** 409 {@code invoice-not-draft}: only a draft can be changed. */
    static ProblemException notDraft(Invoice invoice) {
        return conflict("invoice-not-draft", "Invoice not a draft", "Invoice " + label(invoice)
                + " is " + invoice.status().value() + "; only drafts can be changed.", invoice);
    }

    /** 409 {@code invoice-not-deletable}: an issued invoice is a financial record; it is voided instead. */
    static ProblemException notDeletable(Invoice invoice) {
        return conflict("invoice-not-deletable", "Invoice cannot be deleted", "Invoice " + label(invoice)
                + " is " + invoice.status().value() + "; issued invoices are never deleted, void it instead.",
                invoice);
    }

    /** 409 {@code invoice-not-payable}: payments go only on issued, not fully paid invoices. */
    static ProblemException notPayable(Invoice invoice) {
        return conflict("invoice-not-payable", "Invoice takes no payments", "Invoice " + label(invoice) + " is "
                + invoice.status().value() + "; payments are recorded on issued invoices only.", invoice);
    }

    /** 409 {@code invoice-not-voidable}: only issued or partially paid invoices can be voided. */
    static ProblemException notVoidable(Invoice invoice) {
        return conflict("invoice-not-voidable", "Invoice cannot be voided", "Invoice " + label(invoice) + " is "
                + invoice.status().value() + "; only issued or partially paid invoices can be voided"
                + (invoice.status() == InvoiceStatus.DRAFT ? " (delete a draft instead)." : "."), invoice);
    }

    /** 409 {@code invoice-not-issued}: sending needs an issued invoice (a number and dates). */
    static ProblemException notSendable(Invoice invoice) {
        return conflict("invoice-not-sendable", "Invoice cannot be sent", "Invoice " + label(invoice) + " is "
                + invoice.status().value() + "; only issued invoices are sent.", invoice);
    }

    /** 409 {@code invoice-void}: a void invoice takes no travellers. */
    static ProblemException isVoid(Invoice invoice) {
        return conflict("invoice-void", "Invoice void", "Invoice " + label(invoice) + " is void.", invoice);
    }

    /** 422 {@code invoice-has-no-lines}: an invoice without lines cannot be issued. */
    static ProblemException noLines(Invoice invoice) {
        return ProblemException.of(HttpStatus.UNPROCESSABLE_CONTENT, "invoice-has-no-lines", "Invoice has no lines",
                "Add at least one line before issuing the invoice.").with("invoice_id", invoice.id().toString());
    }

    /** 422 {@code invoice-overpayment}: the payment is more than what is still owed. */
    static ProblemException overpayment(Invoice invoice, Money amount) {
        Money balance = invoice.balance();
        return ProblemException.of(HttpStatus.UNPROCESSABLE_CONTENT, "invoice-overpayment", "Payment exceeds balance",
                "A payment of " + amount + " is more than the balance of " + balance + " of invoice "
                        + label(invoice) + ".")
                .with("invoice_id", invoice.id().toString())
                .with("balance", balance.amount())
                .with("currency", balance.currency().getCurrencyCode());
    }

    /** 422 {@code invoice-no-recipient}: the client has no email address and none was given. */
    static ProblemException noRecipient(Invoice invoice) {
        return ProblemException.of(HttpStatus.UNPROCESSABLE_CONTENT, "invoice-no-recipient", "No recipient",
                "The client of invoice " + label(invoice) + " has no email address; give one in \"to\".")
                .with("invoice_id", invoice.id().toString());
    }

    /** 404 {@code quote-not-found}: no such quote in the tenant. */
    static ProblemException quoteNotFound(QuoteId id) {
        return ProblemException.notFound("quote", id);
    }

    /** 409 {@code quote-not-accepted}: only an accepted quote becomes an invoice. */
    static ProblemException quoteNotAccepted(QuoteId id) {
        return ProblemException.of(HttpStatus.CONFLICT, "quote-not-accepted", "Quote not accepted",
                "Quote " + id + " has no accepted revision; only accepted quotes become invoices.")
                .with("quote_id", id.toString());
    }

    /** 409 {@code quote-already-invoiced}: the quote has an invoice (which is not void). */
    static ProblemException quoteAlreadyInvoiced(QuoteId id, InvoiceId invoice) {
        return ProblemException.of(HttpStatus.CONFLICT, "quote-already-invoiced", "Quote already invoiced",
                "Quote " + id + " already has invoice " + invoice + "; void it to invoice the quote again.")
                .with("quote_id", id.toString())
                .with("invoice_id", invoice.toString());
    }

    private static ProblemException conflict(String type, String title, String detail, Invoice invoice) {
        return ProblemException.of(HttpStatus.CONFLICT, type, title, detail)
                .with("invoice_id", invoice.id().toString())
                .with("status", invoice.status().value());
    }

    private static String label(Invoice invoice) {
        return invoice.number() == null ? invoice.id().toString() : invoice.number();
    }
}
