package com.example.loyalty.points.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.points.service.TierService;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/points/tiers")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Tiers", description = "The rank tier ladder")
public class TierResource {

    private final TierService tiers;
    private final SecurityIdentity identity;

    public TierResource(TierService tiers, SecurityIdentity identity) {
        this.tiers = tiers;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.STAFF, Roles.MARKETER, Roles.ADMIN})
    @Operation(summary = "The tier ladder")
    public TierLadderDto ladder() {
        return TierLadderDto.from(tiers.ladder());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "Replace the tier ladder",
            description = "Tiers lowest first; the first starts at 0 and thresholds strictly increase. "
                    + "Upgrades under the new thresholds happen at a member's next purchase; nobody is downgraded.")
    @APIResponse(responseCode = "409", description = "A tier that members hold would be removed")
    @APIResponse(responseCode = "422", description = "The ladder breaks a rule")
    public TierLadderDto replace(@Valid @NotNull TierLadderDto ladder) {
        return TierLadderDto.from(tiers.replace(
                ladder.windowMonths(),
                ladder.definitions(),
                identity.getPrincipal().getName()));
    }
}
