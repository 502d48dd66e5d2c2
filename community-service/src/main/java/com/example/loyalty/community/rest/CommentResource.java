package com.example.loyalty.community.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.community.service.CommentService;
import com.example.loyalty.community.service.CommentService.CommentDetails;
import com.example.loyalty.community.service.ReactionService;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/community/comments/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Community comments", description = "Editing, deleting and reacting to comments and answers")
public class CommentResource {

    private final CommentService comments;
    private final ReactionService reactions;

    public CommentResource(CommentService comments, ReactionService reactions) {
        this.comments = comments;
        this.reactions = reactions;
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MEMBER)
    @Operation(summary = "Edit a comment (its author only)", description = "The body replaced is kept in the history.")
    @APIResponse(
            responseCode = "200",
            description = "Edited",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CommentResponse.class)))
    @APIResponse(responseCode = "403", description = "Not the author, or banned")
    @APIResponse(responseCode = "404", description = "No such comment")
    @APIResponse(responseCode = "422", description = "Empty or too long")
    public CommentResponse editComment(@PathParam("id") UUID id, @NotNull CommentRequest request) {
        var c = comments.edit(id, request.body());
        return CommentResponse.from(new CommentDetails(c, null, true, false, List.of()));
    }

    @DELETE
    @RolesAllowed(Roles.MEMBER)
    @Operation(
            summary = "Delete a comment (its author only)",
            description = "Kept but shown nowhere and not counted; its contributions are revoked; a question whose "
                    + "accepted answer it was is unsolved again.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "Not the author, or banned")
    @APIResponse(responseCode = "404", description = "No such comment")
    public Response deleteComment(@PathParam("id") UUID id) {
        comments.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/history")
    @RolesAllowed({Roles.MEMBER, Roles.MARKETER, Roles.ADMIN})
    @Operation(summary = "A comment's earlier bodies", description = "Oldest first.")
    @APIResponse(
            responseCode = "200",
            description = "The earlier bodies, oldest first",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = RevisionResponse.class)))
    @APIResponse(responseCode = "404", description = "No such comment")
    public List<RevisionResponse> commentHistory(@PathParam("id") UUID id) {
        return comments.history(id).stream().map(RevisionResponse::from).toList();
    }

    @POST
    @Path("/reactions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MEMBER)
    @Operation(
            summary = "React to a comment",
            description = "LIKE, HELPFUL or THANKS, once each. The author (if someone else) earns REACTION_RECEIVED.")
    @APIResponse(
            responseCode = "201",
            description = "Given",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReactionResponse.class)))
    @APIResponse(responseCode = "403", description = "Banned")
    @APIResponse(responseCode = "404", description = "No such comment")
    @APIResponse(responseCode = "409", description = "Already given, or membership pending")
    @APIResponse(responseCode = "422", description = "Unknown kind")
    public Response reactToComment(@PathParam("id") UUID id, @NotNull ReactionRequest request) {
        return Response.status(Response.Status.CREATED)
                .entity(ReactionResponse.from(reactions.reactToComment(id, request.kind())))
                .build();
    }

    @DELETE
    @Path("/reactions/{kind}")
    @RolesAllowed(Roles.MEMBER)
    @Operation(summary = "Take a reaction to a comment back")
    @APIResponse(responseCode = "204", description = "Taken back")
    @APIResponse(responseCode = "403", description = "Banned")
    @APIResponse(responseCode = "404", description = "No such comment, or no such reaction of the caller")
    @APIResponse(responseCode = "409", description = "Membership pending")
    @APIResponse(responseCode = "422", description = "Unknown kind")
    public Response unreactToComment(@PathParam("id") UUID id, @PathParam("kind") String kind) {
        reactions.withdrawFromComment(id, kind);
        return Response.noContent().build();
    }
}
