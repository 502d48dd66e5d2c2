package com.example.loyalty.points.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.points.service.CardDesignService;
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

@Path("/api/points/card-designs")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Card designs", description = "The catalogue of digital card designs members choose from")
public class CardDesignResource {

    private final CardDesignService designs;
    private final SecurityIdentity identity;

    public CardDesignResource(CardDesignService designs, SecurityIdentity identity) {
        this.designs = designs;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "The card designs",
            description = "Default first, then by name. Members see the active designs they can choose; marketers "
                    + "and admins see retired ones too.")
    public List<CardDesignResponse> list() {
        return designs.catalogue(managesDesigns()).stream()
                .map(CardDesignResponse::from)
                .toList();
    }

    @APIResponse(
            responseCode = "200",
            description = "The design",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CardDesignResponse.class)))
    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MEMBER, Roles.MARKETER, Roles.ADMIN})
    @Operation(summary = "One card design", description = "A retired design is not found for a member.")
    @APIResponse(responseCode = "404", description = "No such design")
    public CardDesignResponse get(@PathParam("id") UUID id) {
        return CardDesignResponse.from(designs.get(id, managesDesigns()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(summary = "Add a card design", description = "Recorded in the audit log (CARD_DESIGN_CREATED).")
    @APIResponse(
            responseCode = "201",
            description = "Created; its address in Location",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CardDesignResponse.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or malformed")
    @APIResponse(responseCode = "409", description = "Another design has the name")
    @APIResponse(responseCode = "422", description = "The image address is not https, or active is false")
    public Response create(@Valid @NotNull CardDesignRequest request, @Context UriInfo uri) {
        var created = designs.create(request.definition(), actor());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(created.id().toString())
                        .build())
                .entity(CardDesignResponse.from(created))
                .build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "Change or retire a card design",
            description = "Replaces the design's fields. active false retires it: members cannot choose it any more "
                    + "and those who had see the default design; active true brings it back. Recorded in the audit "
                    + "log (CARD_DESIGN_UPDATED, CARD_DESIGN_RETIRED); a PUT that changes nothing records nothing.")
    @APIResponse(responseCode = "200", description = "The design as it is now")
    @APIResponse(responseCode = "400", description = "A field is missing or malformed")
    @APIResponse(responseCode = "404", description = "No such design")
    @APIResponse(responseCode = "409", description = "Another design has the name")
    @APIResponse(responseCode = "422", description = "The default design cannot be retired; the image is not https")
    public CardDesignResponse update(@PathParam("id") UUID id, @Valid @NotNull CardDesignRequest request) {
        return CardDesignResponse.from(designs.update(id, request.definition(), actor()));
    }

    private boolean managesDesigns() {
        return identity.hasRole(Roles.MARKETER) || identity.hasRole(Roles.ADMIN);
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
