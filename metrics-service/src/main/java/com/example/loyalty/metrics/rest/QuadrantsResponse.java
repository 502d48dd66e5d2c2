package com.example.loyalty.metrics.rest;

import com.example.loyalty.metrics.domain.Quadrant;
import com.example.loyalty.metrics.service.QuadrantService;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Members per loyalty quadrant, with the action for each")
public record QuadrantsResponse(
        @Schema(description = "ISO 4217 currency of the RFM scores behaviour is taken from", example = "JPY")
        String currency,

        @Schema(description = "Behaviour is high from this R+F+M sum")
        int behaviouralHighFrom,

        @Schema(description = "Whether passives (7–8) count as attitudinally high")
        boolean passiveIsHigh,

        @Schema(description = "Days of community contributions that count toward engagement", example = "90")
        int communityWindowDays,

        @Schema(
                description = "Contribution score from which a member is attached (attitudinally high unless a "
                        + "detractor); 0: community engagement does not count",
                example = "20")
        int communityAttachedScore,

        @Schema(description = "Members placed (with an answer, community contributions in the window or RFM scores)")
        long total,

        @Schema(description = "The five groups: the four quadrants and the members whose attitude is unknown")
        List<QuadrantCount> quadrants) {

    @Schema(description = "One quadrant")
    public record QuadrantCount(
            @Schema(description = "Name in paths", example = "latent-fan")
            String name,

            @Schema(description = "Constant name", example = "LATENT_FAN")
            String quadrant,

            @Schema(description = "What marketers should do", example = "Give a reason to act")
            String action,

            @Schema(description = "How, for example", example = "A coupon or a visit gift")
            String example,

            @Schema(description = "Members in the quadrant") long members) {}

    static QuadrantsResponse from(QuadrantService.QuadrantCounts c) {
        List<QuadrantCount> quadrants = Arrays.stream(Quadrant.values())
                .map(q -> new QuadrantCount(
                        q.pathName(),
                        q.name(),
                        q.action(),
                        q.example(),
                        c.counts().get(q)))
                .toList();
        long total = quadrants.stream().mapToLong(QuadrantCount::members).sum();
        return new QuadrantsResponse(
                c.currency(),
                c.behaviouralHighFrom(),
                c.passiveIsHigh(),
                c.communityWindowDays(),
                c.communityAttachedScore(),
                total,
                quadrants);
    }
}
