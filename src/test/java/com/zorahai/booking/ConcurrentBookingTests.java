package com.zorahai.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.zorahai.IntegrationTest;
import com.zorahai.TestTokens;
import com.zorahai.booking.calendar.CalendarAdmin;
import com.zorahai.identity.Role;
import com.zorahai.tenancy.Tenants;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Many requests for one slot at the same moment: exactly as many win as there are free resources, every other
 * request gets 409 slot-taken, and the database holds no overlapping appointments.
 */
@IntegrationTest
class ConcurrentBookingTests {

    private static final int REQUESTS = 8;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    @Autowired
    Tenants tenants;

    @Autowired
    CalendarAdmin admin;

    @Autowired
    Bookings bookings;

    @Test
    void parallelBookingsOfOneRoomAtOneTimeLetExactlyOneWin() throws Exception {
        BookingFixture clinic = BookingFixture.clinic(tenants, admin);
        String token = tokens.bearer(clinic.tenantId(), Role.AGENT);
        String start = BookingFixture.mondayAt("10:00").toOffsetDateTime().toString();

        List<MvcTestResult> results = inParallel(REQUESTS, i -> () -> mvc.post().uri("/api/v1/appointments")
                .header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"service_id": "%s", "start": "%s", "resource_id": "%s", "customer_name": "Customer %d"}"""
                        .formatted(clinic.laser, start, clinic.room1, i))
                .exchange());

        Map<Integer, Long> statuses = results.stream()
                .collect(Collectors.groupingBy(r -> r.getResponse().getStatus(), Collectors.counting()));
        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(201, 1L, 409, (long) REQUESTS - 1));
        assertThat(results).filteredOn(r -> r.getResponse().getStatus() == 409)
                .allSatisfy(r -> assertThat(r).bodyJson().extractingPath("$.type")
                        .isEqualTo("https://zorahai.com/problems/slot-taken"));
        assertThat(mvc.get().uri("/api/v1/appointments?status=booked").header("Authorization", token))
                .bodyJson().extractingPath("$.total").isEqualTo(1);
    }

    @Test
    void parallelBookingsWithoutAResourceFillBothRoomsAndNoMore() throws Exception {
        BookingFixture clinic = BookingFixture.clinic(tenants, admin);
        var start = BookingFixture.mondayAt("11:00").toInstant();

        List<Object> outcomes = inParallel(REQUESTS, i -> () -> {
            try {
                return bookings.book(clinic.tenant, new NewAppointment(clinic.laser, start, null, "Customer " + i,
                        null, null, null, Channel.WHATSAPP, null, null, null));
            } catch (com.zorahai.platform.ProblemException ex) {
                return ex.type();
            }
        });

        List<Appointment> booked = outcomes.stream().filter(Appointment.class::isInstance)
                .map(Appointment.class::cast).toList();
        assertThat(booked).hasSize(2);
        assertThat(booked).extracting(Appointment::resourceId).containsExactlyInAnyOrder(clinic.room1, clinic.room2);
        assertThat(outcomes).filteredOn(String.class::isInstance).hasSize(REQUESTS - 2).containsOnly("slot-taken");
    }

    @Test
    void overlappingButDifferentStartsAreRefusedToo() throws Exception {
        BookingFixture clinic = BookingFixture.clinic(tenants, admin);
        String token = tokens.bearer(clinic.tenantId(), Role.AGENT);
        // 60-minute appointments starting 15 minutes apart all overlap the first
        String[] starts = {"14:00", "14:15", "14:30", "14:45"};

        List<MvcTestResult> results = inParallel(starts.length, i -> () -> mvc.post().uri("/api/v1/appointments")
                .header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"service_id": "%s", "start": "%s", "resource_id": "%s", "customer_name": "C"}"""
                        .formatted(clinic.laser, BookingFixture.mondayAt(starts[i]).toOffsetDateTime(),
                                clinic.room2))
                .exchange());

        assertThat(results).filteredOn(r -> r.getResponse().getStatus() == 201).hasSize(1);
        assertThat(results).filteredOn(r -> r.getResponse().getStatus() == 409).hasSize(starts.length - 1);
    }

    @Test
    void theSameIdempotencyKeySentInParallelBooksOnce() throws Exception {
        BookingFixture clinic = BookingFixture.clinic(tenants, admin);
        String token = tokens.bearer(clinic.tenantId(), Role.AGENT);
        String start = BookingFixture.mondayAt("16:00").toOffsetDateTime().toString();

        List<MvcTestResult> results = inParallel(4, i -> () -> mvc.post().uri("/api/v1/appointments")
                .header("Authorization", token)
                .header("Idempotency-Key", "wa-turn-42")
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"service_id": "%s", "start": "%s", "customer_name": "Same"}""".formatted(clinic.laser,
                        start))
                .exchange());

        assertThat(results).filteredOn(r -> r.getResponse().getStatus() == 201).hasSize(1);
        assertThat(results).filteredOn(r -> r.getResponse().getStatus() == 200).hasSize(3);
        List<String> ids = results.stream().map(r -> {
            try {
                return JsonPath.<String>read(r.getResponse().getContentAsString(), "$.id");
            } catch (java.io.UnsupportedEncodingException ex) {
                throw new IllegalStateException(ex);
            }
        }).distinct().toList();
        assertThat(ids).hasSize(1);
    }

    private static <T> List<T> inParallel(int count, Function<Integer, Callable<T>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch ready = new CountDownLatch(count);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Callable<T> call = task.apply(i);
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.call();
                }));
            }
            ready.await();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
