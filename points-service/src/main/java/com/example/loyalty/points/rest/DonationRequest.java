package com.example.loyalty.points.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Points to give to a cause")
public record DonationRequest(
        @Schema(description = "Points to donate, from your available points") @NotNull @Positive @Max(1_000_000_000L)
        Long points) {}
