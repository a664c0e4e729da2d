package com.zorahai.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.zorahai.ai.ToolCall;
import com.zorahai.assistant.AssistantTestSupport;
import com.zorahai.booking.AppointmentStatus;
import com.zorahai.booking.Bookings;
import com.zorahai.whatsapp.WhatsAppContact;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The model's tools run against a clinic's real calendar and knowledge; bad arguments come back as errors. */
class AssistantToolsTests extends AssistantTestSupport {

    private static final ZoneId BEIRUT = ZoneId.of("Asia/Beirut");

    @Autowired
    AssistantTools tools;

    @Autowired
    Bookings bookings;

    private Turn turn(Clinic clinic, String phone) {
        return new Turn(tenantDirectory.get(clinic.tenant()), UUID.randomUUID(), UUID.randomUUID(),
                new WhatsAppContact(phone, phone, null, "Lina"), null, new ConversationState(UUID.randomUUID()),
                Instant.now());
    }

    private String run(Turn turn, String name, String arguments) {
        return tools.run(turn, new ToolCall("call_" + name, name, arguments));
    }

    @Test
    void searchListCheckBookListRescheduleAndCancel() {
        Clinic clinic = clinic("en");
        qa(clinic, "Do you have parking?", "Yes, free parking in the basement.");
        String phone = "96171" + (100_000 + (int) (Math.random() * 899_999));
        Turn turn = turn(clinic, phone);
        turn.language = Language.EN;
        LocalDate monday = LocalDate.now(BEIRUT).plusDays(7).with(TemporalAdjusters.next(DayOfWeek.MONDAY));

        assertThat(run(turn, "search_knowledge", "{\"query\": \"parking\"}")).contains("free parking");
        String services = run(turn, "list_services", "{}");
        assertThat(services).contains("Laser full legs").contains("\"female\":\"USD 110\"").contains("Consultation");

        String free = run(turn, "check_availability", """
                {"service_id": "%s", "date": "%s", "days": 2}""".formatted(clinic.consultation(), monday));
        List<String> starts = JsonPath.read(free, "$.free[*].start");
        assertThat(starts).isNotEmpty().allMatch(s -> s.startsWith(monday.toString())
                || s.startsWith(monday.plusDays(1).toString()));
        assertThat(turn.bookingStarted).isTrue();

        String booked = run(turn, "book_appointment", """
                {"service_id": "%s", "start": "%s"}""".formatted(clinic.consultation(), starts.getFirst()));
        assertThat(JsonPath.<String>read(booked, "$.status")).isEqualTo("booked");
        String again = run(turn, "book_appointment", """
                {"service_id": "%s", "start": "%s"}""".formatted(clinic.consultation(), starts.getFirst()));
        assertThat(JsonPath.<String>read(again, "$.appointment_id"))
                .isEqualTo(JsonPath.<String>read(booked, "$.appointment_id"));

        String listed = run(turn, "cancel_or_reschedule", "{\"action\": \"list\"}");
        String id = JsonPath.read(listed, "$.appointments[0].appointment_id");
        assertThat(id).isEqualTo(JsonPath.<String>read(booked, "$.appointment_id"));

        String moved = run(turn, "cancel_or_reschedule", """
                {"action": "reschedule", "appointment_id": "%s", "new_start": "%sT11:30"}""".formatted(id, monday));
        assertThat(JsonPath.<String>read(moved, "$.status")).isEqualTo("rescheduled");
        assertThat(JsonPath.<String>read(moved, "$.start")).isEqualTo(monday + "T11:30");

        String cancelled = run(turn, "cancel_or_reschedule", """
                {"action": "cancel", "appointment_id": "%s"}""".formatted(id));
        assertThat(JsonPath.<String>read(cancelled, "$.status")).isEqualTo("cancelled");
        assertThat(bookings.get(clinic.tenant(), com.zorahai.booking.AppointmentId.of(UUID.fromString(id)))
                .status()).isEqualTo(AppointmentStatus.CANCELLED);
    }

    @Test
    void badArgumentsAndRefusalsAreErrorsTheModelCanRead() {
        Clinic clinic = clinic("en");
        Turn turn = turn(clinic, "96171234567");
        turn.language = Language.EN;
        LocalDate sunday = LocalDate.now(BEIRUT).plusDays(7).with(TemporalAdjusters.next(DayOfWeek.SUNDAY));

        assertThat(run(turn, "check_availability", "not json")).contains("\"error\"");
        assertThat(run(turn, "check_availability", "[1]")).contains("must be a JSON object");
        assertThat(run(turn, "check_availability", "{\"service_id\": \"x\", \"date\": \"monday\"}"))
                .contains("YYYY-MM-DD");
        assertThat(run(turn, "check_availability", "{\"date\": \"2027-01-04\"}")).contains("service_id is required");
        assertThat(run(turn, "search_knowledge", "{}")).contains("query is required");
        assertThat(run(turn, "book_appointment", "{\"service_id\": \"%s\"}".formatted(clinic.laser())))
                .contains("\"error\"");
        assertThat(run(turn, "book_appointment", """
                {"service_id": "%s", "start": "%sT10:00"}""".formatted(clinic.laser(), sunday)))
                .contains("not_booked");
        assertThat(run(turn, "cancel_or_reschedule", "{\"action\": \"cancel\", \"appointment_id\": \"%s\"}"
                .formatted(UUID.randomUUID()))).contains("upcoming appointments");
        assertThat(run(turn, "cancel_or_reschedule", "{\"action\": \"list\"}")).isEqualTo("{\"appointments\":[]}");
        assertThat(run(turn, "send_flowers", "{}")).contains("there is no tool send_flowers");
        assertThat(run(turn, "handoff_to_human", "{\"reason\": \"asked\"}")).contains("handed_over");
        assertThat(turn.outcome).isEqualTo(Turn.Outcome.HANDED_OVER);
    }
}
