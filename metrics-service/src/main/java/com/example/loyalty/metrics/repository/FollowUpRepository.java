package com.example.loyalty.metrics.repository;

import com.example.loyalty.common.web.Paging;
import com.example.loyalty.events.QuestionType;
import com.example.loyalty.metrics.domain.FollowUp;
import com.example.loyalty.metrics.domain.FollowUpKind;
import com.example.loyalty.metrics.domain.FollowUpStatus;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class FollowUpRepository implements PanacheRepositoryBase<FollowUp, UUID> {

    /** A follow-up item to open (see {@link #openAll}). */
    public record NewFollowUp(
            UUID id,
            UUID responseId,
            UUID surveyId,
            UUID waveId,
            String questionId,
            QuestionType questionType,
            FollowUpKind kind,
            Integer score,
            UUID memberId,
            String subject,
            String storeId,
            String channel,
            String tier,
            String reason,
            Instant answeredAt,
            Instant erasedAt) {}

    /** Filters of the queue; null means "any". */
    public record Filter(FollowUpStatus status, UUID surveyId, FollowUpKind kind, String storeId, String assignee) {}

    private static final String INSERT = "insert into follow_up (id, response_id, survey_id, wave_id, question_id, "
            + "question_type, kind, score, member_id, subject, store_id, channel, tier, reason, answered_at, "
            + "erased_at, status, created_at, updated_at) "
            + "select f.*, 'OPEN', now(), now() from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::text[], "
            + "?::text[], ?::text[], ?::int4[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], "
            + "?::timestamptz[], ?::timestamptz[]) as f "
            + "on conflict (response_id, question_id) do nothing returning id";
    private static final String[] TYPES = {
        "uuid", "uuid", "uuid", "uuid", "text", "text", "text", "int4", "uuid", "text", "text", "text", "text", "text",
        "text", "text"
    };

    /**
     * Opens the given items in the current transaction with one statement, each at most once per response and
     * question (an item that exists already is left as it is). Answers the ids of the items opened now.
     */
    public Set<UUID> openAll(List<NewFollowUp> items) {
        if (items.isEmpty()) {
            return Set.of();
        }
        List<List<Object>> columns = new ArrayList<>();
        for (int i = 0; i < TYPES.length; i++) {
            columns.add(new ArrayList<>(items.size()));
        }
        for (NewFollowUp f : items) {
            Object[] row = {
                f.id(),
                f.responseId(),
                f.surveyId(),
                f.waveId(),
                f.questionId(),
                f.questionType().name(),
                f.kind().name(),
                f.score(),
                f.memberId(),
                f.subject(),
                f.storeId(),
                f.channel(),
                f.tier(),
                f.reason(),
                f.answeredAt().toString(),
                f.erasedAt() == null ? null : f.erasedAt().toString()
            };
            for (int i = 0; i < row.length; i++) {
                columns.get(i).add(row[i]);
            }
        }
        return Jdbc.work(getEntityManager(), c -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                Jdbc.setArrays(ps, c, TYPES, columns.toArray(Collection<?>[]::new));
                Set<UUID> opened = new HashSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        opened.add(rs.getObject(1, UUID.class));
                    }
                }
                return opened;
            }
        });
    }

    /** One page of the queue, newest first (by opening time, then insertion order). */
    public List<FollowUp> page(Filter filter, int page, int size) {
        return Paging.window(page, size)
                .map(w -> query(filter).range(w.first(), w.last()).list())
                .orElse(List.of());
    }

    /** How many items match {@code filter}. */
    public long count(Filter filter) {
        return query(filter).count();
    }

    /** The item, row-locked until the transaction ends. */
    public Optional<FollowUp> lock(UUID id) {
        return Optional.ofNullable(findById(id, LockModeType.PESSIMISTIC_WRITE));
    }

    private PanacheQuery<FollowUp> query(Filter f) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (f.status() != null) {
            where.add("status = :status");
            params.and("status", f.status());
        }
        if (f.surveyId() != null) {
            where.add("surveyId = :surveyId");
            params.and("surveyId", f.surveyId());
        }
        if (f.kind() != null) {
            where.add("kind = :kind");
            params.and("kind", f.kind());
        }
        if (f.storeId() != null) {
            where.add("storeId = :storeId");
            params.and("storeId", f.storeId());
        }
        if (f.assignee() != null) {
            where.add("assignee = :assignee");
            params.and("assignee", f.assignee());
        }
        Sort sort = Sort.descending("createdAt", "seq");
        return where.isEmpty() ? findAll(sort) : find(String.join(" and ", where), sort, params);
    }

    /** Moves every item of {@code from} to {@code to} (a merge). */
    public int move(UUID from, UUID to) {
        return Jdbc.work(getEntityManager(), c -> {
            try (PreparedStatement ps = c.prepareStatement("update follow_up set member_id = ? where member_id = ?")) {
                ps.setObject(1, to);
                ps.setObject(2, from);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Replaces the personal data on the items of {@code members}, or of any of {@code subjects}, by a tombstone: the
     * subject, the member's free text (reason) and staff's notes are removed, {@code erased_at} says when.
     *
     * @return how many items were erased
     */
    public int erase(Collection<UUID> members, Collection<String> subjects, Instant at) {
        return Jdbc.work(getEntityManager(), c -> {
            try (PreparedStatement ps = c.prepareStatement("update follow_up set subject = null, reason = null, "
                    + "note = null, erased_at = coalesce(erased_at, ?), updated_at = ? "
                    + "where member_id = any(?) or subject = any(?)")) {
                java.sql.Timestamp when = java.sql.Timestamp.from(at);
                ps.setTimestamp(1, when);
                ps.setTimestamp(2, when);
                ps.setArray(3, Jdbc.array(c, "uuid", members));
                ps.setArray(4, Jdbc.array(c, "varchar", subjects));
                return ps.executeUpdate();
            }
        });
    }
}
