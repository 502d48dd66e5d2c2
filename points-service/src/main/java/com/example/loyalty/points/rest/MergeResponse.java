package com.example.loyalty.points.rest;

import com.example.loyalty.points.service.MemberMerge;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A merge done, or a retried merge answered as the first time")
public record MergeResponse(
        @Schema(description = "The survivor after the merge")
        MemberResponse survivor,

        @Schema(description = "The member merged into the survivor")
        UUID mergedMemberId,

        @Schema(description = "The merged member's card code, which keeps working as an alias of the survivor's card")
        String mergedCardCode,

        @Schema(description = "Points moved from the merged member's balance to the survivor's (MERGE ledger entries)")
        long pointsMoved,

        @Schema(description = "True when the merge had been done before and nothing changed now")
        boolean replayed) {

    static MergeResponse from(MemberMerge.MergeResult r) {
        return new MergeResponse(
                MemberResponse.from(r.survivor()),
                r.mergedMemberId(),
                r.mergedCardCode(),
                r.pointsMoved(),
                r.replayed());
    }
}
