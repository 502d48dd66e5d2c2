package com.example.loyalty.points.rest;

import com.example.loyalty.points.service.CardDesignService;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A card design as a marketer describes it")
public record CardDesignRequest(
        @Schema(description = "Unique name (case ignored)", examples = "sakura-2027") @NotBlank @Size(max = 64)
        String name,

        @Schema(description = "Title shown in Japanese", examples = "桜 2027") @Size(max = 100)
        String titleJa,

        @Schema(description = "Title shown in English", examples = "Cherry blossom 2027") @Size(max = 100)
        String titleEn,

        @Schema(description = "Background colour, #RRGGBB", examples = "#F6C9D5")
        @NotNull
        @Pattern(regexp = COLOUR, message = COLOUR_MESSAGE)
        String backgroundColor,

        @Schema(description = "Text colour, #RRGGBB", examples = "#3A1F2B")
        @NotNull
        @Pattern(regexp = COLOUR, message = COLOUR_MESSAGE)
        String textColor,

        @Schema(
                description =
                        "https address of a background image drawn under the text; the colours stay the " + "fallback")
        @Size(max = 500)
        String imageUrl,

        @Schema(description = "false retires the design, true brings it back; omitted: unchanged (true for a new one)")
        Boolean active) {

    static final String COLOUR = "#[0-9A-Fa-f]{6}";
    static final String COLOUR_MESSAGE = "must be a colour #RRGGBB";

    CardDesignService.Definition definition() {
        return new CardDesignService.Definition(name, titleJa, titleEn, backgroundColor, textColor, imageUrl, active);
    }
}
