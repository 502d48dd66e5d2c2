package com.example.loyalty.community.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.community.service.ModerationService;
import com.example.loyalty.community.service.ReportService;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reporting, hiding and unhiding comments. */
@Path("/api/community/comments/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Community moderation", description = "Reports, hiding and unhiding of posts and comments")
public class CommentModerationResource {

    private final ReportService reports;
    private final ModerationService moderation;

    public CommentModerationResource(ReportService reports, ModerationService moderation) {
        this.reports = reports;
        this.moderation = moderation;
    }

    @POST
    @Path("/reports")
    @RolesAllowed(Roles.MEMBER)
    @Operation(
            summary = "Report a comment",
            description = "A member reports a visible comment they see to the moderators (not their own)."
                    + " One open report per member and comment.")
    @APIResponse(
            responseCode = "201",
            description = "Reported",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReportResponse.class)))
    @APIResponse(responseCode = "400", description = "reason missing or unknown, note too long")
    @APIResponse(responseCode = "403", description = "Banned from the community")
    @APIResponse(
            responseCode = "404",
            description = "No such visible comment (on a visible post of a space the member sees)")
    @APIResponse(
            responseCode = "409",
            description = "The member already has an open report on it (or is not known yet)")
    @APIResponse(responseCode = "422", description = "The member's own comment")
    public Response report(@PathParam("id") UUID id, @Valid @NotNull ReportRequest request) {
        return Response.status(Response.Status.CREATED)
                .entity(ReportResponse.from(reports.reportComment(id, request.reason(), request.note())))
                .build();
    }

    @POST
    @Path("/hide")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Hide a comment", description = PostModerationResource.HIDE)
    @APIResponse(responseCode = "200", description = "Hidden")
    @APIResponse(responseCode = "400", description = "reason missing or too long")
    @APIResponse(responseCode = "404", description = "No such comment (or deleted by its author)")
    @APIResponse(responseCode = "409", description = "Already hidden")
    public ModerationResponse hide(@PathParam("id") UUID id, @Valid @NotNull ModerationRequest request) {
        return ModerationResponse.from(
                moderation.hideComment(id, request.reason().strip()));
    }

    @POST
    @Path("/unhide")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Unhide a comment", description = PostModerationResource.UNHIDE)
    @APIResponse(responseCode = "200", description = "Visible again")
    @APIResponse(responseCode = "400", description = "reason missing or too long")
    @APIResponse(responseCode = "404", description = "No such comment (or deleted by its author)")
    @APIResponse(responseCode = "409", description = "Not hidden")
    public ModerationResponse unhide(@PathParam("id") UUID id, @Valid @NotNull ModerationRequest request) {
        return ModerationResponse.from(
                moderation.unhideComment(id, request.reason().strip()));
    }
}
