package com.zorahai.invoicing.internal;

import com.zorahai.tenancy.Tenant;

/**
 * The tenant's banking details as printed on an invoice, copied at issue so a later change of the tenant's bank
 * account does not change invoices already sent.
 */
public record BankingDetails(String bankName, String accountName, String accountNumber, String branchCode,
        String swift, String iban) {

    /** The tenant's banking details; null when it has none. */
    static BankingDetails of(Tenant.Banking banking) {
        if (banking == null) {
            return null;
        }
        BankingDetails details = new BankingDetails(blankToNull(banking.bankName()),
                blankToNull(banking.accountName()), blankToNull(banking.accountNumber()),
                blankToNull(banking.branchCode()), blankToNull(banking.swift()), blankToNull(banking.iban()));
        return details.isEmpty() ? null : details;
    }

    boolean isEmpty() {
        return bankName == null && accountName == null && accountNumber == null && branchCode == null
                && swift == null && iban == null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
