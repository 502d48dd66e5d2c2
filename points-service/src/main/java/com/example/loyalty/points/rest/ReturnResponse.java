package com.example.loyalty.points.rest;

import com.example.loyalty.points.service.ReturnService;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The outcome of a return, and the member's points after it")
public record ReturnResponse(
        String returnId,
        String storeId,
        UUID purchaseId,
        String transactionId,
        UUID memberId,

        @Schema(description = "Returned amount, in minor units")
        long amount,

        @Schema(description = "Points taken back from the member's balance")
        long pointsReversed,

        @Schema(description = "Points the return should have taken back but were spent already: added to the debt")
        long shortfall,

        @Schema(description = "Balance after the return") long balance,

        @Schema(description = "Available points after the return")
        long available,

        @Schema(description = "Pending points after the return")
        long pending,

        @Schema(description = "The member's debt after the return")
        long debt,

        @Schema(description = "True when the return id had been used before and nothing changed now")
        boolean replayed) {

    static ReturnResponse from(ReturnService.ReturnResult r) {
        return new ReturnResponse(
                r.returnId(),
                r.storeId(),
                r.purchaseId(),
                r.transactionId(),
                r.memberId(),
                r.amount(),
                r.pointsReversed(),
                r.shortfall(),
                r.balances().balance(),
                r.balances().available(),
                r.balances().pending(),
                r.balances().debt(),
                r.replayed());
    }
}
