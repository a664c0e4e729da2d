package com.zorahai.telephony.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.telephony.VapiPosts;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reading VAPI's end-of-call report.
 */
class VapiPayloadsTests {

    private static CallReport read(String endedReason, String callType, String structured) {
        Map<String, String> values = new HashMap<>();
        values.put("CALL_ID", "call-1");
        values.put("CUSTOMER", "+27825550111");
        values.put("ENDED_REASON", endedReason);
        values.put("CALL_TYPE", callType);
        values.put("PHONE_ID", "pn-1");
        values.put("NUMBER", "+15005550006");
        values.put("STRUCTURED", structured);
        return VapiPayloads.report(VapiPayloads.JSON.readTree(VapiPosts.of("end-of-call-report", values))
                .path("message"));
    }

    @Test
    void theReportIsReadExactly() {
        CallReport report = read("customer-ended-call", "inboundPhoneCall", "{\"travellers\":4}");

        assertThat(report.vapiCallId()).isEqualTo("call-1");
        assertThat(report.direction()).isEqualTo("inbound");
        assertThat(report.vapiPhoneNumberId()).isEqualTo("pn-1");
        assertThat(report.phoneNumber()).isEqualTo("+15005550006");
        assertThat(report.customerNumber()).isEqualTo("+27825550111");
        assertThat(report.startedAt()).isEqualTo(Instant.parse("2026-11-25T10:00:01Z"));
        assertThat(report.durationSeconds()).isEqualTo(192);
        assertThat(report.costUsd()).isEqualByComparingTo("0.1873");
        assertThat(report.costUsd().toPlainString()).isEqualTo("0.1873");
        assertThat(report.turns()).extracting(CallReport.Turn::speaker)
                .containsExactly("assistant", "customer", "assistant", "customer");
        assertThat(report.turns().get(1).secondsFromStart()).isEqualByComparingTo("5.1");
        assertThat(report.summary()).contains("Cape Town");
        assertThat(report.structuredData()).containsEntry("travellers", 4);
        assertThat(report.recordingUrl()).isEqualTo("https://storage.vapi.ai/call-1-stereo.wav");
        assertThat(report.outcome()).isEqualTo("completed");
        assertThat(report.doNotCall()).isFalse();
    }

    @Test
    void anOutboundCallTheCalleeRefusedAndAskedNotToBeCalledAgain() {
        CallReport report = read("assistant-ended-call", "outboundPhoneCall",
                "{\"outcome\":\"refused\",\"do_not_call\":true}");
        assertThat(report.direction()).isEqualTo("outbound");
        assertThat(report.outcome()).isEqualTo("refused");
        assertThat(report.doNotCall()).isTrue();
        assertThat(CallReports.summary(report)).isEqualTo("Outbound call, 3 min 12 s, refused");
    }

    @Test
    void liveLinesNameTheSpeaker() {
        Map<String, Object> line = VapiPayloads.liveLine(VapiPayloads.JSON.readTree(VapiPosts.of("transcript",
                Map.of("CALL_ID", "c", "CUSTOMER", "+1", "TRANSCRIPT_TYPE", "final"))).path("message"));
        assertThat(line).containsEntry("speaker", "customer").containsKey("at");
        assertThat(line.get("text").toString()).contains("Cape Town");
    }
}
