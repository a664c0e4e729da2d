package com.zorahai.booking.web;

import com.zorahai.booking.Appointment;
import com.zorahai.booking.BookableService;
import com.zorahai.booking.Gender;
import com.zorahai.booking.Slot;
import com.zorahai.booking.WaitlistEntry;
import com.zorahai.booking.calendar.CalendarAdmin;
import com.zorahai.booking.calendar.CalendarStore.ClosureRow;
import com.zorahai.booking.calendar.CalendarStore.HoursRow;
import com.zorahai.booking.calendar.CalendarStore.ResourceRow;
import com.zorahai.booking.internal.BookingService.Availability;
import com.zorahai.platform.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON shapes of the booking API (snake_case; times with the offset of the tenant's time zone, plus the zone).
 */
final class BookingJson {

    private BookingJson() {
    }

    /** An amount and its ISO 4217 code. */
    record MoneyJson(BigDecimal amount, String currency) {

        static MoneyJson of(Money money) {
            return money == null ? null : new MoneyJson(money.amount(), money.currency().getCurrencyCode());
        }
    }

    /** A service as a request gives it; {@code prices_by_gender} maps {@code female} / {@code male} to a price. */
    record ServiceRequest(String name, String description, Integer durationMinutes, MoneyJson price,
            Map<String, MoneyJson> pricesByGender, Boolean active) {
    }

    record ServiceResponse(String id, String name, String description, int durationMinutes, MoneyJson price,
            Map<String, MoneyJson> pricesByGender, boolean active) {

        static ServiceResponse of(BookableService service) {
            Map<String, MoneyJson> byGender = new LinkedHashMap<>();
            for (Gender gender : Gender.values()) {
                Money price = service.pricesByGender().get(gender);
                if (price != null) {
                    byGender.put(gender.value(), MoneyJson.of(price));
                }
            }
            return new ServiceResponse(service.id(), service.name(), service.description(),
                    service.durationMinutes(), MoneyJson.of(service.price()), byGender, service.active());
        }
    }

    record SlotResponse(OffsetDateTime start, OffsetDateTime end, String resourceId, String resourceName) {

        static SlotResponse of(Slot slot) {
            return new SlotResponse(slot.start().toOffsetDateTime(), slot.end().toOffsetDateTime(),
                    slot.resourceId(), slot.resourceName());
        }
    }

    record AvailabilityResponse(String serviceId, String serviceName, int durationMinutes, String timeZone,
            LocalDate from, LocalDate to, List<SlotResponse> slots) {

        static AvailabilityResponse of(Availability availability) {
            return new AvailabilityResponse(availability.service().id(), availability.service().name(),
                    availability.service().durationMinutes(), availability.timeZone().getId(), availability.from(),
                    availability.to(), availability.slots().stream().map(SlotResponse::of).toList());
        }
    }

    /**
     * A booking request. {@code start} is an ISO date-time with an offset ({@code 2026-12-01T10:00:00+02:00}) or
     * without one, read in the tenant's time zone.
     */
    record AppointmentRequest(String serviceId, String start, String resourceId, String customerName,
            String customerPhone, String clientId, String gender, String channel, String language, String notes,
            String idempotencyKey) {
    }

    /**
     * A change: {@code status} {@code cancelled} (with {@code reason}), {@code no_show} or {@code completed}; or a
     * new {@code start} and/or {@code resource_id} (reschedule).
     */
    record AppointmentPatch(String status, String start, String resourceId, String reason) {
    }

    record AppointmentResponse(String id, String status, String serviceId, String serviceName, String resourceId,
            String resourceName, OffsetDateTime start, OffsetDateTime end, String timeZone, String customerName,
            String customerPhone, String clientId, String gender, String channel, String language, String notes,
            MoneyJson price, String provider, String externalId, String cancelReason, Instant remindedAt,
            Instant createdAt, Instant updatedAt) {

        static AppointmentResponse of(Appointment a) {
            return new AppointmentResponse(a.id().toString(), a.status().value(), a.serviceId(), a.serviceName(),
                    a.resourceId(), a.resourceName(), a.start().toOffsetDateTime(), a.end().toOffsetDateTime(),
                    a.start().getZone().getId(), a.customerName(), a.customerPhone(),
                    a.clientId() == null ? null : a.clientId().toString(),
                    a.gender() == null ? null : a.gender().value(), a.channel().value(), a.language(), a.notes(),
                    MoneyJson.of(a.price()), a.provider(), a.externalId(), a.cancelReason(), a.remindedAt(),
                    a.createdAt(), a.updatedAt());
        }
    }

    record ResourceRequest(String name, String kind, Boolean active, List<String> serviceIds) {
    }

    record ResourceResponse(String id, String name, String kind, boolean active, List<String> serviceIds,
            Instant createdAt, Instant updatedAt) {

        static ResourceResponse of(ResourceRow row) {
            return new ResourceResponse(row.id().toString(), row.name(), row.kind(), row.active(),
                    row.serviceIds().stream().map(Object::toString).toList(), row.createdAt(), row.updatedAt());
        }
    }

    record HoursInterval(String weekday, String opens, String closes) {

        static HoursInterval of(HoursRow row) {
            return new HoursInterval(row.weekday().name().toLowerCase(Locale.ROOT), row.opens().toString(),
                    row.closes().toString());
        }

        CalendarAdmin.HoursDraft draft() {
            return new CalendarAdmin.HoursDraft(weekday, opens, closes);
        }
    }

    record HoursRequest(List<HoursInterval> hours) {
    }

    /** @param clinicHours whether these are the clinic's hours (a resource without hours of its own follows them) */
    record HoursResponse(String resourceId, boolean clinicHours, List<HoursInterval> hours) {

        static HoursResponse of(CalendarAdmin.Hours hours) {
            return new HoursResponse(hours.resourceId() == null ? null : hours.resourceId().toString(),
                    hours.clinicHours(), hours.hours().stream().map(HoursInterval::of).toList());
        }
    }

    record ClosureRequest(LocalDate startsOn, LocalDate endsOn, String resourceId, String reason) {
    }

    record ClosureResponse(String id, LocalDate startsOn, LocalDate endsOn, String resourceId, String reason,
            Instant createdAt) {

        static ClosureResponse of(ClosureRow row) {
            return new ClosureResponse(row.id().toString(), row.startsOn(), row.endsOn(),
                    row.resourceId() == null ? null : row.resourceId().toString(), row.reason(), row.createdAt());
        }
    }

    record WaitlistRequestJson(String serviceId, String customerName, String customerPhone, String clientId,
            LocalDate earliest, LocalDate latest, String channel, String language, String notes) {
    }

    record WaitlistResponse(String id, String status, String serviceId, String serviceName, String customerName,
            String customerPhone, String clientId, LocalDate earliest, LocalDate latest, String channel,
            String language, String notes, OffsetDateTime offeredStart, OffsetDateTime offeredEnd,
            Instant offeredAt, Instant createdAt) {

        static WaitlistResponse of(WaitlistEntry e) {
            return new WaitlistResponse(e.id().toString(), e.status(), e.serviceId(), e.serviceName(),
                    e.customerName(), e.customerPhone(), e.clientId() == null ? null : e.clientId().toString(),
                    e.earliest(), e.latest(), e.channel().value(), e.language(), e.notes(),
                    offset(e.offeredStart()), offset(e.offeredEnd()), e.offeredAt(), e.createdAt());
        }
    }

    private static OffsetDateTime offset(ZonedDateTime time) {
        return time == null ? null : time.toOffsetDateTime();
    }
}
