package com.example.loyalty.metrics.domain;

import com.example.loyalty.events.QuestionType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * An unhappy answer (detractor, at risk, high effort) waiting for a person: opened by the survey-responses consumer
 * once per response and question, worked by marketers through open → contacted → resolved. Rows are inserted in
 * bulk by {@code FollowUpRepository#openAll}; this entity reads them and applies state changes.
 */
@Entity
@Table(name = "follow_up")
public class FollowUp {

    @Id
    public UUID id;
    /** Insertion order; breaks ties between items opened in the same transaction. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "response_id", nullable = false, updatable = false)
    public UUID responseId;

    @Column(name = "survey_id", nullable = false, updatable = false)
    public UUID surveyId;

    @Column(name = "wave_id", updatable = false)
    public UUID waveId;

    @Column(name = "question_id", nullable = false, updatable = false)
    public String questionId;

    @Enumerated(EnumType.STRING)
    @Column(name = "question_type", nullable = false, updatable = false)
    public QuestionType questionType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public FollowUpKind kind;
    /** The score given; null for a yes/no effort answer. */
    @Column(updatable = false)
    public Integer score;
    /** The member; null for an anonymous answer. */
    @Column(name = "member_id", updatable = false)
    public UUID memberId;
    /** The respondent's identity-provider subject; null for an anonymous answer. */
    @Column(updatable = false)
    public String subject;

    @Column(name = "store_id", updatable = false)
    public String storeId;

    @Column(updatable = false)
    public String channel;

    @Column(updatable = false)
    public String tier;
    /** The free-text answers of the same response, joined; null if none. */
    @Column(updatable = false)
    public String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FollowUpStatus status;

    public String note;
    public String assignee;

    @Column(name = "answered_at", nullable = false, updatable = false)
    public Instant answeredAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "contacted_at")
    public Instant contactedAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;
    /**
     * When the member's personal data was erased (MemberErased): subject, reason and note are gone and no note may be
     * written any more; null if not erased. Set in bulk by {@code FollowUpRepository#erase}, never by this entity.
     */
    @Column(name = "erased_at", updatable = false)
    public Instant erasedAt;

    /**
     * Applies a marketer's change. A null {@code next} keeps the status; a null note or assignee keeps the current
     * one; a blank assignee removes the assignment.
     *
     * @throws IllegalStateException if the move is not allowed (out of resolved, or back to an earlier state)
     */
    public void update(FollowUpStatus next, String newNote, String newAssignee, Instant now) {
        FollowUpStatus target = next == null ? status : next;
        if (!status.canMoveTo(target)) {
            throw new IllegalStateException(
                    status == FollowUpStatus.RESOLVED
                            ? "follow-up " + id + " is resolved; a resolved item cannot change"
                            : "follow-up " + id + " cannot move from " + status.wireName() + " to "
                                    + target.wireName());
        }
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        if (target == FollowUpStatus.CONTACTED && contactedAt == null) {
            contactedAt = at;
        }
        if (target == FollowUpStatus.RESOLVED && resolvedAt == null) {
            resolvedAt = at;
        }
        status = target;
        if (newNote != null) {
            note = newNote;
        }
        if (newAssignee != null) {
            assignee = newAssignee.isBlank() ? null : newAssignee.strip();
        }
        updatedAt = at;
    }
}
