package com.example.loyalty.points.rest;

import com.example.loyalty.points.service.CardDesignView;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A design of the digital member card")
public record CardDesignResponse(
        UUID id,
        String name,
        String titleJa,
        String titleEn,

        @Schema(description = "#RRGGBB") String backgroundColor,

        @Schema(description = "#RRGGBB") String textColor,

        @Schema(description = "https address of the background image; null: colours only")
        String imageUrl,

        @Schema(description = "The design of members who chose none, or whose choice was retired")
        boolean isDefault,

        @Schema(description = "false: retired, members cannot choose it")
        boolean active,

        Instant retiredAt,
        Instant updatedAt,
        String updatedBy) {

    static CardDesignResponse from(CardDesignView v) {
        return new CardDesignResponse(
                v.id(),
                v.name(),
                v.titleJa(),
                v.titleEn(),
                v.backgroundColor(),
                v.textColor(),
                v.imageUrl(),
                v.isDefault(),
                v.active(),
                v.retiredAt(),
                v.updatedAt(),
                v.updatedBy());
    }
}
