package com.example.loyalty.metrics.domain;

import com.example.loyalty.common.text.Enums;
import com.example.loyalty.events.QuestionType;
import com.example.loyalty.events.SurveyResponded;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A SurveyResponded payload that has passed every check, ready to be counted: each answer fits its type's scale,
 * question ids are unique, and an anonymous response carries no member id (even if the producer sent one).
 *
 * @param memberId the member, or null (anonymous or not known)
 * @param subject  the respondent's identity-provider subject, or null (anonymous); identifies a member whose member
 *                 id was not known to survey-service yet
 * @param tier     the tier the event reports (null if none: the consumer then falls back to the tier it knows)
 * @param reason   the response's free-text answers joined by a blank line; null if there are none
 */
public record ValidatedResponse(
        UUID eventId,
        UUID responseId,
        UUID surveyId,
        UUID waveId,
        UUID memberId,
        String subject,
        String tier,
        String channel,
        String storeId,
        Instant answeredAt,
        List<Answer> answers,
        String reason) {

    /** Longest question id, option id, store, channel or tier accepted. */
    public static final int MAX_ID_LENGTH = 200;
    /** Longest reason kept on a follow-up item (longer text is cut). */
    public static final int MAX_REASON_LENGTH = 4000;

    /** One valid answer. */
    public record Answer(
            String questionId,
            QuestionType type,
            String dimension,
            Integer score,
            Boolean yes,
            String text,
            String choice) {}

    /** The same response, of {@code member} (the member its member was merged into). */
    public ValidatedResponse withMember(UUID member) {
        return new ValidatedResponse(
                eventId,
                responseId,
                surveyId,
                waveId,
                member,
                subject,
                tier,
                channel,
                storeId,
                answeredAt,
                answers,
                reason);
    }

    /**
     * Checks and normalises a payload.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static ValidatedResponse of(UUID eventId, SurveyResponded r) {
        if (r.responseId() == null || r.surveyId() == null || r.answeredAt() == null) {
            throw new IllegalArgumentException("responseId, surveyId and answeredAt are required");
        }
        if (r.answers() == null || r.answers().isEmpty()) {
            throw new IllegalArgumentException("response " + r.responseId() + " has no answers");
        }
        requireShort(r.channel(), "channel");
        requireShort(r.storeId(), "storeId");
        requireShort(r.tier(), "tier");
        requireShort(r.subject(), "subject");
        UUID memberId = null;
        if (!r.anonymous() && r.memberId() != null) {
            memberId = MemberIds.parse(r.memberId());
        }
        List<Answer> answers = new ArrayList<>(r.answers().size());
        Set<String> seen = new HashSet<>();
        for (SurveyResponded.Answer a : r.answers()) {
            if (a == null || a.questionId() == null || a.questionId().isBlank()) {
                throw new IllegalArgumentException("an answer has no question id");
            }
            requireShort(a.questionId(), "questionId");
            if (!seen.add(a.questionId())) {
                throw new IllegalArgumentException("question " + a.questionId() + " is answered twice");
            }
            QuestionType type = Enums.parse(QuestionType.class, a.type());
            if (type == null) {
                throw new IllegalArgumentException("question " + a.questionId() + " has unknown type " + a.type());
            }
            type.validate(a);
            requireShort(a.choice(), "choice");
            requireShort(a.dimension(), "dimension");
            requireStorable(a.text(), "text of question " + a.questionId());
            String dimension = type == QuestionType.CSI
                            && a.dimension() != null
                            && !a.dimension().isBlank()
                    ? a.dimension().strip()
                    : null;
            answers.add(new Answer(
                    a.questionId(),
                    type,
                    dimension,
                    type.scored() ? a.score() : null,
                    type == QuestionType.CES_BINARY ? a.yes() : null,
                    type == QuestionType.TEXT ? a.text() : null,
                    type == QuestionType.CHOICE ? a.choice() : null));
        }
        String reason = answers.stream()
                .filter(a -> a.type() == QuestionType.TEXT && !a.text().isBlank())
                .map(a -> a.text().strip())
                .collect(Collectors.joining("\n\n"));
        if (reason.length() > MAX_REASON_LENGTH) {
            int end = Character.isHighSurrogate(reason.charAt(MAX_REASON_LENGTH - 1))
                    ? MAX_REASON_LENGTH - 1
                    : MAX_REASON_LENGTH;
            reason = reason.substring(0, end);
        }
        return new ValidatedResponse(
                eventId,
                r.responseId(),
                r.surveyId(),
                r.waveId(),
                memberId,
                r.anonymous() ? null : blankToNull(r.subject()),
                blankToNull(r.tier()),
                blankToNull(r.channel()),
                blankToNull(r.storeId()),
                r.answeredAt(),
                List.copyOf(answers),
                reason.isEmpty() ? null : reason);
    }

    private static void requireShort(String value, String what) {
        if (value != null && value.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException(what + " is longer than " + MAX_ID_LENGTH + " characters");
        }
        requireStorable(value, what);
    }

    /** PostgreSQL text cannot hold NUL; such a value would fail the whole batch's transaction. */
    private static void requireStorable(String value, String what) {
        if (value != null && value.indexOf(0) >= 0) {
            throw new IllegalArgumentException(what + " contains a NUL character");
        }
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }
}
