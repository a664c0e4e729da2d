package com.zorahai.analytics.internal;

import com.zorahai.analytics.UnansweredQuestion;
import com.zorahai.platform.Page;
import com.zorahai.tenancy.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Unanswered questions and their groups. A new question joins the open group of the tenant it is most similar to
 * (see {@link QuestionSimilarity}), or starts a group of its own. Groups of one tenant are assigned one question at a
 * time (a transaction-scoped advisory lock), so two similar questions arriving together still end in one group.
 */
@Repository
public class UnansweredGroups {

    static final int MAX_QUESTION = 2000;
    private static final int EXAMPLES = 5;

    private final JdbcClient jdbc;
    private final QuestionSimilarity similarity;
    private final int maxCandidates;

    UnansweredGroups(JdbcClient jdbc, AnalyticsProperties properties) {
        this.jdbc = jdbc;
        this.similarity = new QuestionSimilarity(properties.unanswered().jaccardThreshold(),
                properties.unanswered().trigramThreshold());
        this.maxCandidates = properties.unanswered().maxCandidates();
    }

    /** Files the question of a new event under its group; returns the group id. Runs in the caller's transaction. */
    UUID add(TenantId tenant, UUID eventId, String question, String channel, Instant askedAt) {
        String text = question.strip();
        if (text.length() > MAX_QUESTION) {
            text = text.substring(0, MAX_QUESTION);
        }
        String normalized = QuestionSimilarity.normalize(text);
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param("unanswered:" + tenant.value())
                .query((rs, n) -> 1).list();
        UUID group = bestMatch(tenant, normalized).orElse(null);
        Timestamp at = Timestamp.from(askedAt);
        if (group == null) {
            group = UUID.randomUUID();
            jdbc.sql("""
                    insert into unanswered_groups (id, tenant_id, question, normalized, occurrences, first_asked_at,
                        last_asked_at, status)
                    values (?, ?, ?, ?, 1, ?, ?, 'open')""")
                    .params(group, tenant.value(), text, normalized, at, at)
                    .update();
        } else {
            jdbc.sql("""
                    update unanswered_groups set occurrences = occurrences + 1,
                        first_asked_at = least(first_asked_at, ?), last_asked_at = greatest(last_asked_at, ?)
                    where id = ?""")
                    .params(at, at, group)
                    .update();
        }
        jdbc.sql("insert into unanswered_questions (event_id, tenant_id, group_id, question, channel, asked_at)"
                + " values (?, ?, ?, ?, ?, ?)")
                .params(eventId, tenant.value(), group, text, channel, at)
                .update();
        return group;
    }

