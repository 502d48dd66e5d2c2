package com.example.loyalty.points.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.points.service.CauseService;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/points/causes")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Causes", description = "Social contribution: causes members donate points to (docs/rewards.md)")
public class CauseResource {

    private final CauseService causes;
    private final SecurityIdentity identity;

    public CauseResource(CauseService causes, SecurityIdentity identity) {
        this.causes = causes;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.STAFF, Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "The causes and their totals",
            description = "The active causes with what members donated, what the brand matched and how many donors; "
                    + "marketers and admins with all=true see inactive ones too.")
    public List<CauseResponse> list(
            @Parameter(description = "Marketers and admins: inactive causes too") @QueryParam("all") boolean all) {
        return causes.list(all && manages()).stream().map(CauseResponse::from).toList();
    }

    @APIResponse(
            responseCode = "200",
            description = "The cause",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CauseResponse.class)))
    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MEMBER, Roles.STAFF, Roles.MARKETER, Roles.ADMIN})
    @Operation(summary = "One cause and its totals", description = "donatedPoints, matchedPoints, donors, donations.")
    @APIResponse(responseCode = "404", description = "No such cause")
    public CauseResponse get(@PathParam("id") UUID id) {
        return CauseResponse.from(causes.get(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "Add a cause",
            description = "Creates the cause and its own DONATION reward; recorded in the audit log (CAUSE_CREATED).")
    @APIResponse(
            responseCode = "201",
            description = "Created: {id, rewardId, ...}; its address in Location",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CauseResponse.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or malformed")
    @APIResponse(responseCode = "422", description = "validTo not after validFrom; more than 4 decimals; active false")
    public Response create(@Valid @NotNull CauseRequest request, @Context UriInfo uri) {
        var created = causes.create(request.definition(), actor());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(created.id().toString())
                        .build())
                .entity(CauseResponse.from(created))
                .build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "Change a cause",
            description = "Replaces its fields; active false stops donations (the totals stay). A new matching ratio "
                    + "applies to later donations only. Recorded in the audit log (CAUSE_CHANGED); a change that "
                    + "changes nothing records nothing.")
    @APIResponse(responseCode = "200", description = "The cause as it is now")
    @APIResponse(responseCode = "404", description = "No such cause")
    @APIResponse(responseCode = "422", description = "validTo not after validFrom; more than 4 decimals")
    public CauseResponse change(@PathParam("id") UUID id, @Valid @NotNull CauseRequest request) {
        return CauseResponse.from(causes.change(id, request.definition(), actor()));
    }

    @POST
    @Path("/{id}/donations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MEMBER)
    @Operation(
            summary = "Donate points",
            description = "Gives points from your available points (soonest-expiring first) to the cause, through its "
                    + "DONATION reward; the brand adds its matching. With an Idempotency-Key, a retry answers the first "
                    + "donation (200, replayed=true) and gives nothing more.")
    @APIResponse(
            responseCode = "201",
            description = "Donated; the cause's totals after it",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DonationResponse.class)))
    @APIResponse(
            responseCode = "200",
            description = "A replay of the same Idempotency-Key",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DonationResponse.class)))
    @APIResponse(responseCode = "400", description = "points missing, not positive")
    @APIResponse(responseCode = "404", description = "No such cause, or not enrolled")
    @APIResponse(
            responseCode = "409",
            description = "insufficient-points; cause-closed (inactive or outside its window); idempotency-key-reused")
    public Response donate(
            @PathParam("id") UUID id,
            @Parameter(description = "Your key for this donation: the same key again is a replay")
                    @HeaderParam("Idempotency-Key")
                    @Size(min = 1, max = RewardResource.MAX_KEY)
                    String idempotencyKey,
            @Valid @NotNull DonationRequest request) {
        var donation = causes.donate(id, actor(), idempotencyKey, request.points());
        return Response.status(donation.redemption().replayed() ? Response.Status.OK : Response.Status.CREATED)
                .entity(DonationResponse.from(donation))
                .build();
    }

    private boolean manages() {
        return identity.hasRole(Roles.MARKETER) || identity.hasRole(Roles.ADMIN);
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
