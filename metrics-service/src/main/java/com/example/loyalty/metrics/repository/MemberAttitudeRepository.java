package com.example.loyalty.metrics.repository;

import com.example.loyalty.events.QuestionType;
import com.example.loyalty.metrics.domain.ValidatedResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What members say, per member: the latest NPS or continued-use score ({@code member_attitude}, the attitudinal side
 * of the loyalty quadrant) and each named response with its scored answers ({@code member_response}, the profile's
 * last answers).
 */
@ApplicationScoped
public class MemberAttitudeRepository {

    /** A member's latest NPS or continued-use answer. */
    public record Attitude(QuestionType type, int score, UUID surveyId, UUID responseId, Instant answeredAt) {}

    /** One scored answer of a response, as kept for the profile. */
    public record KeptAnswer(String questionId, String type, Integer score, Boolean yes, String choice) {}

    /** One response of a member. */
    public record KeptResponse(
            UUID responseId, UUID surveyId, UUID waveId, Instant answeredAt, List<KeptAnswer> answers) {}

    private static final String UPSERT_ATTITUDE =
            "insert into member_attitude (member_id, question_type, score, survey_id, response_id, answered_at) "
                    + "select * from unnest(?::uuid[], ?::text[], ?::int4[], ?::uuid[], ?::uuid[], ?::timestamptz[]) "
                    + "on conflict (member_id) do update set question_type = excluded.question_type, "
                    + "score = excluded.score, survey_id = excluded.survey_id, response_id = excluded.response_id, "
                    + "answered_at = excluded.answered_at "
                    + "where excluded.answered_at >= member_attitude.answered_at";
    private static final String INSERT_RESPONSE =
            "insert into member_response (response_id, member_id, survey_id, wave_id, answered_at, answers) "
                    + "select r.id, r.member, r.survey, r.wave, r.at, r.answers::jsonb "
                    + "from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::timestamptz[], ?::text[]) "
                    + "as r(id, member, survey, wave, at, answers) on conflict (response_id) do nothing";

    private final EntityManager em;
    private final ObjectMapper json;

