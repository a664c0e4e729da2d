package com.zorahai.analytics.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.analytics.AnalyticsTestSupport;
import com.zorahai.analytics.internal.EventTypes;
import com.zorahai.identity.Role;
import com.zorahai.tenancy.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Charts: buckets are days or Monday-to-Sunday weeks of the tenant's time zone, across daylight-saving changes.
 */
class TimeseriesApiTests extends AnalyticsTestSupport {

    private MvcTestResult series(TenantId tenant, String query) {
        return mvc.get().uri("/api/v1/analytics/timeseries" + query).header("Authorization",
                auth(tenant, Role.CONSULTANT)).exchange();
    }

    @Test
    void dailyBucketsFollowTheTenantsMidnightAcrossTheSpringForward() {
        TenantId tenant = newTenant("America/New_York");
        // 8 March 2026 is 23 hours long in New York: EST (UTC-5) until 02:00, EDT (UTC-4) after
        record(tenant, EventTypes.BOOKING_MADE, "a", Instant.parse("2026-03-08T04:30:00Z")); // 7 March, 23:30 EST
        record(tenant, EventTypes.BOOKING_MADE, "b", Instant.parse("2026-03-08T05:00:00Z")); // 8 March, 00:00 EST
        record(tenant, EventTypes.BOOKING_MADE, "c", Instant.parse("2026-03-09T03:30:00Z")); // 8 March, 23:30 EDT
        record(tenant, EventTypes.BOOKING_MADE, "d", Instant.parse("2026-03-09T04:00:00Z")); // 9 March, 00:00 EDT

        assertThat(series(tenant, "?metric=bookings&interval=day&from=2026-03-06&to=2026-03-09")).hasStatusOk()
                .bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.metric").isEqualTo("bookings");
                    assertThat(json).extractingPath("$.interval").isEqualTo("day");
                    assertThat(json).extractingPath("$.time_zone").isEqualTo("America/New_York");
                    assertThat(json).extractingPath("$.points[*].bucket").isEqualTo(List.of("2026-03-06",
                            "2026-03-07", "2026-03-08", "2026-03-09"));
                    assertThat(json).extractingPath("$.points[*].value").isEqualTo(List.of(0, 1, 2, 1));
                    assertThat(json).extractingPath("$.points[2].start").isEqualTo("2026-03-08T05:00:00Z");
                    assertThat(json).extractingPath("$.points[3].start").isEqualTo("2026-03-09T04:00:00Z");
                });
    }

    @Test
    void weeklyBucketsStartOnMondayAndAutumnsLongDayCountsOnce() {
        TenantId tenant = newTenant("Europe/Berlin");
        // Sunday 25 October 2026 is 25 hours long in Berlin; 26 October is a Monday
        record(tenant, EventTypes.WHATSAPP_MESSAGE_RECEIVED, "c1", Instant.parse("2026-10-25T22:59:59Z"));
        record(tenant, EventTypes.WHATSAPP_MESSAGE_RECEIVED, "c2", Instant.parse("2026-10-25T23:00:00Z"));
        record(tenant, EventTypes.WHATSAPP_MESSAGE_RECEIVED, "c2", Instant.parse("2026-10-26T10:00:00Z"));
        record(tenant, EventTypes.WHATSAPP_MESSAGE_RECEIVED, "c3", Instant.parse("2026-10-19T00:30:00Z"));

        assertThat(series(tenant, "?metric=conversations&interval=week&from=2026-10-20&to=2026-11-01")).hasStatusOk()
                .bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.points[*].bucket").isEqualTo(List.of("2026-10-19",
                            "2026-10-26"));
                    // c3 is before the period's start; the first bucket is cut at the period's start
                    assertThat(json).extractingPath("$.points[*].value").isEqualTo(List.of(1, 1));
                    assertThat(json).extractingPath("$.points[0].start").isEqualTo("2026-10-19T22:00:00Z");
                });
        assertThat(series(tenant, "?metric=messages&interval=week&from=2026-10-19&to=2026-11-01")).hasStatusOk()
                .bodyJson().extractingPath("$.points[*].value").isEqualTo(List.of(2, 2));
    }

    @Test
    void inAZoneHalfAnHourOffUtcDaysAreCutAtItsOwnMidnight() {
        TenantId tenant = newTenant("Asia/Kolkata");
        record(tenant, EventTypes.CALL_ENDED, "k1", Instant.parse("2026-03-09T18:29:59Z"), Map.of("duration_seconds",
                60)); // 9 March, 23:59:59
        record(tenant, EventTypes.CALL_ENDED, "k2", Instant.parse("2026-03-09T18:30:00Z"), Map.of("duration_seconds",
                90)); // 10 March, 00:00
        record(tenant, EventTypes.CALL_ENDED, "k3", Instant.parse("2026-03-10T12:00:00Z"), Map.of("duration_seconds",
                30));

        assertThat(series(tenant, "?metric=call_minutes&from=2026-03-09&to=2026-03-10")).hasStatusOk().bodyJson()
                .extractingPath("$.points[*].value").isEqualTo(List.of(1.0, 2.0));
        assertThat(series(tenant, "?metric=calls&from=2026-03-09&to=2026-03-10")).hasStatusOk().bodyJson()
                .extractingPath("$.points[*].value").isEqualTo(List.of(1, 2));
    }

    @Test
    void aPeriodGivenToTheSecondCountsOnlyWhatIsInsideIt() {
        TenantId tenant = newTenant("UTC");
        record(tenant, EventTypes.BOOKING_MADE, "a", Instant.parse("2026-05-04T10:10:00Z"));
        record(tenant, EventTypes.BOOKING_MADE, "b", Instant.parse("2026-05-04T10:40:00Z"));
        record(tenant, EventTypes.BOOKING_MADE, "c", Instant.parse("2026-05-04T12:20:00Z"));
        record(tenant, EventTypes.BOOKING_MADE, "d", Instant.parse("2026-05-04T12:50:00Z"));
        assertThat(series(tenant, "?metric=bookings&from=2026-05-04T10:30:00Z&to=2026-05-04T12:30:00Z"))
                .hasStatusOk().bodyJson().extractingPath("$.points[*].value").isEqualTo(List.of(2));
        assertThat(series(tenant, "?metric=bookings&from=2026-05-04T10:30:00Z&to=2026-05-04T10:50:00Z"))
                .hasStatusOk().bodyJson().extractingPath("$.points[*].value").isEqualTo(List.of(1));
    }

    @Test
    void amountsAreSummedInOneCurrencyTheTenantsByDefault() {
        TenantId tenant = newTenant("UTC");
        Instant at = Instant.parse("2026-05-04T12:00:00Z");
        record(tenant, EventTypes.INVOICE_PAID, "i1", at, Map.of("total_amount", new BigDecimal("100.10"),
                "total_currency", "USD"));
        record(tenant, EventTypes.INVOICE_PAID, "i2", at, Map.of("total_amount", new BigDecimal("50"),
                "total_currency", "USD"));
        record(tenant, EventTypes.INVOICE_PAID, "i3", at, Map.of("total_amount", new BigDecimal("999"),
                "total_currency", "EUR"));

        assertThat(series(tenant, "?metric=revenue&from=2026-05-04&to=2026-05-04")).hasStatusOk().bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.currency").isEqualTo("USD");
                    assertThat(json).extractingPath("$.points[0].value").isEqualTo(150.10);
                });
        assertThat(series(tenant, "?metric=revenue&currency=eur&from=2026-05-04&to=2026-05-04")).hasStatusOk()
                .bodyJson().extractingPath("$.points[0].value").isEqualTo(999.00);
        assertThat(series(tenant, "?metric=bookings&from=2026-05-04&to=2026-05-04")).hasStatusOk().bodyJson()
                .extractingPath("$.currency").isNull();
    }

    @Test
    void ratesAndMediansPerBucket() {
        TenantId tenant = newTenant("UTC");
        Instant at = Instant.parse("2026-05-04T12:00:00Z");
        for (int ms : new int[]{100, 300, 900}) {
            record(tenant, EventTypes.WHATSAPP_MESSAGE_ANSWERED, "c", at, Map.of("first_response_ms", ms));
        }
        record(tenant, EventTypes.WHATSAPP_UNANSWERED, "c", at, Map.of("question", "Any discount for students?"));
        assertThat(series(tenant, "?metric=bot_answer_rate&from=2026-05-04&to=2026-05-05")).hasStatusOk()
                .bodyJson().extractingPath("$.points[*].value").isEqualTo(List.of(0.75, 0));
        assertThat(series(tenant, "?metric=median_first_response_ms&from=2026-05-04&to=2026-05-04")).hasStatusOk()
                .bodyJson().extractingPath("$.points[0].value").isEqualTo(300);
    }

    @Test
    void badRequestsNameTheField() {
        TenantId tenant = newTenant("UTC");
        assertThat(series(tenant, "")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .extractingPath("$.errors[0].field").isEqualTo("metric");
        assertThat(series(tenant, "?metric=sales")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .extractingPath("$.errors[0].field").isEqualTo("metric");
        assertThat(series(tenant, "?metric=bookings&interval=month")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .extractingPath("$.errors[0].field").isEqualTo("interval");
        assertThat(series(tenant, "?metric=revenue&currency=dollars")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .extractingPath("$.errors[0].field").isEqualTo("currency");
        assertThat(series(tenant, "?metric=bookings&from=2026-13-01")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .extractingPath("$.errors[0].field").isEqualTo("from");
    }
}
