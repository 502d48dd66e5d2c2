package com.example.loyalty.community.rest;

import com.example.loyalty.community.domain.CommunityMember;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A member's ban state")
public record BanResponse(
        UUID memberId,
        boolean banned,

        @Schema(description = "When banned; absent when not banned")
        Instant bannedAt,

        @Schema(description = "Who banned (subject); absent when not banned")
        String bannedBy,

        @Schema(description = "Why; absent when not banned") String reason) {

    static BanResponse from(CommunityMember m) {
        return new BanResponse(m.memberId, m.banned(), m.bannedAt, m.bannedBy, m.banReason);
    }
}
