package com.zorahai.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.booking.Appointment;
import com.zorahai.booking.AppointmentReminderDue;
import com.zorahai.booking.AppointmentStatus;
import com.zorahai.booking.Bookings;
import com.zorahai.booking.NewAppointment;
import com.zorahai.booking.Slot;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

/** The booking dialogue's harder paths: a slot taken meanwhile, and cancelling or moving after a reminder. */
class DialogueTests extends AssistantTestSupport {

    private static final ZoneId BEIRUT = ZoneId.of("Asia/Beirut");

    @Autowired
    Bookings bookings;

    @Autowired
    ApplicationEventPublisher publisher;

    @Test
    void aSlotTakenMeanwhileOffersTheNextFreeTimes() {
        Clinic clinic = clinic("en");
        Customer nour = customer(clinic, "Nour");

        Sent days = nour.says("Can I book a consultation?").getFirst();
        assertThat(days.text()).startsWith("When would you like to come for Consultation?");
        Sent times = nour.picks(days.ids().getFirst(), days.titles().getFirst()).getFirst();
        String chosen = times.ids().getFirst();
        Sent confirm = nour.picks(chosen, times.titles().getFirst()).getFirst();
        assertThat(confirm.text()).startsWith("Shall I book Consultation on");

        // both rooms go to other customers before Nour confirms
        Instant start = Instant.ofEpochSecond(Long.parseLong(chosen.substring("time:".length())));
        for (int i = 0; i < 2; i++) {
            bookings.book(clinic.tenant(), new NewAppointment(clinic.consultation(), start, null, "Walk-in " + i, null,
                    null, null, null, null, null, null));
        }

        Sent taken = nour.taps("yes", "Yes, book it").getFirst();
        assertThat(taken.text()).startsWith("I'm sorry, " + times.titles().getFirst()).contains("just been taken");
        assertThat(taken.ids()).isNotEmpty().doesNotContain(chosen).allMatch(id -> id.startsWith("time:")
                && Long.parseLong(id.substring(5)) > start.getEpochSecond());

        Sent again = nour.picks(taken.ids().getFirst(), taken.titles().getFirst()).getFirst();
        assertThat(again.ids()).containsExactly("yes", "no");
        assertThat(texts(nour.taps("yes", "Yes, book it"))).startsWith("You're booked! Consultation on");
        assertThat(bookings.upcomingFor(clinic.tenant(), "+" + nour.phone)).singleElement()
                .satisfies(a -> assertThat(a.start().toInstant().getEpochSecond())
                        .isEqualTo(Long.parseLong(taken.ids().getFirst().substring(5))));
    }

    @Test
    void aReminderGoesOutAsATemplateAndCancelInReplyCancelsThatAppointment() {
        Clinic clinic = clinic("en");
        Customer ziad = customer(clinic, "Ziad");
        Appointment appointment = bookFor(clinic, ziad, clinic.laser());

        transactionTemplate.executeWithoutResult(
                tx -> publisher.publishEvent(new AppointmentReminderDue(clinic.tenant(), appointment.id(), "Ziad",
                        "+" + ziad.phone, "Laser full legs", appointment.start().toInstant(),
                        appointment.start().toLocalDateTime(), BEIRUT, "Room 1", "fr", "appointment_reminder")));
        Sent reminder = ziad.receives(1).getFirst();
        assertThat(reminder.type()).isEqualTo("template");
        assertThat(reminder.text()).isEqualTo("appointment_reminder");
        assertThat(reminder.titles()).hasSize(3).startsWith("Ziad", "Laser full legs");
        assertThat(reminder.titles().get(2)).contains(appointment.start().toLocalTime().toString().substring(0, 5));

        Sent confirm = ziad.says("Annuler").getFirst();
        assertThat(confirm.text()).startsWith("J'annule Laser full legs le");
        assertThat(texts(ziad.taps("yes", "Oui, annuler"))).startsWith("Votre rendez-vous pour Laser full legs");
        assertThat(bookings.get(clinic.tenant(), appointment.id()).status()).isEqualTo(AppointmentStatus.CANCELLED);
    }

    @Test
    void rescheduleMovesTheOnlyUpcomingAppointment() {
        Clinic clinic = clinic("en");
        Customer hadi = customer(clinic, "Hadi");
        Appointment appointment = bookFor(clinic, hadi, clinic.consultation());

        Sent days = hadi.says("I need to reschedule my appointment").getFirst();
        assertThat(days.text()).startsWith("Let's find a new time for Consultation.");
        Sent times = hadi.picks(days.ids().getLast(), days.titles().getLast()).getFirst();
        Sent confirm = hadi.says("2").getFirst();
        assertThat(confirm.text()).startsWith("Shall I move Consultation to " + days.titles().getLast())
                .contains(times.titles().get(1));
        assertThat(texts(hadi.says("yes"))).startsWith("Done! Consultation is now on " + days.titles().getLast());

        Appointment moved = bookings.get(clinic.tenant(), appointment.id());
        assertThat(moved.start()).isNotEqualTo(appointment.start());
        assertThat(moved.start().toLocalTime().toString()).isEqualTo(times.titles().get(1));
    }

    @Test
    void stoppingTheDialogueAndAQuestionInTheMiddleOfIt() {
        Clinic clinic = clinic("en");
        Customer dana = customer(clinic, "Dana");
        qa(clinic, "Where is the clinic located?", "We are on Sursock Street, Achrafieh.");

        Sent services = dana.says("I want to book").getFirst();
        assertThat(services.text()).isEqualTo("Which treatment would you like to book?");
        List<Sent> between = dana.says("Where is the clinic located?");
        assertThat(between).hasSize(2);
        assertThat(between.get(0).text()).contains("Sursock Street");
        assertThat(between.get(1).text()).isEqualTo("Which treatment would you like to book?");

        List<Sent> unclear = dana.says("purple");
        assertThat(unclear.get(0).text()).startsWith("Sorry, I didn't quite get that.");
        assertThat(texts(dana.says("never mind"))).startsWith("No problem, I've stopped the booking.");
    }

    private Appointment bookFor(Clinic clinic, Customer customer, String service) {
        LocalDate from = LocalDate.now(BEIRUT).plusDays(2);
        Slot slot = bookings.availability(clinic.tenant(), service, from, from.plusDays(6), null).getFirst();
        return bookings.book(clinic.tenant(), NewAppointment.viaWhatsApp(service, slot.start().toInstant(),
                customer.name, "+" + customer.phone, "en", null));
    }
}
