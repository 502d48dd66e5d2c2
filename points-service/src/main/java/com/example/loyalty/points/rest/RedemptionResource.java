package com.example.loyalty.points.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.points.service.RedemptionService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/points/redemptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Redemptions", description = "Spending points")
public class RedemptionResource {

    private final RedemptionService redemptions;
    private final SecurityIdentity identity;
    private final ObjectMapper json;
    private final Validator validator;

    public RedemptionResource(
            RedemptionService redemptions, SecurityIdentity identity, ObjectMapper json, Validator validator) {
        this.redemptions = redemptions;
        this.identity = identity;
        this.json = json;
        this.validator = validator;
    }

    @POST
    @RolesAllowed({Roles.MEMBER, Roles.STAFF, Roles.ADMIN})
    @Operation(
            summary = "Redeem points",
            description = "A member redeems their own points (cardCode optional, must be their own); "
                    + "staff redeem for the member whose cardCode they give. Spends available points only, from the "
                    + "soonest-expiring lot first; never lets a balance go below zero.")
    @APIResponse(
            responseCode = "201",
            description = "Redeemed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RedemptionResponse.class)))
    @APIResponse(
            responseCode = "200",
            description = "Replay of an earlier request with the same idempotencyKey",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RedemptionResponse.class)))
    @APIResponse(
            responseCode = "409",
            description = "Insufficient available points (pending ones cannot be spent), or the key was used for a "
                    + "different amount")
    @APIResponse(
            responseCode = "404",
            description = "Staff: no member has the card; a member: the caller is not enrolled")
    @APIResponse(responseCode = "422", description = "Staff at the till without the member's cardCode")
    public Response redeem(@Valid @NotNull RedemptionRequest request) {
        boolean staff = identity.hasRole(Roles.STAFF) || identity.hasRole(Roles.ADMIN);
        boolean atTill = staff && (request.cardCode() != null || !identity.hasRole(Roles.MEMBER));
        var result = redemptions.redeem(new RedemptionService.RedemptionCommand(
                request.idempotencyKey(),
                request.cardCode(),
                request.points(),
                request.reason(),
                identity.getPrincipal().getName(),
                atTill));
        return Response.status(result.replayed() ? Response.Status.OK : Response.Status.CREATED)
                .entity(RedemptionResponse.from(result))
                .build();
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(
            summary = "Cancel a redemption",
            description = "Gives the redemption's points back to the very lots it took them from (with their own "
                    + "expiry dates), records who cancelled it and when, and audits it. Idempotent: cancelling it again "
                    + "answers 200 with replayed=true and changes nothing. The body (a reason) is optional.")
    @APIResponse(responseCode = "200", description = "Cancelled now, or before (replayed=true)")
    @APIResponse(responseCode = "404", description = "No such redemption")
    @APIResponse(
            responseCode = "409",
            description = "A reward's coupon (void it instead) or a donation (final), or a redemption of a member "
                    + "merged since")
    @RequestBody(
            required = false,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CancelRedemptionRequest.class)))
    public CancelRedemptionResponse cancel(@PathParam("id") UUID id, String rawBody) throws JsonProcessingException {
        // the body is optional (a bare POST cancels without a reason), so it is read by hand
        CancelRedemptionRequest body =
                rawBody == null || rawBody.isBlank() ? null : json.readValue(rawBody, CancelRedemptionRequest.class);
        if (body != null) {
            var violations = validator.validate(body);
            if (!violations.isEmpty()) {
                throw new ConstraintViolationException(violations);
            }
        }
        return CancelRedemptionResponse.from(
                redemptions.cancel(id, identity.getPrincipal().getName(), body == null ? null : body.reason()));
    }
}
