package com.example.loyalty.community.rest;

import com.example.loyalty.community.domain.CommunityRank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The next rank up and how far it is")
public record NextRankResponse(
        String code,
        String name,
        long threshold,

        @Schema(description = "Score still needed to reach it")
        long pointsToGo) {

    static NextRankResponse from(CommunityRank rank, long score) {
        return rank == null
                ? null
                : new NextRankResponse(rank.code(), rank.name(), rank.threshold(), rank.threshold() - score);
    }
}
