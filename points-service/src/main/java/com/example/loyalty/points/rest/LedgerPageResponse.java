package com.example.loyalty.points.rest;

import com.example.loyalty.points.service.MemberService;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A page of the ledger, newest entry first")
public record LedgerPageResponse(List<Entry> items, int page, int size, long total) {

    @Schema(description = "One movement of points")
    public record Entry(
            UUID id,

            @Schema(
                    description = "The member the entry is booked on: the member asked for, or one merged into them "
                            + "(a survivor's history shows theirs too)")
            UUID memberId,

            @Schema(description = "EARN, REDEEM, EXPIRE, ADJUST, REVERSE or MERGE (a balance moved by a member merge)")
            String kind,

            @Schema(description = "Signed: positive earns, negative spends")
            long points,

            long balanceAfter,

            @Schema(
                    description = "PURCHASE, REDEMPTION (also a cancelled redemption's REVERSE), SURVEY, COMMUNITY, "
                            + "RETURN, EXPIRY, DEBT (a \"debt repaid\" REVERSE), …")
            String referenceType,

            @Schema(
                    description = "The purchase's transaction id, the redemption id, the survey wave, the community "
                            + "contribution, the return's id, the expiry run's id, the id of the entry whose points "
                            + "repaid debt, …")
            String referenceId,

            String reason,
            Instant createdAt) {

        static Entry from(MemberService.LedgerLine e) {
            return new Entry(
                    e.id(),
                    e.memberId(),
                    e.kind(),
                    e.points(),
                    e.balanceAfter(),
                    e.referenceType(),
                    e.referenceId(),
                    e.reason(),
                    e.createdAt());
        }
    }

    public static LedgerPageResponse from(MemberService.LedgerPage page) {
        return new LedgerPageResponse(
                page.entries().stream().map(Entry::from).toList(), page.page(), page.size(), page.total());
    }
}
