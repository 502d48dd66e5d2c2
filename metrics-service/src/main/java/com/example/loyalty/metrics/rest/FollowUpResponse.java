package com.example.loyalty.metrics.rest;

import com.example.loyalty.metrics.service.FollowUpView;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A follow-up item: an unhappy answer (detractor, at risk, high effort) for a person to follow up")
public record FollowUpResponse(
        @Schema(description = "Item id") UUID id,

        @Schema(description = "The member who answered; null for an anonymous answer", nullable = true)
        UUID memberId,

        @Schema(
                description = "The respondent's Keycloak subject; identifies a member whose member id survey-service "
                        + "did not know yet (memberId null); null for an anonymous answer",
                nullable = true)
        String subject,

        @Schema(description = "The survey") UUID surveyId,

        @Schema(description = "The wave answered", nullable = true)
        UUID waveId,

        @Schema(description = "The survey response") UUID responseId,

        @Schema(description = "The question answered unhappily", examples = "nps")
        String questionId,

        @Schema(description = "The question's type", examples = "NPS")
        String questionType,

        @Schema(
                description = "DETRACTOR (NPS or continued use 0–6), AT_RISK (NRS 1–3) or HIGH_EFFORT (CES ≥ 8, or "
                        + "\"felt effort\")",
                enumeration = {"DETRACTOR", "AT_RISK", "HIGH_EFFORT"})
        String kind,

        @Schema(description = "The score given; null for a yes/no effort answer", nullable = true, examples = "3")
        Integer score,

        @Schema(
                description = "The free-text answers of the same response (joined by a blank line); null if none",
                nullable = true)
        String reason,

        @Schema(description = "The store the answer is about", nullable = true, examples = "S001")
        String storeId,

        @Schema(description = "Where it was answered", nullable = true, examples = "APP")
        String channel,

        @Schema(description = "The member's tier when answering, if known", nullable = true, examples = "GOLD")
        String tier,

        @Schema(
                description = "open → contacted → resolved (or open → resolved); resolved is final",
                enumeration = {"open", "contacted", "resolved"})
        String status,

        @Schema(description = "The latest note", nullable = true)
        String note,

        @Schema(description = "Who works the item", nullable = true)
        String assignee,

        @Schema(description = "When the response was accepted (UTC)")
        Instant answeredAt,

        @Schema(description = "When the item was opened (UTC)")
        Instant createdAt,

        @Schema(description = "When the item last changed (UTC)")
        Instant updatedAt,

        @Schema(description = "When it was first marked contacted", nullable = true)
        Instant contactedAt,

        @Schema(description = "When it was resolved", nullable = true)
        Instant resolvedAt,

        @Schema(
                description = "When the member asked to be forgotten: subject, reason and note are erased and no note "
                        + "can be written; null if not",
                nullable = true)
        Instant erasedAt) {

    static FollowUpResponse from(FollowUpView f) {
        return new FollowUpResponse(
                f.id(),
                f.memberId(),
                f.subject(),
                f.surveyId(),
                f.waveId(),
                f.responseId(),
                f.questionId(),
                f.questionType().name(),
                f.kind().name(),
                f.score(),
                f.reason(),
                f.storeId(),
                f.channel(),
                f.tier(),
                f.status().wireName(),
                f.note(),
                f.assignee(),
                f.answeredAt(),
                f.createdAt(),
                f.updatedAt(),
                f.contactedAt(),
                f.resolvedAt(),
                f.erasedAt());
    }
}
