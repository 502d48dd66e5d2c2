package com.example.loyalty.points.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A new version of an action's rule: its points and caps from validFrom on")
public record ActionRuleRequest(
        @Schema(description = "Points the action earns; 0 turns it off", examples = "100") @NotNull @Min(0)
        @Max(1_000_000)
        Long points,

        @Schema(description = "Most points of this action per member per calendar day (points.zone); null: no cap")
        @Min(0)
        @Max(1_000_000_000)
        Long dailyCap,

        @Schema(description = "Most points of this action per member per calendar month; null: no cap")
        @Min(0)
        @Max(1_000_000_000)
        Long monthlyCap,

        @Schema(description = "Most points of this action per member per calendar year; null: no cap")
        @Min(0)
        @Max(1_000_000_000)
        Long yearlyCap,

        @Schema(
                description = "When the version begins: now or later, never before (default now). The version in "
                        + "force then ends there; versions scheduled from then on are replaced",
                examples = "2027-01-01T00:00:00+09:00")
        Instant validFrom,

        @Schema(description = "Why, for the audit log") @Size(max = 500)
        String reason) {}
