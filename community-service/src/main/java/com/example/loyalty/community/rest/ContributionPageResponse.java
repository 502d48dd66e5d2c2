package com.example.loyalty.community.rest;

import com.example.loyalty.community.service.MemberProfiles;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A page of a member's contributions, newest first")
public record ContributionPageResponse(
        List<ContributionResponse> items,

        @Schema(description = "Pass as `cursor` for the next page; absent on the last page")
        String nextCursor) {

    static ContributionPageResponse from(MemberProfiles.History history) {
        return new ContributionPageResponse(
                history.items().stream().map(ContributionResponse::from).toList(), history.nextCursor());
    }
}
