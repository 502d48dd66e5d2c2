package com.example.loyalty.points.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "An admin's correction of a member's balance")
public record AdjustmentRequest(
        @Schema(description = "The admin's key, unique per member; the same key and content again is a replay")
        @NotBlank
        @Size(max = 128)
        String idempotencyKey,

        @Schema(description = "The member whose balance is corrected") @NotNull
        UUID memberId,

        @Schema(
                description = "Signed, never 0: positive credits, negative takes off (never below a zero balance)",
                examples = "-250")
        @NotNull
        @Min(-1_000_000_000L)
        @Max(1_000_000_000L)
        Long points,

        @Schema(description = "Why: shown in the member's history and the audit log") @NotBlank @Size(max = 500)
        String reason) {}
