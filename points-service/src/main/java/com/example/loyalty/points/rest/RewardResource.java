package com.example.loyalty.points.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.common.web.Problems;
import com.example.loyalty.points.domain.RewardStatus;
import com.example.loyalty.points.service.RewardRedemptionService;
import com.example.loyalty.points.service.RewardService;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/points/rewards")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Rewards", description = "The rewards catalogue, and redeeming rewards (docs/rewards.md)")
public class RewardResource {

    /** Longest Idempotency-Key accepted. */
    static final int MAX_KEY = 128;

    private final RewardService rewards;
    private final RewardRedemptionService redemptions;
    private final SecurityIdentity identity;
    private final OptionalBodies bodies;

    public RewardResource(
            RewardService rewards,
            RewardRedemptionService redemptions,
            SecurityIdentity identity,
            OptionalBodies bodies) {
        this.rewards = rewards;
        this.redemptions = redemptions;
        this.identity = identity;
        this.bodies = bodies;
    }

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "The rewards catalogue",
            description = "Members: the active rewards they can redeem now (their tier is eligible, within the validity"
                    + " window, in stock, under their limit, enough available points); with all=true every active "
                    + "reward, each flagged redeemable or not and why. Marketers and admins: every reward (retired ones"
                    + " too, or only those of status) with its stock and its redemptions by status.")
    @APIResponse(responseCode = "200", description = "The rewards, oldest first")
    @APIResponse(responseCode = "404", description = "A member not enrolled yet")
    public List<RewardResponse> list(
            @Parameter(description = "Members: every active reward, with why it cannot be redeemed") @QueryParam("all")
                    boolean all,
            @Parameter(description = "Marketers and admins: only rewards of this status") @QueryParam("status")
                    RewardStatus status) {
        var views = manages() ? rewards.managed(status) : rewards.forMember(actor(), all);
        return views.stream().map(RewardResponse::from).toList();
    }

    @APIResponse(
            responseCode = "200",
            description = "The reward",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RewardResponse.class)))
    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MEMBER, Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "One reward",
            description = "Members see whether they can redeem it now (and why not); marketers and admins its counts.")
    @APIResponse(responseCode = "404", description = "No such reward")
    public RewardResponse get(@PathParam("id") UUID id) {
        return RewardResponse.from(manages() ? rewards.managed(id) : rewards.forMember(actor(), id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(summary = "Add a reward", description = "Recorded in the audit log (REWARD_CREATED).")
    @APIResponse(
            responseCode = "201",
            description = "Created: {id, ...}; its address in Location",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RewardResponse.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or malformed")
    @APIResponse(
            responseCode = "422",
            description = "No kind; a tier not in the ladder; validTo not after validFrom or past; a DONATION reward"
                    + " without an existing cause, or a cause on another kind; stock operations of a change")
    public Response create(@Valid @NotNull RewardRequest request, @Context UriInfo uri) {
        if (request.changesStock()) {
            throw Problems.unprocessable(
                    "invalid-reward",
                    "Invalid reward",
                    "expectedStock, addStock and unlimitedStock change a reward's stock (PUT); a new reward takes stock");
        }
        var created = rewards.create(request.definition(), request.stock(), actor());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(created.id().toString())
                        .build())
                .entity(RewardResponse.from(created))
                .build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "Change a reward",
            description = "Replaces the descriptive fields (kind and cause cannot change). The stock changes safely "
                    + "against concurrent redemptions: addStock adds (or takes) atomically; stock sets it only if it "
                    + "still is expectedStock (compare-and-set; 409 stock-changed otherwise); unlimitedStock makes it "
                    + "unlimited. Recorded in the audit log (REWARD_CHANGED); a change that changes nothing records "
                    + "nothing.")
    @APIResponse(responseCode = "200", description = "The reward as it is now")
    @APIResponse(responseCode = "404", description = "No such reward")
    @APIResponse(
            responseCode = "409",
            description = "Retired; the stock is not expectedStock any more; addStock would take it below 0")
    @APIResponse(responseCode = "422", description = "As creating; more than one stock operation")
    public RewardResponse change(@PathParam("id") UUID id, @Valid @NotNull RewardRequest request) {
        return RewardResponse.from(rewards.change(id, request.definition(), request.stockChange(), actor()));
    }

    @POST
    @Path("/{id}/retire")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "Retire a reward",
            description = "For good: no more redemptions; coupons already issued can still be fulfilled or voided. "
                    + "Idempotent. Recorded in the audit log (REWARD_RETIRED) with the optional reason.")
    @APIResponse(responseCode = "200", description = "The reward, retired")
    @APIResponse(responseCode = "404", description = "No such reward")
    @APIResponse(responseCode = "422", description = "A cause's own donation reward (deactivate the cause)")
    @RequestBody(
            required = false,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RetireRequest.class)))
    public RewardResponse retire(@PathParam("id") UUID id, String rawBody) throws JsonProcessingException {
        RetireRequest body = bodies.read(rawBody, RetireRequest.class);
        return RewardResponse.from(rewards.retire(id, actor(), body == null ? null : body.reason()));
    }

    @POST
    @Path("/{id}/redemptions")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.MEMBER)
    @Operation(
            summary = "Redeem a reward",
            description = "Spends the reward's price from your available points (soonest-expiring first) and issues a "
                    + "coupon to show at the till (a donation reward issues none). Never oversells. With an "
                    + "Idempotency-Key, a retry answers the first redemption (200, replayed=true) and spends nothing.")
    @APIResponse(
            responseCode = "201",
            description = "Redeemed: {couponCode, redemptionId, rewardId, points, balance}",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RewardRedemptionResponse.class)))
    @APIResponse(
            responseCode = "200",
            description = "A replay of the same Idempotency-Key",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RewardRedemptionResponse.class)))
    @APIResponse(responseCode = "403", description = "tier-not-eligible: your tier may not redeem it")
    @APIResponse(responseCode = "404", description = "No such reward, or not enrolled")
    @APIResponse(
            responseCode = "409",
            description = "out-of-stock, insufficient-points, per-member-limit, reward-retired, reward-not-yet-valid, "
                    + "reward-ended, cause-closed; idempotency-key-reused (the key went to another redemption)")
    public Response redeem(
            @PathParam("id") UUID id,
            @Parameter(description = "Your key for this redemption: the same key again is a replay")
                    @HeaderParam("Idempotency-Key")
                    @Size(min = 1, max = MAX_KEY)
                    String idempotencyKey) {
        var result = redemptions.redeem(new RewardRedemptionService.RedeemCommand(id, actor(), idempotencyKey, null));
        return Response.status(result.replayed() ? Response.Status.OK : Response.Status.CREATED)
                .entity(RewardRedemptionResponse.from(result))
                .build();
    }

    private boolean manages() {
        return identity.hasRole(Roles.MARKETER) || identity.hasRole(Roles.ADMIN);
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
