package com.example.loyalty.metrics.service;

import com.example.loyalty.events.QuestionType;
import com.example.loyalty.metrics.domain.FollowUp;
import com.example.loyalty.metrics.domain.FollowUpKind;
import com.example.loyalty.metrics.domain.FollowUpStatus;
import java.time.Instant;
import java.util.UUID;

/** A follow-up item as the API shows it, detached from the managed {@link FollowUp}. */
public record FollowUpView(
        UUID id,
        UUID memberId,
        String subject,
        UUID surveyId,
        UUID waveId,
        UUID responseId,
        String questionId,
        QuestionType questionType,
        FollowUpKind kind,
        Integer score,
        String reason,
        String storeId,
        String channel,
        String tier,
        FollowUpStatus status,
        String note,
        String assignee,
        Instant answeredAt,
        Instant createdAt,
        Instant updatedAt,
        Instant contactedAt,
        Instant resolvedAt,
        Instant erasedAt) {

    static FollowUpView of(FollowUp f) {
        return new FollowUpView(
                f.id,
                f.memberId,
                f.subject,
                f.surveyId,
                f.waveId,
                f.responseId,
                f.questionId,
                f.questionType,
                f.kind,
                f.score,
                f.reason,
                f.storeId,
                f.channel,
                f.tier,
                f.status,
                f.note,
                f.assignee,
                f.answeredAt,
                f.createdAt,
                f.updatedAt,
                f.contactedAt,
                f.resolvedAt,
                f.erasedAt);
    }
}