    private Optional<UUID> bestMatch(TenantId tenant, String normalized) {
        record Candidate(UUID id, String normalized) {
        }
        List<Candidate> candidates = jdbc.sql("select id, normalized from unanswered_groups"
                + " where tenant_id = ? and status = 'open' order by last_asked_at desc limit ?")
                .params(tenant.value(), maxCandidates)
                .query((rs, n) -> new Candidate(rs.getObject("id", UUID.class), rs.getString("normalized")))
                .list();
        UUID best = null;
        double bestScore = 0;
        for (Candidate candidate : candidates) {
            if (similarity.same(normalized, candidate.normalized())) {
                double score = normalized.equals(candidate.normalized())
                        ? Double.MAX_VALUE
                        : similarity.score(normalized, candidate.normalized());
                if (score > bestScore) {
                    best = candidate.id();
                    bestScore = score;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** The tenant's groups with this status (all when null), the most asked first. */
    public Page<UnansweredQuestion> page(TenantId tenant, String status, int page, int size) {
        long total = jdbc.sql("select count(*) from unanswered_groups where tenant_id = ?"
                + " and (cast(? as text) is null or status = ?)")
                .params(tenant.value(), status, status)
                .query(Long.class)
                .single();
        List<GroupRow> rows = jdbc.sql("select * from unanswered_groups where tenant_id = ?"
                + " and (cast(? as text) is null or status = ?)"
                + " order by occurrences desc, last_asked_at desc, id limit ? offset ?")
                .params(tenant.value(), status, status, size, (long) page * size)
                .query(UnansweredGroups::row)
                .list();
        return new Page<>(withDetails(rows), page, size, total);
    }

    /** One group of the tenant. */
    public Optional<UnansweredQuestion> find(TenantId tenant, UUID id) {
        return jdbc.sql("select * from unanswered_groups where tenant_id = ? and id = ?")
                .params(tenant.value(), id)
                .query(UnansweredGroups::row)
                .optional()
                .map(row -> withDetails(List.of(row)).getFirst());
    }

    /** The open groups with the most questions asked in {@code [from, to)}, with that count as occurrences. */
    public List<UnansweredQuestion> top(TenantId tenant, Instant from, Instant to, int limit) {
        List<GroupRow> rows = jdbc.sql("""
                select g.id, g.tenant_id, g.question, g.normalized, count(q.event_id)::int as occurrences,
                    min(q.asked_at) as first_asked_at, max(q.asked_at) as last_asked_at, g.status, g.answer,
                    g.resolved_at, g.resolved_by
                from unanswered_questions q join unanswered_groups g on g.id = q.group_id
                where q.tenant_id = ? and q.asked_at >= ? and q.asked_at < ? and g.status = 'open'
                group by g.id
                order by count(q.event_id) desc, max(q.asked_at) desc, g.id
                limit ?""")
                .params(tenant.value(), Timestamp.from(from), Timestamp.from(to), limit)
                .query(UnansweredGroups::row)
                .list();
        return withDetails(rows);
    }

    /** Locks the group; {@code false} when it is not open (any more). */
    public boolean lockOpen(TenantId tenant, UUID id) {
        return jdbc.sql("select status from unanswered_groups where tenant_id = ? and id = ? for update")
                .params(tenant.value(), id)
                .query(String.class)
                .optional()
                .filter(UnansweredQuestion.OPEN::equals)
                .isPresent();
    }

    public void resolve(UUID id, String answer, UUID by, Instant at) {
        jdbc.sql("update unanswered_groups set status = 'resolved', answer = ?, resolved_by = ?, resolved_at = ?"
                + " where id = ?")
                .params(answer, by, Timestamp.from(at), id)
                .update();
    }

    /** The analytics events of the group's questions, oldest first. */
    public List<UUID> eventIds(UUID group) {
        return jdbc.sql("select event_id from unanswered_questions where group_id = ? order by asked_at, event_id")
                .param(group)
                .query(UUID.class)
                .list();
    }

    private List<UnansweredQuestion> withDetails(List<GroupRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        UUID[] ids = rows.stream().map(GroupRow::id).toArray(UUID[]::new);
        Map<UUID, List<String>> channels = new LinkedHashMap<>();
        jdbc.sql("select distinct group_id, channel from unanswered_questions where group_id = any(?)"
                + " order by group_id, channel")
                .param(ids)
                .query((rs, n) -> channels.computeIfAbsent(rs.getObject("group_id", UUID.class),
                        k -> new ArrayList<>()).add(rs.getString("channel")))
                .list();
        Map<UUID, List<String>> examples = new LinkedHashMap<>();
        jdbc.sql("""
                select group_id, question from (
                    select group_id, question, max(asked_at) as last_asked,
                        row_number() over (partition by group_id order by max(asked_at) desc, question) as n
                    from unanswered_questions where group_id = any(?)
                    group by group_id, question) q
                where n <= ? order by group_id, last_asked desc, question""")
                .params(ids, EXAMPLES)
                .query((rs, n) -> examples.computeIfAbsent(rs.getObject("group_id", UUID.class),
                        k -> new ArrayList<>()).add(rs.getString("question")))
                .list();
        return rows.stream().map(row -> new UnansweredQuestion(row.id(), row.question(), row.occurrences(),
                row.firstAskedAt(), row.lastAskedAt(), channels.getOrDefault(row.id(), List.of()),
                examples.getOrDefault(row.id(), List.of()), row.status(), row.answer(), row.resolvedAt()))
                .toList();
    }

    /** A row of {@code unanswered_groups}. */
    record GroupRow(UUID id, String tenantId, String question, String normalized, int occurrences,
            Instant firstAskedAt, Instant lastAskedAt, String status, String answer, Instant resolvedAt) {
    }

    private static GroupRow row(ResultSet rs, int n) throws SQLException {
        return new GroupRow(rs.getObject("id", UUID.class), rs.getString("tenant_id"), rs.getString("question"),
                rs.getString("normalized"), rs.getInt("occurrences"), instant(rs, "first_asked_at"),
                instant(rs, "last_asked_at"), rs.getString("status"), rs.getString("answer"),
                instant(rs, "resolved_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
