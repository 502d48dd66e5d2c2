package com.example.loyalty.metrics.rest;

import com.example.loyalty.metrics.service.ProfileService;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        description = "A member's own profile: their purchase figures, their last survey answers and their community "
                + "contributions. The scores, segment, quadrant and value the brand computes are not part of it.")
public record OwnProfileResponse(
        UUID memberId,

        @Schema(description = "ISO 4217 currency of the money figures", example = "JPY")
        String currency,

        @Schema(description = "The member's purchases as of the last recompute; absent before it", nullable = true)
        Purchases purchases,

        @Schema(description = "The member's last survey answers (at most 5), newest first")
        List<MemberProfileResponse.Answered> lastAnswers,

        @Schema(description = "The member's community contributions over the recent window")
        Community community) {

    @Schema(description = "The member's live (not revoked) community contributions over the recent window")
    public record Community(
            @Schema(description = "Days the window reaches back from now", example = "90")
            int windowDays,

            @Schema(description = "Contributions in the window")
            long contributions,

            @Schema(description = "Contribution score in the window: the contributions' weights summed")
            long score,

            @Schema(description = "The latest contribution, however old; absent if none", nullable = true)
            Instant lastContributionAt) {}

    @Schema(description = "The member's purchase figures")
    public record Purchases(
            @Schema(description = "The day the figures are as of")
            LocalDate asOf,

            @Schema(description = "Months counted back from asOf")
            Integer windowMonths,

            @Schema(description = "Days since the last purchase")
            int daysSinceLastPurchase,

            @Schema(description = "Purchases in the window") long frequency,

            @Schema(description = "Spend in the window, in major units of the currency")
            BigDecimal spend) {}

    static OwnProfileResponse from(ProfileService.OwnProfile p) {
        MemberProfileResponse.Rfm rfm = MemberProfileResponse.rfm(p.currency(), p.run(), p.purchases());
        return new OwnProfileResponse(
                p.memberId(),
                p.currency().getCurrencyCode(),
                rfm == null
                        ? null
                        : new Purchases(
                                rfm.asOf(), rfm.windowMonths(), rfm.recencyDays(), rfm.frequency(), rfm.monetary()),
                MemberProfileResponse.Answered.from(p.lastAnswers()),
                new Community(
                        p.community().windowDays(),
                        p.community().contributions(),
                        p.community().score(),
                        p.community().lastContributionAt()));
    }
}
