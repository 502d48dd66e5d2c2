package com.example.loyalty.points.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.points.service.MemberTiers;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/points/members/{id}/tier-override")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Tiers")
public class TierOverrideResource {

    private final MemberTiers memberTiers;
    private final SecurityIdentity identity;

    public TierOverrideResource(MemberTiers memberTiers, SecurityIdentity identity) {
        this.memberTiers = memberTiers;
        this.identity = identity;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary = "Hold a member at a tier until a date",
            description = "Evaluations and purchases leave the tier alone until `until`; then the normal rules apply "
                    + "again. Audited (TIER_OVERRIDDEN); a TierChanged event when the tier changes.")
    @APIResponse(responseCode = "200", description = "The override")
    @APIResponse(responseCode = "404", description = "No such member")
    @APIResponse(responseCode = "422", description = "Unknown tier, or until in the past or too far ahead")
    public MemberTiers.Overridden overrideTier(@PathParam("id") UUID id, @Valid @NotNull TierOverrideRequest body) {
        return memberTiers.override(
                id,
                body.tier(),
                body.until(),
                body.reason(),
                identity.getPrincipal().getName());
    }

    @DELETE
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary = "End a member's override now",
            description = "The tier stays; the normal rules apply again. Audited (TIER_OVERRIDE_REMOVED) when there "
                    + "was an override.")
    @APIResponse(responseCode = "204", description = "No override any more")
    @APIResponse(responseCode = "404", description = "No such member")
    public void removeTierOverride(@PathParam("id") UUID id) {
        memberTiers.removeOverride(id, null, identity.getPrincipal().getName());
    }
}
