package com.zorahai.assistant.internal;

import com.zorahai.booking.Gender;
import com.zorahai.platform.Page;
import com.zorahai.tenancy.TenantId;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The assistant's tables: turns, conversation state and unanswered questions. Every query filters by tenant. */
@Repository("assistantStore")
class AssistantStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    AssistantStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Starts the turn of an inbound message; empty when that message already has one (a redelivery). The unique
     * constraint decides, so two deliveries racing each other cannot both answer.
     */
    Optional<UUID> claimTurn(TenantId tenant, UUID conversationId, UUID messageId, String messageType) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                insert into assistant_turns (id, tenant_id, conversation_id, inbound_message_id, message_type)
                values (:id, :tenant, :conversation, :message, :type)
                on conflict (inbound_message_id) do nothing""")
                .param("id", id)
                .param("tenant", tenant.value())
                .param("conversation", conversationId)
                .param("message", messageId)
                .param("type", messageType)
                .update();
        return inserted == 1 ? Optional.of(id) : Optional.empty();
    }

    void finishTurn(UUID turnId, String language, String intent, String engine, String outcome, long latencyMs,
            long promptTokens, long completionTokens) {
        jdbc.sql("""
                update assistant_turns set language = :language, intent = :intent, engine = :engine,
                       outcome = :outcome, latency_ms = :latency, prompt_tokens = :prompt,
                       completion_tokens = :completion
                 where id = :id""")
                .param("id", turnId)
                .param("language", language)
                .param("intent", intent)
                .param("engine", engine)
                .param("outcome", outcome)
                .param("latency", latencyMs)
                .param("prompt", promptTokens)
                .param("completion", completionTokens)
                .update();
    }

    /** The conversation's state, created when new, locked until the caller's transaction ends. */
    ConversationState lock(TenantId tenant, UUID conversationId) {
        int created = jdbc.sql("""
                insert into assistant_state (tenant_id, conversation_id) values (:tenant, :conversation)
                on conflict (tenant_id, conversation_id) do nothing""")
                .param("tenant", tenant.value())
                .param("conversation", conversationId)
                .update();
        ConversationState state = jdbc.sql("""
                select * from assistant_state where tenant_id = :tenant and conversation_id = :conversation
                   for update""")
                .param("tenant", tenant.value())
                .param("conversation", conversationId)
                .query((rs, row) -> state(rs))
                .single();
        state.isNew = created == 1;
        return state;
    }

    Optional<ConversationState> find(TenantId tenant, UUID conversationId) {
        return jdbc.sql("select * from assistant_state where tenant_id = :tenant and conversation_id = :conversation")
                .param("tenant", tenant.value())
                .param("conversation", conversationId)
                .query((rs, row) -> state(rs))
                .optional();
    }

    void save(TenantId tenant, ConversationState state) {
        jdbc.sql("""
                update assistant_state set language = :language, customer_name = :name, customer_gender = :gender,
                       flow = :flow, step = :step, service_id = :serviceId, service_name = :serviceName, day = :day,
                       slot_start = :slot, appointment_id = :appointment, offered = cast(:offered as jsonb),
                       failures = :failures, reminded_appointment = :reminded, reminded_at = :remindedAt,
                       updated_at = now()
                 where tenant_id = :tenant and conversation_id = :conversation""")
                .param("tenant", tenant.value())
                .param("conversation", state.conversationId)
                .param("language", state.language == null ? null : state.language.code())
                .param("name", state.customerName)
                .param("gender", state.gender == null ? null : state.gender.value())
                .param("flow", state.flow == null ? null : state.flow.name().toLowerCase())
                .param("step", state.step == null ? null : state.step.name().toLowerCase())
                .param("serviceId", state.serviceId)
                .param("serviceName", state.serviceName)
                .param("day", state.day == null ? null : Date.valueOf(state.day))
                .param("slot", offset(state.slotStart))
                .param("appointment", state.appointmentId)
                .param("offered", JSON.writeValueAsString(state.offered))
                .param("failures", state.failures)
                .param("reminded", state.remindedAppointment)
                .param("remindedAt", offset(state.remindedAt))
                .update();
    }

    /** Remembers that the conversation was just reminded of an appointment. */
    void reminded(TenantId tenant, UUID conversationId, UUID appointmentId, Instant at) {
        jdbc.sql("""
                insert into assistant_state (tenant_id, conversation_id, reminded_appointment, reminded_at)
                values (:tenant, :conversation, :appointment, :at)
                on conflict (tenant_id, conversation_id) do update
                   set reminded_appointment = excluded.reminded_appointment, reminded_at = excluded.reminded_at,
                       updated_at = now()""")
                .param("tenant", tenant.value())
                .param("conversation", conversationId)
                .param("appointment", appointmentId)
                .param("at", offset(at))
                .update();
    }

    /** A question the assistant could not answer, kept for the clinic's trainer. */
    record Unanswered(UUID id, UUID conversationId, String question, String language, Instant createdAt) {
    }

    Unanswered addUnanswered(TenantId tenant, UUID conversationId, String question, String language, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into assistant_unanswered (id, tenant_id, conversation_id, question, language, created_at)
                values (:id, :tenant, :conversation, :question, :language, :at)""")
                .param("id", id)
                .param("tenant", tenant.value())
                .param("conversation", conversationId)
                .param("question", question)
                .param("language", language)
                .param("at", offset(at))
                .update();
        return new Unanswered(id, conversationId, question, language, at);
    }

    Page<Unanswered> unanswered(TenantId tenant, int page, int size) {
        long total = jdbc.sql("select count(*) from assistant_unanswered where tenant_id = :tenant")
                .param("tenant", tenant.value())
                .query(Long.class)
                .single();
        List<Unanswered> items = jdbc.sql("""
                select id, conversation_id, question, language, created_at from assistant_unanswered
                 where tenant_id = :tenant order by created_at desc, id limit :size offset :offset""")
                .param("tenant", tenant.value())
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, row) -> new Unanswered(rs.getObject("id", UUID.class),
                        rs.getObject("conversation_id", UUID.class), rs.getString("question"),
                        rs.getString("language"), instant(rs, "created_at")))
                .list();
        return new Page<>(items, page, size, total);
    }

    Optional<Unanswered> findUnanswered(TenantId tenant, UUID id) {
        return jdbc.sql("""
                select id, conversation_id, question, language, created_at from assistant_unanswered
                 where tenant_id = :tenant and id = :id""")
                .param("tenant", tenant.value())
                .param("id", id)
                .query((rs, row) -> new Unanswered(rs.getObject("id", UUID.class),
                        rs.getObject("conversation_id", UUID.class), rs.getString("question"),
                        rs.getString("language"), instant(rs, "created_at")))
                .optional();
    }

    boolean deleteUnanswered(TenantId tenant, UUID id) {
        return jdbc.sql("delete from assistant_unanswered where tenant_id = :tenant and id = :id")
                .param("tenant", tenant.value())
                .param("id", id)
                .update() == 1;
    }

    private static ConversationState state(ResultSet rs) throws SQLException {
        ConversationState state = new ConversationState(rs.getObject("conversation_id", UUID.class));
        state.language = Language.of(rs.getString("language")).orElse(null);
        state.customerName = rs.getString("customer_name");
        state.gender = Gender.find(rs.getString("customer_gender")).orElse(null);
        state.flow = rs.getString("flow") == null
                ? null
                : ConversationState.Flow.valueOf(rs.getString("flow").toUpperCase());
        state.step = rs.getString("step") == null
                ? null
                : ConversationState.Step.valueOf(rs.getString("step").toUpperCase());
        state.serviceId = rs.getString("service_id");
        state.serviceName = rs.getString("service_name");
        Date day = rs.getDate("day");
        state.day = day == null ? null : day.toLocalDate();
        state.slotStart = instant(rs, "slot_start");
        state.appointmentId = rs.getObject("appointment_id", UUID.class);
        state.offered = new ArrayList<>(JSON.readValue(rs.getString("offered"), STRINGS));
        state.failures = rs.getInt("failures");
        state.remindedAppointment = rs.getObject("reminded_appointment", UUID.class);
        state.remindedAt = instant(rs, "reminded_at");
        return state;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime offset(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
