package com.zorahai.tickets.web;

import com.zorahai.tickets.TicketPriority;
import com.zorahai.tickets.internal.Ticket;
import com.zorahai.tickets.internal.TicketRecords.ReplyDraft;
import com.zorahai.tickets.internal.TicketRecords.TicketDraft;
import com.zorahai.tickets.internal.TicketReply;
import com.zorahai.tickets.internal.TicketSettings;
import com.zorahai.tickets.internal.TicketSettingsService;
import com.zorahai.tickets.internal.TicketSettingsService.SettingsDraft;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The JSON shapes of the tickets API.
 */
final class TicketJson {

    private TicketJson() {
    }

    /** A ticket as staff create it. */
    record TicketRequest(String subject, String body, String channel, String clientId, String requesterEmail,
            String requesterName, String requesterPhone, String priority, String assigneeId, Instant openedAt,
            String sourceReference) {

        TicketDraft draft() {
            return new TicketDraft(subject, body, channel, clientId, requesterEmail, requesterName, requesterPhone,
                    priority, assigneeId, openedAt, sourceReference);
        }
    }

    record RequesterJson(String email, String name, String phone) {
    }

    /** A ticket in a list: everything but its body and conversation. */
    record TicketSummary(String id, String subject, String channel, String status, String priority, String clientId,
            RequesterJson requester, UUID assigneeId, Instant openedAt, Instant slaDueAt, boolean slaBreached,
            Instant firstResponseAt, Instant resolvedAt, Instant closedAt, Instant updatedAt, Instant erasedAt) {

        static TicketSummary of(Ticket t, Instant now) {
            return new TicketSummary(t.id().toString(), t.subject(), t.channel().value(), t.status().value(),
                    t.priority().value(), t.clientId() == null ? null : t.clientId().toString(),
                    new RequesterJson(t.requesterEmail(), t.requesterName(), t.requesterPhone()), t.assigneeId(),
                    t.openedAt(), t.slaDueAt(), t.slaBreached(now), t.firstResponseAt(), t.resolvedAt(),
                    t.closedAt(), t.updatedAt(), t.erasedAt());
        }
    }

    /**
     * A ticket with its conversation.
     *
     * @param slaBreached whether the first response came (or, still missing, is) later than {@code sla_due_at}
     * @param firstResponseAt the first reply to the requester, or the resolution when it came first
     */
    record TicketResponse(String id, String subject, String body, String channel, String status, String priority,
            String clientId, RequesterJson requester, UUID assigneeId, String sourceReference, Instant openedAt,
            Instant slaDueAt, boolean slaBreached, Instant firstResponseAt, Instant resolvedAt, Instant closedAt,
            UUID createdBy, Instant createdAt, Instant updatedAt, Instant erasedAt, List<ReplyResponse> replies) {

        static TicketResponse of(Ticket t, List<TicketReply> replies, Instant now) {
            return new TicketResponse(t.id().toString(), t.subject(), t.body(), t.channel().value(),
                    t.status().value(), t.priority().value(), t.clientId() == null ? null : t.clientId().toString(),
                    new RequesterJson(t.requesterEmail(), t.requesterName(), t.requesterPhone()), t.assigneeId(),
                    t.sourceReference(), t.openedAt(), t.slaDueAt(), t.slaBreached(now), t.firstResponseAt(),
                    t.resolvedAt(), t.closedAt(), t.createdBy(), t.createdAt(), t.updatedAt(), t.erasedAt(),
                    replies.stream().map(ReplyResponse::of).toList());
        }
    }

    /** A staff reply. */
    record ReplyRequest(String body, String status) {

        ReplyDraft draft() {
            return new ReplyDraft(body, status);
        }
    }

    /**
     * @param delivery {@code email} (see {@code email_id}), {@code channel} (delivered by the channel's module) or
     *        {@code none} (a message of the requester)
     * @param messageId the {@code Message-ID} of the emailed reply, or of the requester's email
     */
    record ReplyResponse(UUID id, String direction, String body, UUID authorId, String fromAddress, String fromName,
            String toAddress, String delivery, UUID emailId, String messageId, Instant createdAt) {

        static ReplyResponse of(TicketReply r) {
            return new ReplyResponse(r.id(), r.direction().value(), r.body(), r.authorId(), r.fromAddress(),
                    r.fromName(), r.toAddress(), r.delivery(), r.emailId(), r.sourceReference(), r.createdAt());
        }
    }

    record HoursJson(String start, String end) {
    }

    /** Business hours and response times; a missing field takes its default. */
    record SettingsRequest(String timeZone, List<String> workingDays, HoursJson workingHours,
            Map<String, Integer> slaHours) {

        SettingsDraft draft() {
            return new SettingsDraft(timeZone, workingDays, workingHours == null ? null : workingHours.start(),
                    workingHours == null ? null : workingHours.end(), slaHours);
        }
    }

    /**
     * @param timeZone the zone in effect
     * @param timeZoneSource {@code settings} when set here, {@code tenant} when it is the tenant's own time zone
     */
    record SettingsResponse(String timeZone, String timeZoneSource, List<String> workingDays,
            HoursJson workingHours, Map<String, Integer> slaHours, Instant updatedAt) {

        static SettingsResponse of(TicketSettings s) {
            Map<String, Integer> sla = new LinkedHashMap<>();
            for (TicketPriority priority : TicketPriority.values()) {
                sla.put(priority.value(), s.slaHours().get(priority));
            }
            return new SettingsResponse(s.zone().getId(), s.timeZone() == null ? "tenant" : "settings",
                    s.workingDays().stream().map(TicketJson::day).toList(),
                    new HoursJson(TicketSettingsService.time(s.startMinute()),
                            TicketSettingsService.time(s.endMinute())),
                    sla, s.updatedAt());
        }
    }

    private static String day(DayOfWeek day) {
        return day.name().substring(0, 3).toLowerCase(Locale.ROOT);
    }
}
