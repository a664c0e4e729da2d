package com.zorahai.booking.web;

import com.zorahai.booking.Channel;
import com.zorahai.booking.Gender;
import com.zorahai.booking.internal.Inputs;
import com.zorahai.crm.ClientId;
import com.zorahai.platform.FieldErrors;
import com.zorahai.platform.Page;
import com.zorahai.platform.ProblemException;
import com.zorahai.platform.web.JsonFieldPaths;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading request values: times in the tenant's zone, enums, ids and merge patches, each failure naming its field.
 */
final class Requests {

    private Requests() {
    }

    /**
     * An ISO date-time: with an offset it is that instant; without one it is read in {@code zone} (a time the clocks
     * skip is refused, a repeated one is its first occurrence).
     */
    static Instant instant(String value, ZoneId zone, String field, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException ex) {
            // no offset: a wall-clock time of the clinic
        }
        try {
            LocalDateTime local = LocalDateTime.parse(text);
            ZonedDateTime zoned = ZonedDateTime.ofLocal(local, zone, null);
            if (!zoned.toLocalDateTime().equals(local)) {
                errors.add(field, "does not exist in " + zone.getId() + " (the clocks skip it)");
                return null;
            }
            return zoned.toInstant();
        } catch (DateTimeParseException ex) {
            errors.add(field, "must be an ISO date-time such as 2026-12-01T10:00:00+02:00");
            return null;
        }
    }

    static Gender gender(String value, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Gender.find(value).orElseGet(() -> {
            errors.add("gender", "must be female or male");
            return null;
        });
    }

    static Channel channel(String value, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Channel.find(value).orElseGet(() -> {
            errors.add("channel", "must be whatsapp, phone, web or staff");
            return null;
        });
    }

    static ClientId clientId(String value, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ClientId.of(UUID.fromString(value.strip()));
        } catch (IllegalArgumentException ex) {
            errors.add("client_id", "must be a UUID");
            return null;
        }
    }

    /** A path id; 404 {@code <what>-not-found} when it is not a UUID (no such record can exist). */
    static UUID id(String value, String what) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException ex) {
            throw ProblemException.notFound(what, value.length() > 64 ? value.substring(0, 64) : value);
        }
    }

    /** An in-memory list as one page. */
    static <T> Page<T> page(List<T> all, Integer page, Integer size, int maxSize) {
        FieldErrors errors = new FieldErrors();
        int[] paging = Inputs.paging(errors, page, size, maxSize);
        errors.throwIfAny();
        long from = Math.min((long) paging[0] * paging[1], all.size());
        long to = Math.min(from + paging[1], all.size());
        return new Page<>(all.subList((int) from, (int) to), paging[0], paging[1], all.size());
    }

    /** A merge-patch body read as {@code type}, with the names of the fields it sets. */
    record Patch<T>(T value, Set<String> fields) {
    }

    static <T> Patch<T> patch(JsonMapper json, JsonNode body, Class<T> type) {
        if (body == null || !body.isObject()) {
            throw ProblemException.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                    "The request body must be a JSON object.");
        }
        try {
            return new Patch<>(json.treeToValue(body, type), Set.copyOf(body.propertyNames()));
        } catch (DatabindException ex) {
            throw ProblemException.invalidField(JsonFieldPaths.of(ex), ex instanceof UnrecognizedPropertyException
                    ? "is not a known field"
                    : "has an invalid value");
        }
    }
}
