package com.example.loyalty.community.rest;

import com.example.loyalty.community.domain.CommunityMember;
import com.example.loyalty.community.service.MemberProfiles;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A member's community profile")
public record MemberProfileResponse(
        @Schema(description = "The member's id (points-service member id)")
        UUID memberId,

        String displayName,

        @Schema(description = "Loyalty tier, as points-service last reported it")
        String tier,

        @Schema(description = "Contribution score: the sum of the weights of standing contributions")
        long score,

        @Schema(description = "The rank held at this score") RankResponse rank,

        @Schema(description = "The next rank up; absent at the top")
        NextRankResponse nextRank,

        List<BadgeResponse> badges,

        @Schema(description = "Designated a brand ambassador")
        boolean ambassador,

        Instant ambassadorSince,

        @Schema(description = "Banned by a moderator: may read, not write")
        boolean banned,

        @Schema(description = "The latest contributions (10), newest first; the rest via /members/me/contributions")
        List<ContributionResponse> contributions) {

    static MemberProfileResponse from(MemberProfiles.Profile p) {
        CommunityMember m = p.member();
        return new MemberProfileResponse(
                m.memberId,
                m.displayName,
                m.tier,
                m.score,
                RankResponse.from(p.rank()),
                NextRankResponse.from(p.nextRank(), m.score),
                p.badges().stream().map(BadgeResponse::from).toList(),
                m.ambassador(),
                m.ambassadorSince,
                m.banned(),
                p.latest().stream().map(ContributionResponse::from).toList());
    }
}
