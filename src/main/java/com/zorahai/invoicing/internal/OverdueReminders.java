package com.zorahai.invoicing.internal;

import com.zorahai.crm.ClientView;
import com.zorahai.crm.Clients;
import com.zorahai.email.Emails;
import com.zorahai.email.OutboundEmail;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.Tenants;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds open invoices past their due date (in each tenant's time zone) and queues a reminder email to the client
 * through the outbox for each step of {@code zorah.invoicing.reminders.days} reached. A step is sent once: its
 * {@code invoice_reminders} row commits with the email. When steps were missed (the job did not run), only the
 * latest step reached goes out. Invoices are overdue by their dates alone: the API derives {@code overdue} the
 * same way.
 */
@Component
class OverdueReminders {

    private static final Logger log = LoggerFactory.getLogger(OverdueReminders.class);
    static final int BATCH = 200;

    private final InvoiceStore store;
    private final InvoiceDocuments documents;
    private final Clients clients;
    private final Tenants tenants;
    private final Emails emails;
    private final TransactionTemplate transactions;
    private final List<Integer> steps;

    OverdueReminders(InvoiceStore store, InvoiceDocuments documents, Clients clients, Tenants tenants, Emails emails,
            TransactionTemplate transactions, InvoicingProperties properties) {
        this.store = store;
        this.documents = documents;
        this.clients = clients;
        this.tenants = tenants;
        this.emails = emails;
        this.transactions = transactions;
        this.steps = properties.reminders().days();
    }

    /** Queues the reminders due at the clock's instant; how many were queued. */
    int run(Clock clock) {
        Instant now = clock.instant();
        // no time zone is a day ahead of UTC, so nothing overdue anywhere is due on or after this day
        LocalDate horizon = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1);
        int queued = 0;
        LocalDate afterDue = null;
        UUID afterId = null;
        List<Invoice> batch;
        do {
            batch = store.openDueBefore(horizon, afterDue, afterId, BATCH);
            for (Invoice invoice : batch) {
                try {
                    if (remind(invoice, now)) {
                        queued++;
                    }
                } catch (RuntimeException ex) {
                    log.error("Could not queue the overdue reminder of invoice {}", invoice.id(), ex);
                }
            }
            if (!batch.isEmpty()) {
                Invoice last = batch.getLast();
                afterDue = last.dueDate();
                afterId = last.id().value();
            }
        } while (batch.size() == BATCH);
        if (queued > 0) {
            log.info("Queued {} overdue invoice reminders", queued);
        }
        return queued;
    }

    private boolean remind(Invoice invoice, Instant now) {
        Optional<Tenant> tenant = tenants.find(invoice.tenantId());
        ZoneId zone = tenant.map(Tenant::timezone).orElse(ZoneOffset.UTC);
        LocalDate today = LocalDate.ofInstant(now, zone);
        if (!invoice.isOverdueOn(today)) {
            return false;
        }
        long daysOverdue = ChronoUnit.DAYS.between(invoice.dueDate(), today);
        Optional<Integer> step = steps.stream().filter(s -> s <= daysOverdue).reduce((a, b) -> b);
        if (step.isEmpty()) {
            return false;
        }
        String kind = "overdue-" + step.get() + "d";
        Optional<ClientView> client = clients.find(invoice.tenantId(), invoice.clientId());
        Optional<String> to = client.filter(ClientView::isLive)
                .filter(c -> !c.emails().isEmpty())
                .map(c -> c.emails().getFirst());
        if (to.isEmpty()) {
            log.info("Invoice {} is {} days overdue, but its client has no email address: no reminder",
                    invoice.id(), daysOverdue);
            return false;
        }
        Boolean queued = transactions.execute(status -> {
            Invoice current = store.lock(invoice.tenantId(), invoice.id()).orElse(null);
            if (current == null || !current.isOverdueOn(today) || !store.claimReminder(current, kind, today)) {
                return false;
            }
            Map<String, Object> model = new HashMap<>(documents.emailModel(current, client, tenant));
            model.put("daysOverdue", daysOverdue);
            UUID emailId = emails.queue(OutboundEmail.templated(current.tenantId(), to.get(),
                    "Reminder: invoice " + current.number() + " is overdue", InvoiceDocuments.REMINDER_TEMPLATE,
                    model, "invoice-reminder:" + current.id() + ":" + kind));
            store.reminderEmail(current, kind, emailId);
            return true;
        });
        return Boolean.TRUE.equals(queued);
    }
}
