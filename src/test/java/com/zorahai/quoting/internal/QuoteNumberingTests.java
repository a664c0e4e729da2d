package com.zorahai.quoting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.quoting.QuotingTestSupport;
import com.zorahai.tenancy.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

class QuoteNumberingTests extends QuotingTestSupport {

    @Autowired
    QuoteRecords records;

    @Autowired
    TransactionTemplate transactions;

    private QuoteInput input(String client) {
        return new QuoteInput(client, null, null, null, null, null, null, null, List.of(), null, null);
    }

    @Test
    void concurrentCreationsGetEveryNumberOnceWithoutGaps() throws Exception {
        String client = client("numbers@example.com");
        TenantId id = TenantId.of(tenant);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tasks.add(() -> {
                start.await();
                return records.create(id, null, input(client)).number();
            });
        }
        List<String> numbers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<String>> futures = tasks.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<String> future : futures) {
                numbers.add(future.get());
            }
        }
        assertThat(numbers).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 20)
                .mapToObj(n -> "Q-%06d".formatted(n)).toList());
        // another tenant counts on its own
        String other = tenant;
        tenant = newTenant();
        assertThat(records.create(TenantId.of(tenant), null, input(client("first@example.com"))).number())
                .isEqualTo("Q-000001");
        assertThat(other).isNotEqualTo(tenant);
    }

    @Test
    void aRolledBackCreationGivesItsNumberBack() {
        String client = client("rollback@example.com");
        TenantId id = TenantId.of(tenant);
        assertThat(records.create(id, null, input(client)).number()).isEqualTo("Q-000001");
        String lost = transactions.execute(status -> {
            String number = records.create(id, null, input(client)).number();
            status.setRollbackOnly();
            return number;
        });
        assertThat(lost).isEqualTo("Q-000002");
        assertThat(records.create(id, null, input(client)).number()).isEqualTo("Q-000002");
        assertThat(jdbc.sql("select count(*) from quotes where tenant_id = ?").param(tenant).query(Long.class)
                .single()).isEqualTo(2);
    }
}
