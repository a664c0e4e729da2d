package com.zorahai.analytics.internal;

import com.zorahai.analytics.UnansweredQuestion;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The daily report of one tenant: the day's conversations, bookings and hand-overs and the questions most often left
 * unanswered, written as a WhatsApp message, as WhatsApp template parameters and as an email model.
 */
record DailyReport(String tenantName, LocalDate date, Summary summary, List<UnansweredQuestion> topQuestions) {

    static final int MAX_QUESTION = 200;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    /** The free-form WhatsApp message (WhatsApp's bold is {@code *...*}). */
    String text() {
        Summary.Conversations c = summary.conversations();
        Summary.Bookings b = summary.bookings();
        StringBuilder text = new StringBuilder();
        text.append('*').append(tenantName).append("*: daily report for ").append(DAY.format(date)).append("\n\n");
        text.append("Conversations: ").append(c.conversations()).append(" (").append(c.messagesReceived())
                .append(" messages received)\n");
        text.append("Bot answered: ").append(c.messagesAnswered()).append(" of ")
                .append(c.messagesAnswered() + c.unanswered()).append(" (").append(percent(c.botAnswerRate()))
                .append(")\n");
        text.append("Bookings: ").append(b.made()).append(" made, ").append(b.cancelled()).append(" cancelled, ")
                .append(b.noShows()).append(b.noShows() == 1 ? " no-show\n" : " no-shows\n");
        text.append("Hand-overs to staff: ").append(c.handOvers()).append('\n');
        if (topQuestions.isEmpty()) {
            text.append("\nNo unanswered questions.");
        } else {
            text.append("\nTop unanswered questions:");
            for (int i = 0; i < topQuestions.size(); i++) {
                UnansweredQuestion q = topQuestions.get(i);
                text.append('\n').append(i + 1).append(". ").append(shorten(q.question())).append(" (")
                        .append(q.occurrences()).append("×)");
            }
        }
        return text.toString();
    }

    /**
     * The template's parameters, in order: tenant, date, conversations, bookings, hand-overs, top question. Template
     * parameters may not hold line breaks, tabs or runs of spaces.
     */
    List<String> templateParameters() {
        List<String> parameters = new ArrayList<>();
        parameters.add(oneLine(tenantName));
        parameters.add(DAY.format(date));
        parameters.add(String.valueOf(summary.conversations().conversations()));
        parameters.add(String.valueOf(summary.bookings().made()));
        parameters.add(String.valueOf(summary.conversations().handOvers()));
        parameters.add(topQuestions.isEmpty() ? "-" : oneLine(shorten(topQuestions.getFirst().question())));
        return parameters;
    }

    String subject() {
        return "Daily report for " + DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).format(date);
    }

    /** The model of the {@code analytics-daily-report} email template. */
    Map<String, Object> emailModel() {
        Summary.Conversations c = summary.conversations();
        Summary.Bookings b = summary.bookings();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("date", date);
        model.put("conversations", c.conversations());
        model.put("messagesReceived", c.messagesReceived());
        model.put("messagesAnswered", c.messagesAnswered());
        model.put("answerRate", percent(c.botAnswerRate()));
        model.put("handOvers", c.handOvers());
        model.put("bookingsMade", b.made());
        model.put("bookingsCancelled", b.cancelled());
        model.put("noShows", b.noShows());
        model.put("questions", topQuestions.stream()
                .map(q -> Map.<String, Object>of("question", shorten(q.question()), "count", q.occurrences()))
                .toList());
        return model;
    }

    private static String percent(double rate) {
        return Math.round(rate * 100) + "%";
    }

    private static String shorten(String question) {
        String line = oneLine(question);
        return line.length() <= MAX_QUESTION ? line : line.substring(0, MAX_QUESTION - 1) + "…";
    }

    private static String oneLine(String value) {
        return value == null ? "" : value.replaceAll("\\s+", " ").strip();
    }
}
