package com.example.loyalty.points.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Hold a member at a tier until a date, whatever evaluations and purchases say")
public record TierOverrideRequest(
        @Schema(examples = "GOLD") @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{0,31}")
        String tier,

        @Schema(
                description = "When the override ends (then the normal rules apply again); in the future, at most 3660 "
                        + "days ahead")
        @NotNull
        Instant until,

        @Schema(description = "Why, for the audit log") @NotBlank @Size(max = 500)
        String reason) {}
