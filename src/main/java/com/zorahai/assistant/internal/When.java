package com.zorahai.assistant.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Days and times as customers write them and as the assistant writes them back, in English, French and Arabic:
 * "tomorrow", "lundi", "الخميس", "7/12", "2026-12-07"; "10:30", "3pm", "15h30".
 */
final class When {

    private static final Map<String, Integer> RELATIVE = Map.ofEntries(Map.entry("today", 0),
            Map.entry("aujourd hui", 0), Map.entry("اليوم", 0), Map.entry("tomorrow", 1), Map.entry("demain", 1),
            Map.entry("بكرا", 1), Map.entry("بكره", 1), Map.entry("غدا", 1), Map.entry("بكرة", 1));
    private static final Map<String, Integer> AFTER_TOMORROW = Map.of("after tomorrow", 2, "apres demain", 2,
            "بعد بكرا", 2, "بعد بكره", 2, "بعد غد", 2);
    private static final List<Map.Entry<List<String>, DayOfWeek>> WEEKDAYS = List.of(
            Map.entry(List.of("monday", "lundi", "الاثنين", "التنين"), DayOfWeek.MONDAY),
            Map.entry(List.of("tuesday", "tue", "tues", "mardi", "ثلاثاء", "الثلاثاء", "تلاتا"), DayOfWeek.TUESDAY),
            Map.entry(List.of("wednesday", "wed", "mercredi", "اربعاء", "الاربعاء", "اربعا"), DayOfWeek.WEDNESDAY),
            Map.entry(List.of("thursday", "thu", "thurs", "jeudi", "خميس", "الخميس"), DayOfWeek.THURSDAY),
            Map.entry(List.of("friday", "fri", "vendredi", "جمعه", "الجمعه"), DayOfWeek.FRIDAY),
            Map.entry(List.of("saturday", "sat", "samedi", "سبت", "السبت"), DayOfWeek.SATURDAY),
            Map.entry(List.of("sunday", "sun", "dimanche", "الاحد"), DayOfWeek.SUNDAY));
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{1,2})-(\\d{1,2})\\b");
    private static final Pattern DAY_MONTH = Pattern
            .compile("\\b(\\d{1,2})\\s*/\\s*(\\d{1,2})(?:\\s*/\\s*(\\d{2,4}))?\\b");
    private static final Pattern TIME = Pattern.compile(
            "(?<![\\d/])(\\d{1,2})(?:\\s*(?::|h|\\.)\\s*(\\d{2}))?\\s*(am|pm|a m|p m|h|ص|م|صباحا|مساء|الصبح|الظهر|بعد الظهر)?(?![\\d/])");

    private static final Pattern AT = Pattern.compile("(?:\\bat|\\ba|\\bvers|الساعه|عالساعه|ع الساعه)\\s*$");

    private When() {
    }

    /** The day the folded text names, on or after {@code today}. */
    static Optional<LocalDate> day(String text, LocalDate today) {
        String folded = Keywords.fold(text);
        for (Map.Entry<String, Integer> e : AFTER_TOMORROW.entrySet()) {
            if (Keywords.matchesAny(folded, List.of(e.getKey()))) {
                return Optional.of(today.plusDays(e.getValue()));
            }
        }
        for (Map.Entry<String, Integer> e : RELATIVE.entrySet()) {
            if (Keywords.matchesAny(folded, List.of(e.getKey()))) {
                return Optional.of(today.plusDays(e.getValue()));
            }
        }
        String digits = digits(text);
        Matcher iso = ISO.matcher(digits);
        if (iso.find()) {
            try {
                return Optional.of(LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                        Integer.parseInt(iso.group(3))));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
        Matcher dm = DAY_MONTH.matcher(digits);
        if (dm.find()) {
            try {
                MonthDay md = MonthDay.of(Integer.parseInt(dm.group(2)), Integer.parseInt(dm.group(1)));
                LocalDate date = md.atYear(today.getYear());
                return Optional.of(date.isBefore(today) ? md.atYear(today.getYear() + 1) : date);
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
        for (Map.Entry<List<String>, DayOfWeek> e : WEEKDAYS) {
            if (Keywords.matchesAny(folded, e.getKey())) {
                return Optional.of(today.with(TemporalAdjusters.nextOrSame(e.getValue())));
            }
        }
        return Optional.empty();
    }

    /**
     * The time of day the text names: "10:30", "3pm", "15h", "الساعة 4". An hour before 8 without am/pm is read as
     * afternoon, as clinics are closed at night.
     */
    static Optional<LocalTime> time(String text) {
        String folded = Keywords.fold(text);
        Matcher m = TIME.matcher(folded);
        while (m.find()) {
            int hour = Integer.parseInt(m.group(1));
            int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
            String suffix = m.group(3) == null ? "" : m.group(3).replace(" ", "");
            if (m.group(2) == null && suffix.isEmpty() && !AT.matcher(folded.substring(0, m.start())).find()) {
                continue; // a bare number is a choice, not a time
            }
            if (hour > 23 || minute > 59) {
                continue;
            }
            if ((suffix.equals("pm") || suffix.equals("م") || suffix.equals("مساء") || suffix.equals("بعدالظهر")
                    || suffix.equals("الظهر")) && hour < 12) {
                hour += 12;
            } else if ((suffix.equals("am") || suffix.equals("ص") || suffix.equals("صباحا")
                    || suffix.equals("الصبح")) && hour == 12) {
                hour = 0;
            } else if (suffix.isEmpty() || suffix.equals("h")) {
                if (hour < 8) {
                    hour += 12;
                }
            }
            return Optional.of(LocalTime.of(hour, minute));
        }
        return Optional.empty();
    }

    /** The text with Arabic-Indic digits as 0-9. */
    static String digits(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c >= '\u0660' && c <= '\u0669') {
                out.append((char) ('0' + (c - '\u0660')));
            } else if (c >= '\u06F0' && c <= '\u06F9') {
                out.append((char) ('0' + (c - '\u06F0')));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A bare choice number ("2", "٢"), if that is all the text is. */
    static Optional<Integer> number(String text) {
        String folded = Keywords.fold(text);
        if (folded.matches("\\d{1,2}")) {
            return Optional.of(Integer.parseInt(folded));
        }
        return Optional.empty();
    }

    /** "Monday 7 December", "lundi 7 décembre", "الاثنين 7 ديسمبر". */
    static String day(LocalDate day, Language language) {
        return DateTimeFormatter.ofPattern("EEEE d MMMM", language.locale()).format(day);
    }

    /** "Mon 7 Dec", short enough for a list row with a time after it. */
    static String shortDay(LocalDate day, Language language) {
        return DateTimeFormatter.ofPattern("EEE d MMM", language.locale()).format(day);
    }

    static String time(ZonedDateTime time) {
        return DateTimeFormatter.ofPattern("HH:mm").format(time);
    }
}
