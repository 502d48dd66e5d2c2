package com.example.loyalty.community.rest;

import com.example.loyalty.community.domain.CommunityMember;
import com.example.loyalty.community.service.RankLadder;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A brand ambassador")
public record AmbassadorResponse(
        UUID memberId,
        String displayName,
        long score,
        RankResponse rank,
        @Schema(description = "Designated at") Instant since) {

    static AmbassadorResponse from(CommunityMember m, RankLadder ladder) {
        return new AmbassadorResponse(
                m.memberId, m.displayName, m.score, RankResponse.from(ladder.rankAt(m.score)), m.ambassadorSince);
    }
}
