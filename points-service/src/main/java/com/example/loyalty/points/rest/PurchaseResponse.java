package com.example.loyalty.points.rest;

import com.example.loyalty.points.service.PurchaseService;
import java.math.BigDecimal;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The outcome of a purchase")
public record PurchaseResponse(
        UUID purchaseId,
        String transactionId,
        UUID memberId,
        String cardCode,

        @Schema(description = "Points earned by this purchase")
        long pointsEarned,

        @Schema(description = "Multiplier of the tier held before the purchase")
        BigDecimal multiplier,

        @Schema(description = "Balance after the purchase") long balance,

        @Schema(description = "Tier code after the purchase")
        String tier,

        String tierName,

        @Schema(description = "True when this purchase moved the member up a tier")
        boolean tierChanged,

        @Schema(description = "True when the transaction id had been recorded before and nothing was earned now")
        boolean replayed) {

    public static PurchaseResponse from(PurchaseService.PurchaseResult r) {
        return new PurchaseResponse(
                r.purchaseId(),
                r.transactionId(),
                r.memberId(),
                r.cardCode(),
                r.points(),
                r.multiplier(),
                r.balance(),
                r.tier(),
                r.tierName(),
                r.tierChanged(),
                r.replayed());
    }
}
