package com.zorahai.invoicing.web;

import static com.zorahai.invoicing.InvoicesApi.INVOICES;
import static com.zorahai.invoicing.InvoicesApi.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.TestTokens;
import com.zorahai.crm.Clients;
import com.zorahai.identity.Role;
import com.zorahai.invoicing.InvoicesApi;
import com.zorahai.invoicing.InvoicingTest;
import com.zorahai.tenancy.Tenants;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Numbers are given at issue, per tenant, with no gap and no duplicate, however many issue at once.
 */
@InvoicingTest
class InvoiceNumberingTests {

    static final int PARALLEL = 16;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    @Autowired
    Tenants tenants;

    @Autowired
    Clients clients;

    InvoicesApi api;

    @BeforeEach
    void setUp() {
        api = new InvoicesApi(mvc, tokens, tenants, clients);
    }

    @Test
    void concurrentIssuesOfTwoTenantsGiveEachAGapFreeSequence() throws Exception {
        String first = InvoicesApi.newTenant();
        String second = InvoicesApi.newTenant();
        List<Callable<String>> issues = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (String tenant : List.of(first, second)) {
            String client = api.client(tenant, "numbers@example.com");
            String bearer = tokens.bearer(tenant, Role.CONSULTANT);
            for (int i = 0; i < PARALLEL / 2; i++) {
                String id = api.draft(tenant, client, "10");
                // a draft whose issue fails (no lines) must not use up a number
                String empty = api.draft(tenant, "{\"client_id\": \"" + client + "\"}");
                issues.add(() -> {
                    start.await();
                    MvcTestResult failed = mvc.post().uri(INVOICES + "/" + empty + "/issue")
                            .header("Authorization", bearer).exchange();
                    assertThat(failed.getResponse().getStatus()).isEqualTo(422);
                    MvcTestResult issued = mvc.post().uri(INVOICES + "/" + id + "/issue")
                            .header("Authorization", bearer).exchange();
                    assertThat(issued).hasStatusOk();
                    return tenant + " " + read(issued, "$.number");
                });
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        List<String> numbers = new ArrayList<>();
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (Callable<String> issue : issues) {
                futures.add(pool.submit(issue));
            }
            start.countDown();
            for (Future<String> future : futures) {
                numbers.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> expected = new ArrayList<>();
        for (String tenant : List.of(first, second)) {
            IntStream.rangeClosed(1, PARALLEL / 2)
                    .forEach(n -> expected.add(tenant + " INV-" + String.format("%06d", n)));
        }
        assertThat(numbers).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void deletedDraftsLeaveNoGapBecauseDraftsHaveNoNumber() {
        String tenant = InvoicesApi.newTenant();
        String client = api.client(tenant, "gaps@example.com");
        String kept = api.draft(tenant, client, "1");
        String dropped = api.draft(tenant, client, "1");
        assertThat(api.delete(tenant, Role.CONSULTANT, INVOICES + "/" + dropped)).hasStatus(
                org.springframework.http.HttpStatus.NO_CONTENT);
        String later = api.draft(tenant, client, "1");
        assertThat(api.issue(tenant, later)).isEqualTo("INV-000001");
        assertThat(api.issue(tenant, kept)).isEqualTo("INV-000002");
    }
}
