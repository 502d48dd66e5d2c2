package com.example.loyalty.points.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Part or all of a purchase brought back: give either the amount or the returned items")
public record ReturnRequest(
        @Schema(description = "The till's id of the return, unique per store; the same id again is a replay")
        @NotBlank
        @Size(max = 128)
        String returnId,

        @Schema(description = "The transaction id of the purchase returned") @NotBlank @Size(max = 128)
        String transactionId,

        @Schema(description = "The store of the purchase") @NotBlank @Size(max = 64)
        String storeId,

        @Schema(description = "Returned amount in minor units of the purchase's currency; or give items")
        @Positive
        @Max(1_000_000_000_000L)
        Long amount,

        @Schema(description = "The returned lines; the returned amount is their sum. Or give amount") @Size(max = 500)
        List<@Valid @NotNull Item> items,

        @Schema(description = "When the return happened; defaults to now")
        Instant occurredAt) {

    @Schema(description = "A returned line")
    public record Item(
            @Schema(description = "The product's SKU") @NotBlank @Size(max = 64)
            String sku,

            @Schema(description = "Units returned") @NotNull @Positive @Max(1_000_000)
            Long quantity,

            @Schema(description = "Amount of the line, in minor units") @NotNull @Positive @Max(1_000_000_000_000L)
            Long amount) {}
}
