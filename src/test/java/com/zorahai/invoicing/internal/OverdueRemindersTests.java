package com.zorahai.invoicing.internal;

import static com.zorahai.invoicing.InvoicesApi.INVOICES;
import static com.zorahai.invoicing.InvoicesApi.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.TestTokens;
import com.zorahai.crm.ClientSource;
import com.zorahai.crm.ClientUpsert;
import com.zorahai.crm.Clients;
import com.zorahai.identity.Role;
import com.zorahai.invoicing.InvoicesApi;
import com.zorahai.invoicing.InvoicingTest;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.Tenants;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The overdue job, run at fixed clocks: a reminder per schedule step (1, 7, 14 days after the due date), each once,
 * in the tenant's time zone, only for open invoices of clients with an email address.
 */
@InvoicingTest
class OverdueRemindersTests {

    static final ZoneId JOHANNESBURG = ZoneId.of("Africa/Johannesburg");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    @Autowired
    Tenants tenants;

    @Autowired
    Clients clients;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OverdueReminders reminders;

    @Autowired
    LockProvider locks;

    @Autowired
    ApplicationContext context;

    InvoicesApi api;

    @BeforeEach
    void setUp() {
        api = new InvoicesApi(mvc, tokens, tenants, clients);
    }

    /** A clock at 10:00 on {@code date} in the zone. */
    private static Clock at(LocalDate date, ZoneId zone) {
        return Clock.fixed(date.atTime(LocalTime.of(10, 0)).atZone(zone).toInstant(), ZoneOffset.UTC);
    }

    private String issued(String tenant, String email) {
        String id = api.draft(tenant, api.client(tenant, email), "100");
        api.issue(tenant, id);
        return id;
    }

    private LocalDate dueDate(String tenant, String id) {
        return LocalDate.parse(read(api.get(tenant, Role.AGENT, INVOICES + "/" + id), "$.due_date"));
    }

    private List<String> kinds(String invoice) {
        return jdbc.sql("select kind from invoice_reminders where invoice_id = ?::uuid order by created_at")
                .param(invoice).query(String.class).list();
    }

    private List<Map<String, Object>> reminderEmails(String tenant) {
        return jdbc.sql("""
                select array_to_string(to_addresses, ',') as recipients, subject, html_body, idempotency_key
                from outbound_emails where tenant_id = ? and template = 'email/invoice-reminder' order by created_at""")
                .param(tenant).query().listOfRows();
    }

    @Test
    void eachStepOfTheScheduleSendsOneReminder() {
        String tenant = api.newAgency();
        String id = issued(tenant, "late-payer@example.com");
        api.pay(tenant, id, "{\"amount\": 30, \"method\": \"eft\"}");
        LocalDate due = dueDate(tenant, id);

        reminders.run(at(due, JOHANNESBURG));
        assertThat(kinds(id)).isEmpty();

        reminders.run(at(due.plusDays(1), JOHANNESBURG));
        reminders.run(at(due.plusDays(1), JOHANNESBURG));
        assertThat(kinds(id)).containsExactly("overdue-1d");
        List<Map<String, Object>> emails = reminderEmails(tenant);
        assertThat(emails).singleElement().satisfies(email -> {
            assertThat(email).containsEntry("recipients", "late-payer@example.com")
                    .containsEntry("subject", "Reminder: invoice INV-000001 is overdue")
                    .containsEntry("idempotency_key", "invoice-reminder:" + id + ":overdue-1d");
            assertThat((String) email.get("html_body")).contains("INV-000001", "ZAR 200.00", "1 day ago",
                    "Test Bank", "62000000001", "Agency " + tenant);
        });
        assertThat(api.get(tenant, Role.AGENT, INVOICES + "/" + id)).bodyJson().extractingPath("$.status")
                .isEqualTo("partially_paid");

        reminders.run(at(due.plusDays(3), JOHANNESBURG));
        assertThat(kinds(id)).containsExactly("overdue-1d");
        reminders.run(at(due.plusDays(10), JOHANNESBURG));
        assertThat(kinds(id)).containsExactly("overdue-1d", "overdue-7d");
        reminders.run(at(due.plusDays(40), JOHANNESBURG));
        reminders.run(at(due.plusDays(41), JOHANNESBURG));
        assertThat(kinds(id)).containsExactly("overdue-1d", "overdue-7d", "overdue-14d");
        assertThat(reminderEmails(tenant)).hasSize(3);
        assertThat(jdbc.sql("select count(*) from invoice_reminders where invoice_id = ?::uuid and email_id is null")
                .param(id).query(Long.class).single()).isZero();
    }

