package com.example.loyalty.community.rest;

import com.example.loyalty.community.domain.Badge;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A badge on a member's profile")
public record BadgeResponse(
        @Schema(
                description = "AMBASSADOR (designated by the brand), FIRST_POST (a post), FIRST_ACCEPTED_ANSWER "
                        + "(an accepted answer), REVIEWER (3+ reviews), HELPFUL (10+ accepted answers), EVENT_GOER "
                        + "(attended an event); all but AMBASSADOR count standing (not revoked) contributions only")
        String code,

        String name,
        String description) {

    static BadgeResponse from(Badge badge) {
        return new BadgeResponse(badge.name(), badge.title(), badge.description());
    }
}
