package com.example.loyalty.metrics.rest;

import com.example.loyalty.metrics.service.MemberActivityView;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A member's purchase behaviour, aggregated from loyalty-transactions events")
public record MemberActivityResponse(
        @Schema(description = "Member id (the member's id in points-service)")
        UUID memberId,

        @Schema(
                description = "Purchases counted in currency: each purchase (store and transaction id) once, however "
                        + "often it is delivered; a purchase returned in full no longer counts")
        long purchaseCount,

        @Schema(
                description = "Sum of purchase amounts in minor units of currency (JPY has none), net of returns",
                examples = "12345")
        long totalSpend,

        @Schema(description = "ISO 4217 currency of totalSpend; null while no purchase counts", examples = "JPY")
        String currency,

        @Schema(description = "Time of the latest purchase counted (UTC); null while none counts")
        Instant lastPurchaseAt,

        @Schema(description = "Points earned on the purchases counted, less what their returns took back")
        long pointsEarned,

        @Schema(
                description = "Tier code as last reported by points-service; null if none reported yet",
                examples = "SILVER")
        String tier,

        @Schema(description = "When the last event about this member was applied (UTC)")
        Instant updatedAt) {

    public static MemberActivityResponse from(MemberActivityView a) {
        return new MemberActivityResponse(
                a.memberId(),
                a.purchaseCount(),
                a.totalSpend(),
                a.currency(),
                a.lastPurchaseAt(),
                a.pointsEarned(),
                a.tier(),
                a.updatedAt());
    }
}