    @Test
    void aJobThatMissedStepsSendsOnlyTheLatestOne() {
        String tenant = InvoicesApi.newTenant();
        String id = issued(tenant, "missed@example.com");
        reminders.run(at(dueDate(tenant, id).plusDays(9), ZoneOffset.UTC));
        assertThat(kinds(id)).containsExactly("overdue-7d");
        assertThat(reminderEmails(tenant)).hasSize(1);
    }

    @Test
    void overdueIsReckonedInTheTenantsTimeZone() {
        String agency = api.newAgency();
        String plain = InvoicesApi.newTenant();
        String inJohannesburg = issued(agency, "zone-jhb@example.com");
        String inUtc = issued(plain, "zone-utc@example.com");
        jdbc.sql("update invoices set due_date = ? where id in (?::uuid, ?::uuid)")
                .params(LocalDate.of(2030, 3, 10), inJohannesburg, inUtc).update();
        // 23:30 UTC on the due date is already the next day in Johannesburg (UTC+2)
        reminders.run(Clock.fixed(Instant.parse("2030-03-11T23:30:00Z").minus(Duration.ofDays(1)), ZoneOffset.UTC));
        assertThat(kinds(inJohannesburg)).containsExactly("overdue-1d");
        assertThat(kinds(inUtc)).isEmpty();
        reminders.run(Clock.fixed(Instant.parse("2030-03-11T00:30:00Z"), ZoneOffset.UTC));
        assertThat(kinds(inUtc)).containsExactly("overdue-1d");
    }

    @Test
    void paidVoidAndDraftInvoicesAndClientsWithoutEmailGetNoReminder() {
        String tenant = InvoicesApi.newTenant();
        String paid = issued(tenant, "paid-up@example.com");
        api.pay(tenant, paid, "{\"amount\": 230, \"method\": \"card\"}");
        String voided = issued(tenant, "voided@example.com");
        api.post(tenant, Role.ADMIN, INVOICES + "/" + voided + "/void", "{\"reason\": \"Duplicate\"}");
        String draft = api.draft(tenant, api.client(tenant, "draft-only@example.com"), "100");
        String phoneOnly = clients.upsert(TenantId.of(tenant), ClientUpsert.byPhone("+14155550123", "Phone Only",
                ClientSource.PHONE)).clientId().toString();
        String noEmail = api.draft(tenant, phoneOnly, "100");
        api.issue(tenant, noEmail);

        reminders.run(at(LocalDate.now(ZoneOffset.UTC).plusDays(60), ZoneOffset.UTC));
        for (String id : List.of(paid, voided, draft, noEmail)) {
            assertThat(kinds(id)).as(id).isEmpty();
        }
        assertThat(reminderEmails(tenant)).isEmpty();
        assertThat(api.get(tenant, Role.AGENT, INVOICES + "/" + noEmail)).bodyJson().extractingPath("$.overdue")
                .isEqualTo(false);
    }

    @Test
    void theScheduleHoldsAJobLockAndIsOffInTests() {
        assertThat(context.getBeansOfType(OverdueReminderSchedule.class)).isEmpty();
        String name = "test-lock-" + UUID.randomUUID();
        LockConfiguration lock = new LockConfiguration(Instant.now(), name, Duration.ofMinutes(5), Duration.ZERO);
        Optional<SimpleLock> held = locks.lock(lock);
        assertThat(held).isPresent();
        assertThat(locks.lock(lock)).isEmpty();
        held.get().unlock();
        Optional<SimpleLock> again = locks.lock(lock);
        assertThat(again).isPresent();
        again.get().unlock();
        assertThat(OverdueReminderSchedule.class.getMethods()).filteredOn(m -> m.getName().equals("remind"))
                .singleElement().satisfies(m -> assertThat(m.getAnnotation(
                        net.javacrumbs.shedlock.spring.annotation.SchedulerLock.class).name())
                        .isEqualTo("invoicing-overdue-reminders"));
        new OverdueReminderSchedule(reminders, Clock.systemUTC()).remind();
    }
}
