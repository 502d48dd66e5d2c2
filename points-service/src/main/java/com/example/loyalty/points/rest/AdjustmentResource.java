package com.example.loyalty.points.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.common.web.Problems;
import com.example.loyalty.points.service.AdjustmentService;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/points/adjustments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Adjustments", description = "Admins' corrections of balances")
public class AdjustmentResource {

    private final AdjustmentService adjustments;
    private final SecurityIdentity identity;

    public AdjustmentResource(AdjustmentService adjustments, SecurityIdentity identity) {
        this.adjustments = adjustments;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary = "Adjust a member's balance",
            description = "Credits (positive points) or takes off (negative) points with a reason: a ledger entry of "
                    + "kind ADJUST, a PointsAdjusted event and an audit entry POINTS_ADJUSTED with the balance "
                    + "before and after. Never takes a balance below zero. Idempotent by (memberId, "
                    + "idempotencyKey).")
    @APIResponse(
            responseCode = "201",
            description = "Adjusted; the adjustment and the new balance",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AdjustmentResponse.class)))
    @APIResponse(
            responseCode = "200",
            description = "Replay of an earlier request with the same key and content",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AdjustmentResponse.class)))
    @APIResponse(responseCode = "400", description = "A field missing or out of bounds, points 0, a malformed body")
    @APIResponse(responseCode = "404", description = "No member has that id")
    @APIResponse(
            responseCode = "409",
            description = "Insufficient points for a negative adjustment, or the key was used for another adjustment "
                    + "of the member")
    public Response adjust(@Valid @NotNull AdjustmentRequest request) {
        if (request.points() == 0) {
            throw Problems.badRequest(
                    "invalid-adjustment", "Invalid adjustment", "points must not be 0: an adjustment moves points");
        }
        var result = adjustments.adjust(new AdjustmentService.AdjustmentCommand(
                request.idempotencyKey(),
                request.memberId(),
                request.points(),
                request.reason(),
                identity.getPrincipal().getName()));
        return Response.status(result.replayed() ? Response.Status.OK : Response.Status.CREATED)
                .entity(AdjustmentResponse.from(result))
                .build();
    }
}
