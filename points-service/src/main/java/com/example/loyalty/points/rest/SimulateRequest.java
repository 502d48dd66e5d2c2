package com.example.loyalty.points.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A purchase to simulate: what it would earn, and why; nothing is recorded")
public record SimulateRequest(
        @Schema(description = "The member's card code") @NotBlank @Size(max = 32)
        String cardCode,

        @Schema(description = "Amount in minor units of the currency") @NotNull @Positive @Max(1_000_000_000_000L)
        Long amount,

        @Schema(description = "ISO 4217 currency", examples = "JPY")
        @NotBlank
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as JPY")
        String currency,

        @Schema(description = "Sales channel") @NotNull PurchaseRequest.Channel channel,

        @Schema(description = "When the purchase happens; now when absent. The rules in force then apply")
        Instant occurredAt,

        @Schema(description = "Optional line items, as at the till") @Size(max = 200)
        List<PurchaseRequest.@Valid @NotNull Item> items) {}
