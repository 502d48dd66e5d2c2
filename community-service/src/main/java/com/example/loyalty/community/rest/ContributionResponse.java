package com.example.loyalty.community.rest;

import com.example.loyalty.community.domain.Contribution;
import com.example.loyalty.community.domain.ContributionKind;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One contribution to a member's standing")
public record ContributionResponse(
        UUID id,

        @Schema(description = "POST, ANSWER, ACCEPTED_ANSWER, REVIEW, REACTION_RECEIVED or EVENT_ATTENDED")
        ContributionKind kind,

        @Schema(description = "Its score") int weight,

        @Schema(description = "What it is about: the post, the answer, the review, the event")
        UUID contentId,

        Instant occurredAt,

        @Schema(description = "Taken back (content hidden or deleted, reaction withdrawn): its weight no longer counts")
        boolean revoked) {

    static ContributionResponse from(Contribution c) {
        return new ContributionResponse(c.id, c.kind, c.weight, c.contentId, c.occurredAt, c.revokedAt != null);
    }
}
