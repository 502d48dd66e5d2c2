package com.example.loyalty.points.rest;

import com.example.loyalty.points.service.CauseService;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A cause as a marketer describes it; a PUT replaces every field (omitted: cleared; active: kept)")
public record CauseRequest(
        @Schema(examples = "Forest of Tomorrow") @NotBlank @Size(max = 200)
        String name,

        @Size(max = 2000) String description,

        @Schema(
                description = "Points the brand adds per point donated, up to 4 decimals (0.5: one per two donated); "
                        + "omitted: 0, no matching",
                examples = "0.5")
        @DecimalMin("0")
        @DecimalMax("100")
        BigDecimal matchingRatio,

        @Schema(description = "false: members cannot donate (its totals stay visible); omitted: unchanged (true new)")
        Boolean active,

        @Schema(description = "Donations from (omitted: at once)")
        Instant validFrom,

        @Schema(description = "Donations until, exclusive (omitted: no end)")
        Instant validTo) {

    CauseService.Definition definition() {
        return new CauseService.Definition(name, description, matchingRatio, active, validFrom, validTo);
    }
}
