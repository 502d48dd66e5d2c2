package com.example.loyalty.points.rest;

import com.example.loyalty.points.service.MemberCardService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The member's digital card")
public record MemberCardResponse(
        @Schema(description = "16-digit card code staff scan; as a QR code at card.png and card.svg")
        String cardCode,

        String displayName,

        @Schema(description = "Code of the current tier", examples = "SILVER")
        String tier,

        @Schema(description = "Display name of the current tier", examples = "Silver")
        String tierName,

        @Schema(description = "The design the card is drawn in: the member's choice, else the default")
        CardDesignResponse design,

        @Schema(description = "The member's chosen design was retired, so the card shows the default")
        boolean chosenDesignRetired) {

    static MemberCardResponse from(MemberCardService.CardView v) {
        return new MemberCardResponse(
                v.cardCode(),
                v.displayName(),
                v.tierCode(),
                v.tierName(),
                CardDesignResponse.from(v.design()),
                v.chosenDesignRetired());
    }
}
