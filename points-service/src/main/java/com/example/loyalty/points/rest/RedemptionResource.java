package com.example.loyalty.points.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.points.service.RedemptionService;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
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

    public RedemptionResource(RedemptionService redemptions, SecurityIdentity identity) {
        this.redemptions = redemptions;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({Roles.MEMBER, Roles.STAFF, Roles.ADMIN})
    @Operation(
            summary = "Redeem points",
            description = "A member redeems their own points (cardCode optional, must be their own); "
                    + "staff redeem for the member whose cardCode they give. Never lets a balance go below zero.")
    @APIResponse(responseCode = "201", description = "Redeemed")
    @APIResponse(responseCode = "200", description = "Replay of an earlier request with the same idempotencyKey")
    @APIResponse(responseCode = "409", description = "Insufficient points, or the key was used for a different amount")
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
}
