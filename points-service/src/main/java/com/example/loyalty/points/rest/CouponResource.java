package com.example.loyalty.points.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.points.service.RewardRedemptionService;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/points/coupons")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Coupons", description = "Reward coupons staff fulfil or void at the till (docs/rewards.md)")
public class CouponResource {

    private final RewardRedemptionService coupons;
    private final SecurityIdentity identity;
    private final OptionalBodies bodies;

    public CouponResource(RewardRedemptionService coupons, SecurityIdentity identity, OptionalBodies bodies) {
        this.coupons = coupons;
        this.identity = identity;
        this.bodies = bodies;
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(
            summary = "Look a coupon up",
            description = "The code as printed or typed: case, hyphens and spaces ignored, O read as 0, I and L as 1.")
    @APIResponse(responseCode = "200", description = "What it is, whose, and where it stands")
    @APIResponse(responseCode = "400", description = "Not a coupon code (wrong length or symbols, the check fails)")
    @APIResponse(responseCode = "404", description = "No such coupon")
    public CouponResponse get(@PathParam("code") String code) {
        return CouponResponse.from(coupons.coupon(code));
    }

    @POST
    @Path("/{code}/fulfil")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(
            summary = "Fulfil a coupon",
            description = "The reward was handed over; audited (COUPON_FULFILLED). Idempotent: fulfilling it again "
                    + "answers 200 with replayed=true.")
    @APIResponse(responseCode = "200", description = "Fulfilled now, or before (replayed=true)")
    @APIResponse(responseCode = "400", description = "Not a coupon code")
    @APIResponse(responseCode = "404", description = "No such coupon")
    @APIResponse(responseCode = "409", description = "coupon-voided: a voided coupon cannot be fulfilled")
    public CouponResponse fulfil(@PathParam("code") String code) {
        return CouponResponse.from(coupons.fulfil(code, actor()));
    }

    @POST
    @Path("/{code}/void")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(
            summary = "Void a coupon",
            description = "Gives the points back to the very lots they came from and the reward's stock back one; "
                    + "audited (COUPON_VOIDED, with the optional reason). Idempotent: voiding it again answers 200 with"
                    + " replayed=true and changes nothing.")
    @APIResponse(responseCode = "200", description = "Voided now, or before (replayed=true); the member's balance")
    @APIResponse(responseCode = "400", description = "Not a coupon code")
    @APIResponse(responseCode = "404", description = "No such coupon")
    @APIResponse(responseCode = "409", description = "coupon-fulfilled: a fulfilled coupon cannot be voided")
    @RequestBody(
            required = false,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CancelRedemptionRequest.class)))
    public CouponResponse voidCoupon(@PathParam("code") String code, String rawBody) throws JsonProcessingException {
        CancelRedemptionRequest body = bodies.read(rawBody, CancelRedemptionRequest.class);
        return CouponResponse.from(coupons.voidCoupon(code, actor(), body == null ? null : body.reason()));
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
