package com.example.loyalty.points.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A new version of an action's rule: its points and caps from validFrom on")
public record ActionRuleRequest(
        @Schema(description = "Points the action earns, 0 to 1,000,000; 0 turns it off", examples = "100") @NotNull
        Long points,

        @Schema(
                nullable = true,
                description =
                        "Most points of this action per member per calendar day (points.zone); 0 to 1,000,000,000, at least the points; null: no cap")
        Long dailyCap,

        @Schema(
                nullable = true,
                description =
                        "Most points of this action per member per calendar month; 0 to 1,000,000,000, at least the points; null: no cap")
        Long monthlyCap,

        @Schema(
                nullable = true,
                description =
                        "Most points of this action per member per calendar year; 0 to 1,000,000,000, at least the points; null: no cap")
        Long yearlyCap,

        @Schema(
                description = "When the version begins: now or later, never before (default now). The version in "
                        + "force then ends there; versions scheduled from then on are replaced",
                examples = "2027-01-01T00:00:00+09:00")
        Instant validFrom,

        @Schema(description = "Why, for the audit log") @Size(max = 500)
        String reason) {}
