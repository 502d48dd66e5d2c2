package com.example.loyalty.points.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.points.service.OptIns;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The information program: members' opt-ins (the export: {@link OptInExportResource}). */
@Path("/api/points/members")
@Authenticated
@Tag(name = "Opt-ins", description = "The information program: newsletter, e-mail and push consents")
public class OptInResource {

    private final OptIns optIns;
    private final SecurityIdentity identity;

    public OptInResource(OptIns optIns, SecurityIdentity identity) {
        this.optIns = optIns;
        this.identity = identity;
    }

    @APIResponse(
            responseCode = "200",
            description = "The consents and their history",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = OptIns.View.class)))
    @GET
    @Path("/me/opt-ins")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MEMBER)
    @Operation(
            summary = "The caller's opt-ins",
            description = "newsletter, email and push, and per channel when and from where (APP, TILL, IMPORT) it was "
                    + "last given or withdrawn.")
    @APIResponse(responseCode = "404", description = "Not enrolled")
    public OptIns.View myOptIns() {
        return optIns.ofSubject(subject());
    }

    @PUT
    @Path("/me/opt-ins")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MEMBER)
    @Operation(
            summary = "Change the caller's opt-ins",
            description = "{newsletter, email, push}; a flag omitted stays as it is. Only the channels that change get "
                    + "a new consent time (source APP); each change is kept as proof (who, when, what). changed lists "
                    + "them.")
    @APIResponse(responseCode = "200", description = "The opt-ins now")
    @APIResponse(responseCode = "400", description = "Not a JSON object of booleans")
    @APIResponse(responseCode = "404", description = "Not enrolled")
    public OptIns.View changeMyOptIns(@Valid @NotNull OptInsRequest request) {
        return optIns.changeOwn(subject(), change(request));
    }

    @APIResponse(
            responseCode = "200",
            description = "The consents and their history",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = OptIns.View.class)))
    @GET
    @Path("/{memberId}/opt-ins")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "A member's opt-ins")
    @APIResponse(responseCode = "404", description = "No such member")
    public OptIns.View optInsOf(@PathParam("memberId") UUID memberId) {
        return optIns.ofMember(memberId);
    }

    @PUT
    @Path("/{memberId}/opt-ins")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(
            summary = "Record a member's opt-ins at the till",
            description = "As the member's own change, with source TILL and the staff login as who.")
    @APIResponse(responseCode = "200", description = "The opt-ins now")
    @APIResponse(responseCode = "404", description = "No such member")
    public OptIns.View recordOptInsAtTill(@PathParam("memberId") UUID memberId, @Valid @NotNull OptInsRequest request) {
        return optIns.changeAtTill(memberId, change(request), subject());
    }

    private static OptIns.Change change(OptInsRequest r) {
        return new OptIns.Change(r.newsletter(), r.email(), r.push());
    }

    private String subject() {
        return identity.getPrincipal().getName();
    }
}
