package com.example.loyalty.points.rest;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Why a redemption is cancelled (optional), kept in the audit log")
public record CancelRedemptionRequest(
        @Schema(description = "Why") @Size(max = 500) String reason) {}
