package com.example.loyalty.points.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.common.web.Paging;
import com.example.loyalty.points.service.RewardRedemptionService;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/points/members")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Rewards")
public class MyRewardsResource {

    private final RewardRedemptionService redemptions;
    private final SecurityIdentity identity;

    public MyRewardsResource(RewardRedemptionService redemptions, SecurityIdentity identity) {
        this.redemptions = redemptions;
        this.identity = identity;
    }

    @Schema(description = "A page of your reward redemptions and donations, newest first")
    public record MyRewardsResponse(List<RewardRedemptionResponse> items, long total, int page, int size) {}

    @GET
    @Path("/me/rewards")
    @RolesAllowed(Roles.MEMBER)
    @Operation(
            summary = "My rewards and donations",
            description = "Your reward redemptions (with their coupons and where they stand) and donations, newest "
                    + "first.")
    @APIResponse(responseCode = "200", description = "A page")
    @APIResponse(responseCode = "400", description = "page below 0, size outside 1-100")
    @APIResponse(responseCode = "404", description = "Not enrolled")
    public MyRewardsResponse mine(
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(100) int size) {
        var mine = redemptions.mine(identity.getPrincipal().getName(), page, size);
        return new MyRewardsResponse(
                mine.items().stream().map(RewardRedemptionResponse::from).toList(),
                mine.total(),
                mine.page(),
                mine.size());
    }
}