    public MemberAttitudeRepository(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /**
     * Keeps the named responses among {@code responses} (anonymous ones have no member and are left out) in the
     * caller's transaction: each response once, and per member the latest NPS or continued-use score (a response
     * older than the one kept changes nothing, so redelivered or late events cannot move a member back).
     */
    public void keepAll(List<ValidatedResponse> responses) {
        Map<UUID, Attitude> latest = new LinkedHashMap<>();
        List<ValidatedResponse> named = new ArrayList<>();
        for (ValidatedResponse r : responses) {
            if (r.memberId() == null) {
                continue;
            }
            named.add(r);
            for (ValidatedResponse.Answer a : r.answers()) {
                if ((a.type() == QuestionType.NPS || a.type() == QuestionType.CONTINUED_USE) && a.score() != null) {
                    Attitude candidate =
                            new Attitude(a.type(), a.score(), r.surveyId(), r.responseId(), r.answeredAt());
                    latest.merge(
                            r.memberId(), candidate, (x, y) -> y.answeredAt().isBefore(x.answeredAt()) ? x : y);
                }
            }
        }
        if (named.isEmpty()) {
            return;
        }
        named.sort(Comparator.comparing(ValidatedResponse::responseId));
        List<UUID> ids = new ArrayList<>();
        List<UUID> members = new ArrayList<>();
        List<UUID> surveys = new ArrayList<>();
        List<UUID> waves = new ArrayList<>();
        List<Timestamp> at = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        for (ValidatedResponse r : named) {
            ids.add(r.responseId());
            members.add(r.memberId());
            surveys.add(r.surveyId());
            waves.add(r.waveId());
            at.add(Timestamp.from(r.answeredAt()));
            answers.add(answersJson(r));
        }
        List<UUID> aMembers = new ArrayList<>(latest.keySet());
        aMembers.sort(Comparator.naturalOrder());
        List<String> aTypes = new ArrayList<>();
        List<Integer> aScores = new ArrayList<>();
        List<UUID> aSurveys = new ArrayList<>();
        List<UUID> aResponses = new ArrayList<>();
        List<Timestamp> aAt = new ArrayList<>();
        for (UUID m : aMembers) {
            Attitude a = latest.get(m);
            aTypes.add(a.type().name());
            aScores.add(a.score());
            aSurveys.add(a.surveyId());
            aResponses.add(a.responseId());
            aAt.add(Timestamp.from(a.answeredAt()));
        }
        Jdbc.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT_RESPONSE)) {
                Jdbc.setArrays(
                        ps, c, new String[] {"uuid", "uuid", "uuid", "uuid", "timestamptz", "text"}, new List<?>[] {
                            ids, members, surveys, waves, at, answers
                        });
                ps.executeUpdate();
            }
            if (!aMembers.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(UPSERT_ATTITUDE)) {
                    Jdbc.setArrays(
                            ps, c, new String[] {"uuid", "text", "int4", "uuid", "uuid", "timestamptz"}, new List<?>[] {
                                aMembers, aTypes, aScores, aSurveys, aResponses, aAt
                            });
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    /** The member's latest NPS or continued-use answer, if any. */
    public Optional<Attitude> attitudeOf(UUID memberId) {
        return Jdbc.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select question_type, score, survey_id, response_id, answered_at from member_attitude "
                            + "where member_id = ?")) {
                ps.setObject(1, memberId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Attitude(
                            QuestionType.valueOf(rs.getString(1)),
                            rs.getInt(2),
                            rs.getObject(3, UUID.class),
                            rs.getObject(4, UUID.class),
                            rs.getTimestamp(5).toInstant()));
                }
            }
        });
    }

    /** The member's last {@code limit} responses, newest first. */
    public List<KeptResponse> lastResponses(UUID memberId, int limit) {
        return Jdbc.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select response_id, survey_id, wave_id, answered_at, answers::text from member_response "
                            + "where member_id = ? order by answered_at desc, response_id limit ?")) {
                ps.setObject(1, memberId);
                ps.setInt(2, limit);
                List<KeptResponse> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new KeptResponse(
                                rs.getObject(1, UUID.class),
                                rs.getObject(2, UUID.class),
                                rs.getObject(3, UUID.class),
                                rs.getTimestamp(4).toInstant(),
                                List.of(json.readValue(rs.getString(5), KeptAnswer[].class))));
                    }
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("member_response.answers is not what this service wrote", e);
                }
                return out;
            }
        });
    }

    private String answersJson(ValidatedResponse r) {
        List<KeptAnswer> kept = new ArrayList<>(r.answers().size());
        for (ValidatedResponse.Answer a : r.answers()) {
            if (a.score() != null || a.yes() != null || a.choice() != null) {
                kept.add(new KeptAnswer(a.questionId(), a.type().name(), a.score(), a.yes(), a.choice()));
            }
        }
        try {
            return json.writeValueAsString(kept);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Moves what {@code from} said to {@code to} (a merge): every response, and the latest NPS or continued-use score of
     * the two (the later answer wins, as for one member).
     */
    public void move(UUID from, UUID to) {
        Jdbc.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into member_attitude as t (member_id, "
                    + "question_type, score, survey_id, response_id, answered_at) "
                    + "select ?, question_type, score, survey_id, response_id, answered_at from member_attitude "
                    + "where member_id = ? on conflict (member_id) do update set question_type = excluded.question_type, "
                    + "score = excluded.score, survey_id = excluded.survey_id, response_id = excluded.response_id, "
                    + "answered_at = excluded.answered_at where excluded.answered_at > t.answered_at")) {
                ps.setObject(1, to);
                ps.setObject(2, from);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("delete from member_attitude where member_id = ?")) {
                ps.setObject(1, from);
                ps.executeUpdate();
            }
            try (PreparedStatement ps =
                    c.prepareStatement("update member_response set member_id = ? where member_id = ?")) {
                ps.setObject(1, to);
                ps.setObject(2, from);
                return ps.executeUpdate();
            }
        });
    }
}
