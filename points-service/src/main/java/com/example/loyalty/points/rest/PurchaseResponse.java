package com.example.loyalty.points.rest;

import com.example.loyalty.points.service.PurchaseService;
import java.math.BigDecimal;
import java.util.List;
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
        boolean replayed,

        @Schema(
                description =
                        "The earning rule versions this purchase earned by, with the points each added "
                                + "(before the one rounding down); the tier multiplier and the configured base rate are not rules")
        List<AppliedRuleResponse> rules) {

    @Schema(description = "An earning rule version a purchase earned by")
    public record AppliedRuleResponse(
            UUID ruleId,
            int version,
            String kind,
            String name,

            @Schema(description = "Points it added, exact to 6 decimals")
            BigDecimal points) {}

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
                r.replayed(),
                r.rules() == null
                        ? List.of()
                        : r.rules().stream()
                                .map(a -> new AppliedRuleResponse(
                                        a.ruleId(), a.version(), a.kind(), a.name(), a.points()))
                                .toList());
    }
}
