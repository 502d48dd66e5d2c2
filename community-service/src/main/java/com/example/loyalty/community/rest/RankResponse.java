package com.example.loyalty.community.rest;

import com.example.loyalty.community.domain.CommunityRank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A community rank, held from its threshold of contribution score on")
public record RankResponse(
        @Schema(description = "Stable code", examples = "CONTRIBUTOR")
        String code,

        @Schema(description = "Display name", examples = "Contributor")
        String name,

        @Schema(description = "Score from which it is held") long threshold) {

    static RankResponse from(CommunityRank rank) {
        return new RankResponse(rank.code(), rank.name(), rank.threshold());
    }
}
