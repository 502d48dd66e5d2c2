package com.example.loyalty.community.rest;

import com.example.loyalty.community.repository.ContributionQueries;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A member's standing contributions in the window")
public record AmbassadorCandidateResponse(
        UUID memberId,
        String displayName,

        @Schema(description = "Overall contribution score now")
        long score,

        @Schema(description = "Sum of the weights of the standing contributions in the window")
        long windowScore,

        @Schema(description = "Accepted answers in the window")
        long acceptedAnswers,

        @Schema(description = "Reviews in the window") long reviews,
        @Schema(description = "An ambassador already") boolean ambassador) {

    static AmbassadorCandidateResponse from(ContributionQueries.Candidate c) {
        return new AmbassadorCandidateResponse(
                c.memberId(),
                c.displayName(),
                c.score(),
                c.windowScore(),
                c.acceptedAnswers(),
                c.reviews(),
                c.ambassadorSince() != null);
    }
}
