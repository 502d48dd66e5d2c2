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

/** Reporting, hiding and unhiding posts (the posts themselves: PostResource). */
@Path("/api/community/posts/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Community moderation", description = "Reports, hiding and unhiding of posts and comments")
public class PostModerationResource {

    static final String HIDE = "Hides the content: it is kept (with who hid it, when and why) but disappears from"
            + " feeds, search, ratings, counters and analytics. Hiding revokes the contributions about the content"
            + " (score and points are taken back, reason \"HIDDEN: <reason>\"): for a post its POST or REVIEW"
            + " contribution and those for reactions it received (answers on it keep theirs); for a comment its"
            + " ANSWER, ACCEPTED_ANSWER and reaction contributions. The content's open reports are resolved as"
            + " HIDDEN. Audited in the moderation log. Hiding hidden content is a 409 (not idempotent).";

    static final String UNHIDE = "Makes hidden content visible again. Contributions revoked by hiding do NOT come"
            + " back (neither score nor points). Audited in the moderation log. Unhiding visible content is a 409.";

    private final ReportService reports;
    private final ModerationService moderation;

    public PostModerationResource(ReportService reports, ModerationService moderation) {
        this.reports = reports;
        this.moderation = moderation;
    }

    @POST
    @Path("/reports")
    @RolesAllowed(Roles.MEMBER)
    @Operation(
            summary = "Report a post",
            description = "A member reports a visible post of a space they see to the moderators (not their own)."
                    + " One open report per member and post.")
    @APIResponse(
            responseCode = "201",
            description = "Reported",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReportResponse.class)))
    @APIResponse(responseCode = "400", description = "reason missing or unknown, note too long")
    @APIResponse(responseCode = "403", description = "Banned from the community")
    @APIResponse(responseCode = "404", description = "No such visible post in a space the member sees")
    @APIResponse(
            responseCode = "409",
            description = "The member already has an open report on it (or is not known yet)")
    @APIResponse(responseCode = "422", description = "The member's own post")
    public Response report(@PathParam("id") UUID id, @Valid @NotNull ReportRequest request) {
        return Response.status(Response.Status.CREATED)
                .entity(ReportResponse.from(reports.reportPost(id, request.reason(), request.note())))
                .build();
    }

    @POST
    @Path("/hide")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Hide a post", description = HIDE)
    @APIResponse(responseCode = "200", description = "Hidden")
    @APIResponse(responseCode = "400", description = "reason missing or too long")
    @APIResponse(responseCode = "404", description = "No such post (or deleted by its author)")
    @APIResponse(responseCode = "409", description = "Already hidden")
    public ModerationResponse hide(@PathParam("id") UUID id, @Valid @NotNull ModerationRequest request) {
        return ModerationResponse.from(moderation.hidePost(id, request.reason().strip()));
    }

    @POST
    @Path("/unhide")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Unhide a post", description = UNHIDE)
    @APIResponse(responseCode = "200", description = "Visible again")
    @APIResponse(responseCode = "400", description = "reason missing or too long")
    @APIResponse(responseCode = "404", description = "No such post (or deleted by its author)")
    @APIResponse(responseCode = "409", description = "Not hidden")
    public ModerationResponse unhide(@PathParam("id") UUID id, @Valid @NotNull ModerationRequest request) {
        return ModerationResponse.from(
                moderation.unhidePost(id, request.reason().strip()));
    }
}
