package com.zorahai.telephony.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * An end-of-call report of a long call, shaped like VAPI's: a turn every few seconds with artifact messages, the
 * plain transcript, costs and analysis.
 */
public final class LongCallReport {

    private static final String[] CUSTOMER = {
            "Hi, I'm calling about the family trip to Cape Town we discussed last week.",
            "We're four adults and two children, the kids are seven and eleven.",
            "Ideally the second half of December, maybe from the eighteenth to the twenty-eighth.",
            "A sea-facing hotel would be lovely, breakfast included if possible.",
            "Could you also check flights from Johannesburg on the morning of the eighteenth?",
            "What would the total come to, roughly, with the transfers?"};
    private static final String[] ASSISTANT = {
            "Of course, let me pull up the details of your request.",
            "Thank you. For six travellers I'll look for family rooms or two connecting rooms.",
            "The eighteenth to the twenty-eighth of December works; that is ten nights in peak season.",
            "There are sea-facing options in Camps Bay and Sea Point with breakfast included.",
            "There are three morning departures from Johannesburg to Cape Town on the eighteenth.",
            "A consultant will send you a full quote by email today, including transfers and taxes."};

    private LongCallReport() {
    }

    public static String of(String callId, String customer, Duration length) {
        Instant start = Instant.parse("2026-11-25T09:00:00Z");
        long seconds = length.toSeconds();
        StringBuilder messages = new StringBuilder();
        StringBuilder transcript = new StringBuilder();
        int turn = 0;
        for (long at = 1; at < seconds; at += 6, turn++) {
            boolean user = turn % 2 == 1;
            String said = (user ? CUSTOMER : ASSISTANT)[turn / 2 % 6];
            if (messages.length() > 0) {
                messages.append(',');
            }
            long time = start.toEpochMilli() + at * 1000;
            messages.append(String.format(Locale.ROOT,
                    "{\"role\":\"%s\",\"message\":\"%s\",\"time\":%d,\"endTime\":%d,\"secondsFromStart\":%d.%02d,"
                            + "\"duration\":4200%s}",
                    user ? "user" : "bot", said, time, time + 4200, at, turn % 100, user ? "" : ",\"source\":\"\""));
            transcript.append(user ? "User: " : "AI: ").append(said).append("\\n");
        }
        return """
                {"message":{"timestamp":%d,"type":"end-of-call-report","endedReason":"customer-ended-call",
                "call":{"id":"%s","orgId":"0b9b1c5e-2f5a-4c1e-9d55-6f0e8d3c2a11","type":"inboundPhoneCall",
                "status":"ended","phoneNumberId":"pn-bench","assistantId":"asst-bench",
                "customer":{"number":"%s"},"startedAt":"%s","endedAt":"%s"},
                "phoneNumber":{"id":"pn-bench","number":"+15005550006","provider":"twilio"},
                "customer":{"number":"%s"},"startedAt":"%s","endedAt":"%s","durationSeconds":%d.0,
                "cost":1.1342,"costs":[{"type":"transport","provider":"twilio","minutes":%d,"cost":0.17},
                {"type":"vapi","subType":"normal","minutes":%d,"cost":0.2}],
                "artifact":{"messages":[%s],"transcript":"%s",
                "recording":{"stereoUrl":"https://storage.vapi.ai/%s-stereo.wav"}},
                "analysis":{"summary":"A family of six asked about ten nights in Cape Town in December.",
                "structuredData":{"outcome":"completed","travellers":6},"successEvaluation":"true"}}}"""
                .formatted(start.plus(length).toEpochMilli(), callId, customer, start, start.plus(length), customer,
                        start, start.plus(length), seconds, seconds / 60, seconds / 60, messages, transcript,
                        callId);
    }
}
