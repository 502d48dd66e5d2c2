package com.example.loyalty.points.rest;

import com.example.loyalty.points.service.EarningEngine;
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

@Schema(description = "A purchase at a till or online")
public record PurchaseRequest(
        @Schema(
                description = "The till's transaction id (receipt number), unique within the store; the same store and "
                        + "id again never earn twice")
        @NotBlank
        @Size(max = 128)
        String transactionId,

        @Schema(description = "The member's card code") @NotBlank @Size(max = 32)
        String cardCode,

        @Schema(description = "Amount in minor units of the currency (JPY has none)")
        @NotNull
        @Positive
        @Max(1_000_000_000_000L)
        Long amount,

        @Schema(description = "ISO 4217 currency", examples = "JPY")
        @NotBlank
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as JPY")
        String currency,

        @Schema(description = "Store id; staff record only at the store their login names") @NotBlank @Size(max = 64)
        String storeId,

        @Schema(description = "Sales channel") @NotNull Channel channel,

        @Schema(
                description = "When the purchase happened, at most points.purchases.max-age (90 days) ago and not "
                        + "in the future; defaults to now")
        Instant occurredAt,

        @Schema(
                description = "Optional line items: they earn by SKU and category rules; their amounts add up to at "
                        + "most the amount, and what they do not cover earns at the base")
        @Size(max = 200)
        List<@Valid @NotNull Item> items) {

    @Schema(description = "A line item of a purchase")
    public record Item(
            @Schema(description = "The product's SKU") @NotBlank @Size(max = 64)
            String sku,

            @Schema(description = "The product's category, if any") @Size(max = 64)
            String category,

            @Schema(description = "The line's amount in minor units of the purchase's currency")
            @NotNull
            @Positive
            @Max(1_000_000_000_000L)
            Long amount,

            @Schema(description = "How many; 1 when absent") @Positive @Max(1_000_000)
            Integer quantity) {

        public EarningEngine.Item toItem() {
            return new EarningEngine.Item(
                    sku.trim(),
                    category == null || category.isBlank() ? null : category.trim(),
                    amount,
                    quantity == null ? 1 : quantity);
        }
    }

    /** The items as the engine takes them (none when absent). */
    public List<EarningEngine.Item> engineItems() {
        return items == null ? List.of() : items.stream().map(Item::toItem).toList();
    }

    public enum Channel {
        STORE,
        ONLINE,
        APP
    }
}
