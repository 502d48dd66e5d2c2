package com.example.loyalty.metrics.rest;

import com.example.loyalty.metrics.repository.MemberAttitudeRepository.KeptAnswer;
import com.example.loyalty.metrics.repository.MemberAttitudeRepository.KeptResponse;
import com.example.loyalty.metrics.repository.QuadrantRepository.MemberQuadrant;
import com.example.loyalty.metrics.repository.RfmRepository;
import com.example.loyalty.metrics.service.CommunityEngagementService;
import com.example.loyalty.metrics.service.ProfileService;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        description = "The brand's view of a member: RFM, segment, loyalty quadrant and its action, lifetime value, "
                + "probabilistic CLV, the last survey answers and community engagement")
public record MemberProfileResponse(
        UUID memberId,

        @Schema(description = "ISO 4217 currency of the money figures", example = "JPY")
        String currency,

        @Schema(description = "RFM of the last recompute; absent if the member was not scored", nullable = true)
        Rfm rfm,

        @Schema(description = "The member's loyalty quadrant, computed now")
        Quadrant quadrant,

        @Schema(
                description = "Probabilistic CLV over 52 weeks; absent without a fitted model or purchases",
                nullable = true)
        MemberClvResponse clv,

        @Schema(description = "Simple lifetime value (all three forms); absent without purchases", nullable = true)
        MemberLtvResponse ltv,

        @Schema(description = "The member's last survey answers (at most 5), newest first")
        List<Answered> lastAnswers,

        @Schema(description = "The member's community engagement over the recent window, computed now")
        Community community) {

    @Schema(description = "RFM scores and figures of the last recompute")
    public record Rfm(
            @Schema(description = "The day the scores are as of")
            LocalDate asOf,

            @Schema(description = "Months of the frequency and monetary window")
            Integer windowMonths,

            @Schema(description = "Days since the last purchase")
            int recencyDays,

            @Schema(description = "Purchases in the window") long frequency,

            @Schema(description = "Spend in the window, in major units of the currency")
            BigDecimal monetary,

            @Schema(description = "R, 1–5") int r,
            @Schema(description = "F, 1–5") int f,
            @Schema(description = "M, 1–5") int m,

            @Schema(description = "RFM segment", example = "CHAMPIONS")
            String segment) {}

    @Schema(description = "Attitude against behaviour")
    public record Quadrant(
            @Schema(description = "Name in paths", example = "latent-fan")
            String name,

            @Schema(description = "Constant name", example = "LATENT_FAN")
            String quadrant,

            @Schema(description = "What marketers should do")
            String action,

            @Schema(
                    description = "What decided the attitudinal side: SURVEY (the latest NPS or continued-use "
                            + "answer) or COMMUNITY (community engagement at or above the attached score, with no "
                            + "answer that says otherwise); absent when the attitude is unknown",
                    example = "COMMUNITY",
                    nullable = true)
            String attitudeBasis,

            @Schema(description = "NPS or CONTINUED_USE; absent without an answer", nullable = true)
            String attitudeType,

            @Schema(description = "Latest NPS or continued-use score, 0–10")
            Integer attitudeScore,

            @Schema(description = "When that answer was given")
            Instant answeredAt) {

        static Quadrant from(MemberQuadrant q) {
            return new Quadrant(
                    q.quadrant().pathName(),
                    q.quadrant().name(),
                    q.quadrant().action(),
                    q.attitudeBasis() == null ? null : q.attitudeBasis().name(),
                    q.attitudeType(),
                    q.attitudeScore(),
                    q.answeredAt());
        }
    }

    @Schema(description = "Community engagement: the member's live (not revoked) contributions over the recent window")
    public record Community(
            @Schema(description = "Days the window reaches back from now", example = "90")
            int windowDays,

            @Schema(description = "Contributions in the window")
            long contributions,

            @Schema(description = "Contribution score in the window: the contributions' weights summed")
            long score,

            @Schema(description = "The latest contribution, however old; absent if none", nullable = true)
            Instant lastContributionAt,

            @Schema(
                    description = "Whether the score reaches metrics.behaviour.community.attached-score: the member "
                            + "is then attitudinally high, unless their latest answer is a detractor's")
            boolean attached) {

        static Community from(CommunityEngagementService.EngagementView e) {
            return new Community(e.windowDays(), e.contributions(), e.score(), e.lastContributionAt(), e.attached());
        }
    }

    @Schema(description = "One survey response of the member")
    public record Answered(UUID responseId, UUID surveyId, UUID waveId, Instant answeredAt, List<KeptAnswer> answers) {

        static List<Answered> from(List<KeptResponse> responses) {
            return responses.stream()
                    .map(r -> new Answered(r.responseId(), r.surveyId(), r.waveId(), r.answeredAt(), r.answers()))
                    .toList();
        }
    }

    static MemberProfileResponse from(ProfileService.Profile p) {
        return new MemberProfileResponse(
                p.memberId(),
                p.currency().getCurrencyCode(),
                rfm(p.currency(), p.run(), p.rfm()),
                Quadrant.from(p.quadrant()),
                p.clv().map(MemberClvResponse::from).orElse(null),
                p.ltv().map(MemberLtvResponse::from).orElse(null),
                Answered.from(p.lastAnswers()),
                Community.from(p.community()));
    }

    static Rfm rfm(Currency currency, Optional<RfmRepository.Run> run, Optional<RfmRepository.MemberRow> row) {
        return row.map(r -> new Rfm(
                        run.map(RfmRepository.Run::asOf).orElse(null),
                        run.map(RfmRepository.Run::windowMonths).orElse(null),
                        r.recencyDays(),
                        r.frequency(),
                        BigDecimal.valueOf(r.monetary(), Math.max(0, currency.getDefaultFractionDigits())),
                        r.r(),
                        r.f(),
                        r.m(),
                        r.segment().name()))
                .orElse(null);
    }
}
