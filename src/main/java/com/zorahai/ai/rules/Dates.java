package com.zorahai.ai.rules;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Travel dates in the shapes people write them; a date without a year is the next one after the email arrived. */
final class Dates {

    static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final String DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
    private static final String YEAR = "(?:,?\\s+('?\\d{4}|'\\d{2}))?";
    private static final String TO = "\\s*(?:-|–|—|to|until|till|through|thru|and)\\s*";
    private static final int FLAGS = Pattern.CASE_INSENSITIVE;

    /** 14-21 March 2027, the 3rd to the 10th of July. */
    private static final Pattern DAY_RANGE = Pattern.compile("(?<![\\d/.-])(?:the\\s+)?" + DAY + TO + "(?:the\\s+)?"
            + DAY + "\\s+(?:of\\s+)?" + MONTH + "\\b" + YEAR, FLAGS);
    /** July 3-10, 2027. */
    private static final Pattern MONTH_FIRST_RANGE = Pattern.compile("\\b" + MONTH + "\\s+" + DAY + TO + DAY
            + "(?![\\d/])\\b" + YEAR, FLAGS);
    /** 14 March 2027, the 3rd of July. */
    private static final Pattern DAY_MONTH = Pattern.compile("(?<![\\d/.-])(?:the\\s+)?" + DAY + "\\s+(?:of\\s+)?"
            + MONTH + "\\b" + YEAR, FLAGS);
    /** March 14, 2027. */
    private static final Pattern MONTH_DAY = Pattern.compile("\\b" + MONTH + "\\s+(?:the\\s+)?" + DAY
            + "(?![\\d:])\\b" + YEAR, FLAGS);
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern NUMERIC = Pattern
            .compile("(?<![\\d/.])(\\d{1,2})([/.])(\\d{1,2})\\2(\\d{4}|\\d{2})(?![\\d/]|\\.\\d)");
    private static final Pattern MONTH_ONLY = Pattern.compile(
            "\\b(?:in|during|around|over|for|early|mid|late|end of|beginning of|start of)[\\s-]+(?:the\\s+)?(?:month\\s+of\\s+)?(?:early[\\s-]+|mid[\\s-]+|late[\\s-]+)?"
                    + MONTH + "\\b" + YEAR,
            FLAGS);
    private static final Pattern RANGE_GAP = Pattern
            .compile("^\\s*,?\\s*(?:(?:and\\s+)?(?:-|–|—|to|until|till|through|thru|and|"
                    + "return(?:ing)?|back|depart(?:ing)?|leav(?:e|ing)|check(?:ing)?[- ]out|fly(?:ing)? back|com(?:e|ing) back|home)"
                    + "(?:\\s+(?:on|home|back))?)?\\s*(?:the\\s+)?$", FLAGS);

    /** A date found in the text. */
    record Mention(LocalDate date, int start, int end, double confidence) {
    }

    /** A stay found in the text. */
    record Range(Mention from, Mention to) {
    }

    private final LocalDate today;

    Dates(LocalDate today) {
        this.today = today;
    }

    /** The first stay (check-in and check-out) written in {@code text[from, to)}, or null. */
    Range range(String text, int from, int to) {
        List<Range> ranges = new ArrayList<>();
        Matcher m = DAY_RANGE.matcher(text).region(from, to);
        while (m.find()) {
            LocalDate end = date(m.group(4), m.group(2), m.group(3));
            LocalDate start = end == null ? null : startBefore(end, Integer.parseInt(m.group(1)), end.getMonthValue());
            if (start != null) {
                ranges.add(new Range(new Mention(start, m.start(), m.end(), 0.9),
                        new Mention(end, m.start(), m.end(), 0.9)));
            }
        }
        m = MONTH_FIRST_RANGE.matcher(text).region(from, to);
        while (m.find()) {
            LocalDate end = date(m.group(4), m.group(3), m.group(1));
            LocalDate start = end == null ? null : startBefore(end, Integer.parseInt(m.group(2)), end.getMonthValue());
            if (start != null) {
                ranges.add(new Range(new Mention(start, m.start(), m.end(), 0.9),
                        new Mention(end, m.start(), m.end(), 0.9)));
            }
        }
        List<Mention> singles = singles(text, from, to);
        for (int i = 0; i + 1 < singles.size(); i++) {
            Mention a = singles.get(i);
            Mention b = singles.get(i + 1);
            if (b.start() >= a.end() && RANGE_GAP.matcher(text.substring(a.end(), b.start())).matches()) {
                LocalDate end = b.date();
                LocalDate start = a.date();
                if (end.isBefore(start) && !end.plusYears(1).isBefore(start)) {
                    end = end.plusYears(1);
                }
                if (!end.isBefore(start) && start.plusDays(120).isAfter(end)) {
                    ranges.add(new Range(a,
                            new Mention(end, b.start(), b.end(), Math.min(a.confidence(), b.confidence()))));
                }
            }
        }
        return ranges.stream().min(Comparator.comparingInt(r -> r.from().start())).orElse(null);
    }

