package com.zorahai.invoicing.internal;

import com.zorahai.crm.ClientId;
import com.zorahai.invoicing.InvoiceId;
import com.zorahai.platform.FieldErrors;
import com.zorahai.tenancy.TenantId;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The travellers of invoices. Name, date of birth, passport number and expiry are encrypted (AES-256-GCM) before
 * they reach the database and decrypted on the way out; the API shows them in full only on the single-traveller
 * read, which the PII audit records.
 */
@Service
public class TravelerRecords {

    private static final Logger log = LoggerFactory.getLogger(TravelerRecords.class);
    static final int MAX_TRAVELERS = 100;
    static final int MAX_NAME = 200;
    private static final Pattern PASSPORT = Pattern.compile("[A-Z0-9]{5,20}");
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    private final TravelerStore store;
    private final InvoiceStore invoices;
    private final FieldCipher cipher;
    private final InvoiceRecords records;
    private final Clock clock;

    TravelerRecords(TravelerStore store, InvoiceStore invoices, FieldCipher cipher, InvoiceRecords records,
            Clock clock) {
        this.store = store;
        this.invoices = invoices;
        this.cipher = cipher;
        this.records = records;
        this.clock = clock;
    }

    /** Adds a traveller to an invoice that is not void; 400 naming every bad field. */
    @Transactional
    public Traveler add(TenantId tenant, InvoiceId invoiceId, TravelerDraft draft, UUID user) {
        Invoice invoice = invoices.lock(tenant, invoiceId).orElseThrow(() -> InvoiceProblems.notFound(invoiceId));
        if (invoice.status() == InvoiceStatus.VOID) {
            throw InvoiceProblems.isVoid(invoice);
        }
        FieldErrors errors = new FieldErrors();
        if (draft == null) {
            errors.add("body", "is required");
            errors.throwIfAny();
        }
        String name = InvoiceFields.text(draft.fullName());
        if (name == null) {
            errors.add("full_name", "is required");
        } else if (name.length() > MAX_NAME) {
            errors.add("full_name", "at most " + MAX_NAME + " characters");
        }
        LocalDate today = records.today(tenant);
        if (draft.dateOfBirth() != null
                && (draft.dateOfBirth().isAfter(today) || draft.dateOfBirth().isBefore(EARLIEST))) {
            errors.add("date_of_birth", "must be between 1900-01-01 and today");
        }
        String passport = draft.passportNumber() == null
                ? null
                : draft.passportNumber().replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (passport != null && passport.isEmpty()) {
            passport = null;
        }
        if (passport != null && !PASSPORT.matcher(passport).matches()) {
            errors.add("passport_number", "must be 5 to 20 letters and digits");
        }
        if (draft.passportExpiry() != null && draft.passportExpiry().isBefore(EARLIEST)) {
            errors.add("passport_expiry", "must be after 1900-01-01");
        }
        if (store.count(tenant, invoiceId) >= MAX_TRAVELERS) {
            errors.add("travelers", "at most " + MAX_TRAVELERS + " travellers on one invoice");
        }
        errors.throwIfAny();
        Traveler traveler = new Traveler(UUID.randomUUID(), invoiceId, name, draft.dateOfBirth(), passport,
                draft.passportExpiry(), null, clock.instant());
        store.insert(encrypt(tenant, traveler), user);
        return traveler;
    }

    /** The invoice's travellers, decrypted; 404 when the tenant has no such invoice. */
    @Transactional(readOnly = true)
    public List<Traveler> list(TenantId tenant, InvoiceId invoiceId) {
        records.get(tenant, invoiceId);
        return store.list(tenant, invoiceId).stream().map(this::decrypt).toList();
    }

    /** One traveller, decrypted; 404 when the invoice or the traveller is not the tenant's. */
    @Transactional(readOnly = true)
    public Traveler get(TenantId tenant, InvoiceId invoiceId, UUID id) {
        records.get(tenant, invoiceId);
        return store.find(tenant, invoiceId, id).map(this::decrypt)
                .orElseThrow(() -> InvoiceProblems.travelerNotFound(id));
    }

    /** Removes a traveller entered by mistake; 404 when it is not the tenant's. */
    @Transactional
    public void delete(TenantId tenant, InvoiceId invoiceId, UUID id) {
        records.get(tenant, invoiceId);
        if (!store.delete(tenant, invoiceId, id)) {
            throw InvoiceProblems.travelerNotFound(id);
        }
    }

    /** The travellers of every invoice of the client, decrypted. */
    @Transactional(readOnly = true)
    public List<Traveler> forClient(TenantId tenant, ClientId client) {
        return store.forClient(tenant, client).stream().map(this::decrypt).toList();
    }

    /** Clears the personal data of the travellers of every invoice of the client; the invoices stay. */
    @Transactional
    public int eraseForClient(TenantId tenant, ClientId client) {
        return store.eraseForClient(tenant, client);
    }

    /**
     * Re-encrypts rows written under an older key with the current one, a batch at a time; how many were
     * rewritten. Several instances may run it at once: each takes rows the others have not locked.
     */
    @Transactional
    public int reencryptBatch(int size) {
        List<TravelerStore.Row> rows = store.lockUnderOtherKey(cipher.keyId(), size);
        for (TravelerStore.Row row : rows) {
            store.rewrite(encrypt(row.tenantId(), decrypt(row)));
        }
        if (!rows.isEmpty()) {
            log.info("Re-encrypted {} travellers with the current data key", rows.size());
        }
        return rows.size();
    }

    private TravelerStore.Row encrypt(TenantId tenant, Traveler t) {
        return new TravelerStore.Row(t.id(), tenant, t.invoiceId(), cipher.keyId(),
                cipher.encrypt(t.fullName(), context(tenant, t.id(), "full_name")),
                cipher.encrypt(t.dateOfBirth() == null ? null : t.dateOfBirth().toString(),
                        context(tenant, t.id(), "date_of_birth")),
                cipher.encrypt(t.passportNumber(), context(tenant, t.id(), "passport_number")),
                cipher.encrypt(t.passportExpiry() == null ? null : t.passportExpiry().toString(),
                        context(tenant, t.id(), "passport_expiry")),
                t.erasedAt(), t.createdAt());
    }

    private Traveler decrypt(TravelerStore.Row row) {
        TenantId tenant = row.tenantId();
        String dob = cipher.decrypt(row.dateOfBirth(), row.keyId(), context(tenant, row.id(), "date_of_birth"));
        String expiry = cipher.decrypt(row.passportExpiry(), row.keyId(),
                context(tenant, row.id(), "passport_expiry"));
        return new Traveler(row.id(), row.invoiceId(),
                cipher.decrypt(row.fullName(), row.keyId(), context(tenant, row.id(), "full_name")),
                dob == null ? null : LocalDate.parse(dob),
                cipher.decrypt(row.passportNumber(), row.keyId(), context(tenant, row.id(), "passport_number")),
                expiry == null ? null : LocalDate.parse(expiry), row.erasedAt(), row.createdAt());
    }

    /** Binds a ciphertext to its tenant, row and column. */
    private static String context(TenantId tenant, UUID id, String column) {
        return "invoice_travelers|" + tenant.value() + "|" + id + "|" + column;
    }
}
