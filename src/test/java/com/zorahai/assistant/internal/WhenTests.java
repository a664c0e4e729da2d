package com.zorahai.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WhenTests {

    /** A Wednesday. */
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    @Test
    void relativeDaysAndWeekdays() {
        assertThat(When.day("tomorrow please", TODAY)).contains(LocalDate.of(2026, 12, 3));
        assertThat(When.day("demain", TODAY)).contains(LocalDate.of(2026, 12, 3));
        assertThat(When.day("بكرا", TODAY)).contains(LocalDate.of(2026, 12, 3));
        assertThat(When.day("après-demain", TODAY)).contains(LocalDate.of(2026, 12, 4));
        assertThat(When.day("Monday", TODAY)).contains(LocalDate.of(2026, 12, 7));
        assertThat(When.day("vendredi", TODAY)).contains(LocalDate.of(2026, 12, 4));
        assertThat(When.day("يوم الخميس", TODAY)).contains(LocalDate.of(2026, 12, 3));
        assertThat(When.day("today", TODAY)).contains(TODAY);
    }

    @Test
    void datesInNumbers() {
        assertThat(When.day("2026-12-10", TODAY)).contains(LocalDate.of(2026, 12, 10));
        assertThat(When.day("on 7/12", TODAY)).contains(LocalDate.of(2026, 12, 7));
        assertThat(When.day("1/1", TODAY)).contains(LocalDate.of(2027, 1, 1));
        assertThat(When.day("٧/١٢", TODAY)).contains(LocalDate.of(2026, 12, 7));
        assertThat(When.day("hello", TODAY)).isEmpty();
        assertThat(When.day("mon rendez-vous", TODAY)).isEmpty();
    }

    @Test
    void timesOfDay() {
        assertThat(When.time("10:30")).contains(LocalTime.of(10, 30));
        assertThat(When.time("at 3pm")).contains(LocalTime.of(15, 0));
        assertThat(When.time("15h30")).contains(LocalTime.of(15, 30));
        assertThat(When.time("vers 4")).contains(LocalTime.of(16, 0));
        assertThat(When.time("الساعة ١١")).contains(LocalTime.of(11, 0));
        assertThat(When.time("2")).isEmpty();
        assertThat(When.time("9 am")).contains(LocalTime.of(9, 0));
    }

    @Test
    void choiceNumbers() {
        assertThat(When.number("2")).contains(2);
        assertThat(When.number(" ٣ ")).contains(3);
        assertThat(When.number("2 please")).isEmpty();
    }

    @Test
    void timesAreSpreadOverTheDay() {
        List<ZonedDateTime> starts = new ArrayList<>();
        ZonedDateTime t = ZonedDateTime.of(TODAY, LocalTime.of(9, 0), ZoneId.of("Asia/Beirut"));
        while (t.getHour() < 18) {
            starts.add(t);
            t = t.plusMinutes(15);
        }
        List<ZonedDateTime> spread = BookingDialogue.spread(starts, 10);
        assertThat(spread).hasSize(10);
        assertThat(spread).allMatch(s -> s.getMinute() % 30 == 0);
        assertThat(spread.getFirst().getHour()).isEqualTo(9);
        assertThat(spread.getLast().getHour()).isGreaterThanOrEqualTo(16);
        assertThat(BookingDialogue.spread(starts.subList(0, 3), 10)).hasSize(3);
    }

    @Test
    void daysAreWrittenInTheCustomersLanguage() {
        LocalDate day = LocalDate.of(2026, 12, 7);
        assertThat(When.day(day, Language.EN)).isEqualTo("Monday 7 December");
        assertThat(When.day(day, Language.FR)).isEqualTo("lundi 7 décembre");
        assertThat(When.day(day, Language.AR)).contains("ديسمبر");
    }

    @Test
    void everyCatalogueHasEveryEnglishKey() {
        Catalogue catalogue = new Catalogue();
        assertThat(catalogue.keys(Language.FR)).containsAll(catalogue.keys(Language.EN));
        assertThat(catalogue.keys(Language.AR)).containsAll(catalogue.keys(Language.EN));
        assertThat(catalogue.text(Language.AR, "handover")).contains("فريقنا");
        assertThat(catalogue.text(Language.FR, "book.confirm", java.util.Map.of("service", "Laser", "day",
                "lundi 7 décembre", "time", "10:00"))).isEqualTo("Je réserve Laser le lundi 7 décembre à 10:00 ?");
    }
}