    /** Every single date in {@code text[from, to)}, in order, without overlaps. */
    List<Mention> singles(String text, int from, int to) {
        List<Mention> found = new ArrayList<>();
        Matcher m = ISO.matcher(text).region(from, to);
        while (m.find()) {
            add(found, exact(m.group(1), m.group(2), m.group(3)), m, 0.95);
        }
        m = NUMERIC.matcher(text).region(from, to);
        while (m.find()) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(3));
            String year = m.group(4).length() == 2 ? "20" + m.group(4) : m.group(4);
            // day first (most of the world) unless that cannot be a date
            boolean monthFirst = b > 12 && a <= 12;
            add(found, exact(year, String.valueOf(monthFirst ? a : b), String.valueOf(monthFirst ? b : a)), m,
                    a <= 12 && b <= 12 ? 0.8 : 0.9);
        }
        m = DAY_MONTH.matcher(text).region(from, to);
        while (m.find()) {
            add(found, date(m.group(3), m.group(1), m.group(2)), m, m.group(3) == null ? 0.85 : 0.95);
        }
        m = MONTH_DAY.matcher(text).region(from, to);
        while (m.find()) {
            add(found, date(m.group(3), m.group(2), m.group(1)), m, m.group(3) == null ? 0.8 : 0.9);
        }
        found.sort(Comparator.comparingInt(Mention::start));
        return found;
    }

    /** A travel month ("in July", "late December 2027") in {@code text[from, to)}, or null. */
    MonthMention month(String text, int from, int to) {
        Matcher m = MONTH_ONLY.matcher(text).region(from, to);
        if (!m.find()) {
            return null;
        }
        int month = monthNumber(m.group(1));
        int year = today.getYear();
        if (m.group(2) != null) {
            year = year(m.group(2));
        } else if (month < today.getMonthValue()) {
            year++;
        }
        return new MonthMention(YearMonth.of(year, month), m.start(1), m.end(), m.group(2) == null ? 0.75 : 0.85);
    }

    record MonthMention(YearMonth month, int start, int end, double confidence) {
    }

    private static void add(List<Mention> found, LocalDate date, Matcher m, double confidence) {
        if (date != null && found.stream().noneMatch(f -> f.start() < m.end() && m.start() < f.end())) {
            found.add(new Mention(date, m.start(), m.end(), confidence));
        }
    }

    private static LocalDate exact(String year, String month, String day) {
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    /** A date from words; without a year, the next occurrence on or after today. */
    private LocalDate date(String year, String day, String monthName) {
        int month = monthNumber(monthName);
        int d;
        try {
            d = Integer.parseInt(day);
            if (year != null) {
                return LocalDate.of(year(year), month, d);
            }
            MonthDay monthDay = MonthDay.of(month, d);
            LocalDate candidate = monthDay.atYear(today.getYear());
            return candidate.isBefore(today) ? monthDay.atYear(today.getYear() + 1) : candidate;
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate startBefore(LocalDate end, int day, int month) {
        try {
            LocalDate start = LocalDate.of(end.getYear(), month, day);
            return start.isAfter(end) ? null : start;
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int year(String text) {
        String digits = text.replace("'", "");
        return digits.length() == 2 ? 2000 + Integer.parseInt(digits) : Integer.parseInt(digits);
    }

    static int monthNumber(String name) {
        String key = name.toLowerCase(Locale.ROOT).substring(0, 3);
        return switch (key) {
            case "jan" -> 1;
            case "feb" -> 2;
            case "mar" -> 3;
            case "apr" -> 4;
            case "may" -> 5;
            case "jun" -> 6;
            case "jul" -> 7;
            case "aug" -> 8;
            case "sep" -> 9;
            case "oct" -> 10;
            case "nov" -> 11;
            default -> 12;
        };
    }
}
