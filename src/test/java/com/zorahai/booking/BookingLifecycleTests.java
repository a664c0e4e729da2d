package com.zorahai.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.zorahai.IntegrationTest;
import com.zorahai.TestTokens;
import com.zorahai.booking.calendar.CalendarAdmin;
import com.zorahai.booking.internal.Reminders;
import com.zorahai.crm.ClientView;
import com.zorahai.crm.Clients;
import com.zorahai.identity.Role;
import com.zorahai.platform.ProblemException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * What happens around an appointment, through the {@link Bookings} facade the assistant uses: events, reminders,
 * the CRM client and timeline, erasure, the waitlist.
 */
@IntegrationTest
@RecordApplicationEvents
class BookingLifecycleTests {

    @Autowired
    Bookings bookings;

    @Autowired
    Reminders reminders;

    @Autowired
    Clients clients;

    @Autowired
    CalendarAdmin admin;

    @Autowired
    com.zorahai.tenancy.Tenants tenants;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    @Autowired
    ApplicationEvents events;

    @Test
    void theAssistantBooksFromAvailabilityAndFindsTheBookingByPhone() {
        BookingFixture clinic = BookingFixture.clinic(tenants, admin);
        List<BookableService> services = bookings.services(clinic.tenant);
        assertThat(services).extracting(BookableService::name).containsExactly("Consultation", "Laser full legs");
        BookableService laser = services.get(1);
        assertThat(laser.priceFor(Gender.MALE).amount()).isEqualByComparingTo("150");
        assertThat(laser.priceFor(null).amount()).isEqualByComparingTo("120");

        List<Slot> slots = bookings.availability(clinic.tenant, laser.id(), BookingFixture.nextMonday());
        assertThat(slots).isNotEmpty();
        assertThat(slots.getFirst().start().getZone()).isEqualTo(BookingFixture.BEIRUT);
        Slot slot = slots.getFirst();

        Appointment booked = bookings.book(clinic.tenant, NewAppointment.viaWhatsApp(laser.id(),
                slot.start().toInstant(), "Maya", "+96170111222", "ar", "wa-msg-1"));

        assertThat(booked.start()).isEqualTo(slot.start());
        assertThat(booked.channel()).isEqualTo(Channel.WHATSAPP);
        assertThat(bookings.book(clinic.tenant, NewAppointment.viaWhatsApp(laser.id(), slot.start().toInstant(),
                "Maya", "+96170111222", "ar", "wa-msg-1")).id()).isEqualTo(booked.id());
        assertThat(bookings.upcomingFor(clinic.tenant, "+961 70 111 222")).extracting(Appointment::id)
                .containsExactly(booked.id());
        assertThat(bookings.upcomingFor(clinic.tenant, "not a phone")).isEmpty();
        assertThat(bookings.get(clinic.tenant, booked.id()).customerName()).isEqualTo("Maya");

        AppointmentBooked event = events.stream(AppointmentBooked.class)
                .filter(e -> e.appointmentId().equals(booked.id())).findFirst().orElseThrow();
        assertThat(event.localStart()).isEqualTo(slot.start().toLocalDateTime());
        assertThat(event.timeZone()).isEqualTo(BookingFixture.BEIRUT);
        assertThat(event.customerPhone()).isEqualTo("+96170111222");
        assertThat(events.stream(AppointmentBooked.class).filter(e -> e.appointmentId().equals(booked.id())))
                .hasSize(1);

        Appointment moved = bookings.reschedule(clinic.tenant, booked.id(), slot.start().plusHours(2).toInstant());
        assertThat(moved.start()).isEqualTo(slot.start().plusHours(2));
        assertThat(events.stream(AppointmentRescheduled.class).filter(e -> e.appointmentId().equals(booked.id())))
                .singleElement().satisfies(e -> assertThat(e.previousLocalStart())
                        .isEqualTo(slot.start().toLocalDateTime()));
        Appointment cancelled = bookings.cancel(clinic.tenant, booked.id(), "travelling");
        assertThat(cancelled.status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(events.stream(AppointmentCancelled.class).filter(e -> e.appointmentId().equals(booked.id())))
                .singleElement().satisfies(e -> assertThat(e.reason()).isEqualTo("travelling"));
        assertThat(bookings.upcomingFor(clinic.tenant, "+96170111222")).isEmpty();
    }

    @Test
    void aBookingWithAPhoneFindsOrCreatesTheCrmClientAndWritesItsTimeline() {
        BookingFixture clinic = BookingFixture.clinic(tenants, admin);
        Appointment booked = bookings.book(clinic.tenant, new NewAppointment(clinic.laser,
                BookingFixture.mondayAt("10:00").toInstant(), null, "Nour", "+9613222333", null, Gender.FEMALE,
                Channel.PHONE, null, null, null));

        ClientView client = clients.findByPhone(clinic.tenant, "+9613222333").orElseThrow();
        assertThat(booked.clientId()).isEqualTo(client.id());
        assertThat(client.name()).isEqualTo("Nour");
        assertThat(booked.price().amount()).isEqualByComparingTo("110");
        String timeline = "/api/v1/clients/" + client.id() + "/activities";
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(mvc.get().uri(timeline)
                .header("Authorization", tokens.bearer(clinic.tenantId(), Role.AGENT))).bodyJson()
                .extractingPath("$.items[0].summary").asString().startsWith("Appointment booked: Laser full legs"));

        // the same phone books again: the same client
        Appointment second = bookings.book(clinic.tenant, new NewAppointment(clinic.consultation,
                BookingFixture.mondayAt("12:00").toInstant(), null, "Nour H.", "+961 3 222 333", null, null,
                Channel.WHATSAPP, null, null, null));
        assertThat(second.clientId()).isEqualTo(client.id());
        // a given client id must be one of the tenant's
        assertThatThrownBy(() -> bookings.book(clinic.tenant, new NewAppointment(clinic.consultation,
                BookingFixture.mondayAt("13:00").toInstant(), null, "X", null,
                com.zorahai.crm.ClientId.random(), null, Channel.STAFF, null, null, null)))
                .isInstanceOfSatisfying(ProblemException.class, ex -> assertThat(ex.status())
                        .isEqualTo(HttpStatus.BAD_REQUEST));

        // erasing the client blanks the appointments' contact data
        assertThat(mvc.post().uri("/api/v1/clients/" + client.id() + "/erase")
                .header("Authorization", tokens.bearer(clinic.tenantId(), Role.OWNER))).hasStatusOk();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Appointment erased = bookings.get(clinic.tenant, booked.id());
            assertThat(erased.customerName()).isNull();
            assertThat(erased.customerPhone()).isNull();
            assertThat(bookings.get(clinic.tenant, second.id()).customerPhone()).isNull();
        });
        assertThat(bookings.get(clinic.tenant, booked.id()).serviceName()).isEqualTo("Laser full legs");
    }

    @Test
    void remindersAreDueOnceWithinTheLeadTimeAndAgainAfterAMove() {
        BookingFixture clinic = BookingFixture.clinic(tenants, admin);
        Appointment appointment = bookings.book(clinic.tenant, new NewAppointment(clinic.laser,
                BookingFixture.mondayAt("10:00").toInstant(), null, "Lea", "+96176123123", null, null,
                Channel.WHATSAPP, "fr", null, null));
        Instant start = appointment.start().toInstant();

        reminders.remindDue(start.minus(Duration.ofHours(25)));
        assertThat(dueFor(appointment)).isEmpty();

        reminders.remindDue(start.minus(Duration.ofHours(23)));
        reminders.remindDue(start.minus(Duration.ofHours(22)));
        assertThat(dueFor(appointment)).singleElement().satisfies(due -> {
            assertThat(due.customerPhone()).isEqualTo("+96176123123");
            assertThat(due.serviceName()).isEqualTo("Laser full legs");
            assertThat(due.localStart()).isEqualTo(BookingFixture.mondayAt("10:00").toLocalDateTime());
            assertThat(due.timeZone()).isEqualTo(BookingFixture.BEIRUT);
            assertThat(due.language()).isEqualTo("fr");
            assertThat(due.template()).isEqualTo("appointment_reminder");
        });
        assertThat(bookings.get(clinic.tenant, appointment.id()).remindedAt()).isNotNull();

        Appointment moved = bookings.reschedule(clinic.tenant, appointment.id(),
                BookingFixture.mondayAt("15:00").toInstant());
        assertThat(moved.remindedAt()).isNull();
        reminders.remindDue(moved.start().toInstant().minus(Duration.ofHours(1)));
        assertThat(dueFor(appointment)).hasSize(2);

        // cancelled appointments are not reminded
        Appointment other = bookings.book(clinic.tenant, new NewAppointment(clinic.laser,
                BookingFixture.mondayAt("16:00").toInstant(), null, "Zed", "+96176999000", null, null,
                Channel.WHATSAPP, null, null, null));
        bookings.cancel(clinic.tenant, other.id(), null);
        reminders.remindDue(other.start().toInstant().minus(Duration.ofHours(2)));
        assertThat(dueFor(other)).isEmpty();
    }

    @Test
    void aCancelledSlotIsOfferedToTheFirstMatchingWaitlistEntry() {
        BookingFixture clinic = BookingFixture.clinic(tenants, admin);
        LocalDate monday = BookingFixture.nextMonday();
        WaitlistEntry first = bookings.joinWaitlist(clinic.tenant, new WaitlistRequest(clinic.laser, "First",
                "+96171000001", null, monday, monday.plusDays(3), Channel.WHATSAPP, "ar", null));
        WaitlistEntry otherDays = bookings.joinWaitlist(clinic.tenant, new WaitlistRequest(clinic.laser, "Later",
                "+96171000002", null, monday.plusDays(10), monday.plusDays(12), Channel.WHATSAPP, null, null));
        WaitlistEntry second = bookings.joinWaitlist(clinic.tenant, new WaitlistRequest(clinic.laser, "Second",
                "+96171000003", null, monday, monday, Channel.WHATSAPP, null, null));
        Appointment taken = bookings.book(clinic.tenant, new NewAppointment(clinic.laser,
                BookingFixture.mondayAt("10:00").toInstant(), clinic.room1, "Busy", null, null, null, Channel.STAFF,
                null, null, null));

        bookings.cancel(clinic.tenant, taken.id(), null);

        assertThat(events.stream(WaitlistSlotOffered.class).filter(e -> e.tenantId().equals(clinic.tenant)))
                .singleElement().satisfies(offer -> {
                    assertThat(offer.waitlistEntryId()).isEqualTo(first.id());
                    assertThat(offer.customerPhone()).isEqualTo("+96171000001");
                    assertThat(offer.localStart()).isEqualTo(BookingFixture.mondayAt("10:00").toLocalDateTime());
                    assertThat(offer.resourceId()).isEqualTo(clinic.room1);
                    assertThat(offer.language()).isEqualTo("ar");
                });
        assertThat(mvc.get().uri("/api/v1/booking/waitlist/" + first.id())
                .header("Authorization", tokens.bearer(clinic.tenantId(), Role.AGENT))).bodyJson()
                .extractingPath("$.status").isEqualTo("offered");

        // the first books the offered slot: done; a no-show then frees what is left of a slot for the second
        bookings.book(clinic.tenant, new NewAppointment(clinic.laser, BookingFixture.mondayAt("10:00").toInstant(),
                clinic.room1, "First", "+96171000001", null, null, Channel.WHATSAPP, null, null, null));
        assertThat(mvc.get().uri("/api/v1/booking/waitlist?status=booked")
                .header("Authorization", tokens.bearer(clinic.tenantId(), Role.AGENT))).bodyJson()
                .extractingPath("$.items[0].id").isEqualTo(first.id().toString());
        assertThat(mvc.get().uri("/api/v1/booking/waitlist/" + otherDays.id())
                .header("Authorization", tokens.bearer(clinic.tenantId(), Role.AGENT))).bodyJson()
                .extractingPath("$.status").isEqualTo("waiting");
        assertThat(second.status()).isEqualTo("waiting");
    }

    @Test
    void waitlistRequestsAreChecked() {
        BookingFixture clinic = BookingFixture.clinic(tenants, admin);
        assertThatThrownBy(() -> bookings.joinWaitlist(clinic.tenant, new WaitlistRequest(null, null, "12", null,
                LocalDate.now().plusDays(5), LocalDate.now(), null, null, null)))
                .isInstanceOfSatisfying(ProblemException.class, ex -> assertThat(ex.properties().get("errors")
                        .toString()).contains("service_id", "customer_phone", "latest"));
        assertThatThrownBy(() -> bookings.joinWaitlist(clinic.tenant, new WaitlistRequest(clinic.laser, null, null,
                null, null, null, null, null, null)))
                .isInstanceOfSatisfying(ProblemException.class, ex -> assertThat(ex.properties().get("errors")
                        .toString()).contains("customer_phone", "latest"));
        assertThatThrownBy(() -> bookings.joinWaitlist(clinic.tenant, new WaitlistRequest("nope", null,
                "+96171000001", null, null, LocalDate.now().plusDays(3), null, null, null)))
                .isInstanceOfSatisfying(ProblemException.class, ex -> assertThat(ex.detail()).contains("service_id"));
    }

    private List<AppointmentReminderDue> dueFor(Appointment appointment) {
        return events.stream(AppointmentReminderDue.class)
                .filter(e -> e.appointmentId().equals(appointment.id()))
                .toList();
    }
}
