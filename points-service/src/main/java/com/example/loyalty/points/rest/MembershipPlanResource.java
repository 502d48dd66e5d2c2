package com.example.loyalty.points.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.points.service.MembershipPlanService;
import com.example.loyalty.points.service.MembershipPlanService.PlanView;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/points/membership-plans")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Paid membership", description = "Fee-based tiers: plans, members' memberships, the payment webhook")
public class MembershipPlanResource {

    private final MembershipPlanService plans;
    private final SecurityIdentity identity;

    public MembershipPlanResource(MembershipPlanService plans, SecurityIdentity identity) {
        this.plans = plans;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.STAFF, Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "The membership plans",
            description = "By code. Members and staff see the plans open to new members; marketers and admins see "
                    + "retired ones too.")
    public List<PlanView> listMembershipPlans() {
        return plans.catalogue(manages());
    }

    @APIResponse(
            responseCode = "200",
            description = "The plan",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MEMBER, Roles.STAFF, Roles.MARKETER, Roles.ADMIN})
    @Operation(summary = "One membership plan", description = "A retired plan is not found for members and staff.")
    @APIResponse(responseCode = "404", description = "No such plan")
    public PlanView getMembershipPlan(@PathParam("id") UUID id) {
        return plans.get(id, manages());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "Create a membership plan",
            description = "A fee-based tier: price per MONTH or YEAR, earning multiplier (0, 10] with 3 decimals at "
                    + "most, perks. Recorded in the audit log (MEMBERSHIP_PLAN_CREATED).")
    @APIResponse(
            responseCode = "201",
            description = "Created; its address in Location",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or out of bounds")
    @APIResponse(responseCode = "409", description = "Another plan has the code")
    @APIResponse(responseCode = "422", description = "Unknown currency, or active false")
    public Response createMembershipPlan(@Valid @NotNull MembershipPlanRequest request, @Context UriInfo uri) {
        PlanView created = plans.create(request.definition(), actor());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(created.id().toString())
                        .build())
                .entity(created)
                .build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "Change or retire a membership plan",
            description = "Replaces the plan's fields (the code never changes). A new price or multiplier applies to "
                    + "periods paid from then on. active false retires it: no new membership starts on it, running "
                    + "ones renew on it. Recorded in the audit log (MEMBERSHIP_PLAN_CHANGED, "
                    + "MEMBERSHIP_PLAN_RETIRED); a PUT that changes nothing records nothing.")
    @APIResponse(responseCode = "200", description = "The plan as it is now")
    @APIResponse(responseCode = "400", description = "A field is missing or out of bounds")
    @APIResponse(responseCode = "404", description = "No such plan")
    @APIResponse(responseCode = "422", description = "Another code than the plan's, an unknown currency")
    public PlanView updateMembershipPlan(@PathParam("id") UUID id, @Valid @NotNull MembershipPlanRequest request) {
        return plans.update(id, request.definition(), actor());
    }

    private boolean manages() {
        return identity.hasRole(Roles.MARKETER) || identity.hasRole(Roles.ADMIN);
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
