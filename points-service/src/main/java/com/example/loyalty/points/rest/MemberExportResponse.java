package com.example.loyalty.points.rest;

import com.example.loyalty.points.service.MemberExport;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Everything points-service stores about a member")
public record MemberExportResponse(
        @Schema(description = "The member (the survivor, when a merged member's id was asked for)")
        UUID memberId,

        @Schema(description = "The member rows exported: the member, then the members merged into it")
        List<UUID> memberIds,

        Instant exportedAt,

        @Schema(
                description = "The rows of every table about these members, by table name, each row with the columns "
                        + "as stored (member, community_award, ledger_entry, point_lot, purchase, purchase_return, "
                        + "redemption, survey_award and any later table with a member_id; lot_consumption of their "
                        + "ledger entries; audit_entry: the audit log's entries about them)")
        Map<String, JsonNode> tables) {

    static MemberExportResponse from(MemberExport.Export e) {
        return new MemberExportResponse(e.memberId(), e.memberIds(), e.exportedAt(), e.tables());
    }
}
