package com.example.loyalty.community.rest;

import com.example.loyalty.common.security.Roles;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/community/profile")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Community profile", description = "The signed-in member's presence in the community")
public class CommunityProfileResource {

    private final SecurityIdentity identity;

    public CommunityProfileResource(SecurityIdentity identity) {
        this.identity = identity;
    }

    @GET
    @Path("/me")
    @RolesAllowed(Roles.MEMBER)
    @Operation(
            summary = "The caller's community profile",
            description = "Preliminary: posting does not exist yet, so posts is always 0.")
    public CommunityProfileResponse me() {
        return new CommunityProfileResponse(identity.getPrincipal().getName(), 0);
    }
}
