package com.example.loyalty.points.rest;

import com.example.loyalty.points.service.ReferralService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The caller's referral code and what it brought")
public record ReferralResponse(
        @Schema(description = "The code a new member enrols with (POST /api/points/members/me)", examples = "K7QZ2MHW")
        String code,

        @Schema(description = "Members who enrolled with the code")
        long referred,

        @Schema(description = "Of those, the members who made their first purchase (each earned the referral points)")
        long firstPurchases) {

    static ReferralResponse from(ReferralService.ReferralInfo i) {
        return new ReferralResponse(i.code(), i.referred(), i.firstPurchases());
    }
}
