package com.example.loyalty.points.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Spend points: a member for themselves, or staff for the member at the till")
public record RedemptionRequest(
        @Schema(description = "Caller's key; the same key again is a replay") @NotBlank @Size(max = 128)
        String idempotencyKey,

        @Schema(description = "Member's card code; required at the till, optional (own card) for a member")
        @Size(max = 32)
        String cardCode,

        @Schema(description = "Points to spend") @NotNull @Positive @Max(1_000_000_000L)
        Long points,

        @Schema(description = "Why: reward id or text") @NotBlank @Size(max = 500)
        String reason) {}
