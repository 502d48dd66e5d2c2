package com.example.loyalty.community.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.community.service.CommentService;
import com.example.loyalty.community.service.CommentService.Acceptance;
import com.example.loyalty.community.service.CommentService.CommentPage;
import com.example.loyalty.community.service.PostService;
import com.example.loyalty.community.service.ReactionService;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/community/posts/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Community posts", description = "Posts, their comments and answers, reactions and edit history")
public class PostResource {

    private final PostService posts;
    private final CommentService comments;
    private final ReactionService reactions;

    public PostResource(PostService posts, CommentService comments, ReactionService reactions) {
        this.posts = posts;
        this.comments = comments;
        this.reactions = reactions;
    }

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "A post",
            description = "With its author's display name, counts, tags, whether it is solved and the caller's "
                    + "reactions. Reading counts the caller as one of today's (UTC) unique viewers; viewCount "
                    + "follows within a few seconds.")
    @APIResponse(
            responseCode = "200",
            description = "The post",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PostResponse.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such post, hidden, deleted, or in a space the caller does not see")
    public PostResponse getPost(@PathParam("id") UUID id) {
        return PostResponse.from(posts.read(id));
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MEMBER, Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "Edit a post (its author only)",
            description = "Title, body, format, tags; the version replaced is kept in the history.")
    @APIResponse(
            responseCode = "200",
            description = "Edited",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PostResponse.class)))
    @APIResponse(responseCode = "403", description = "Not the author, or banned")
    @APIResponse(responseCode = "404", description = "No such post")
    @APIResponse(responseCode = "422", description = "Invalid post")
    public PostResponse editPost(@PathParam("id") UUID id, @NotNull PostPatchRequest request) {
        return PostResponse.from(posts.edit(id, request.toPatch()));
    }

    @DELETE
    @RolesAllowed({Roles.MEMBER, Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "Delete a post (its author only)",
            description = "The post is kept but appears nowhere; the contributions about it are revoked.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "Not the author, or banned")
    @APIResponse(responseCode = "404", description = "No such post (or already deleted)")
    public Response deletePost(@PathParam("id") UUID id) {
        posts.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/history")
    @RolesAllowed({Roles.MEMBER, Roles.MARKETER, Roles.ADMIN})
    @Operation(summary = "A post's earlier versions", description = "Oldest first; the current version is the post.")
    @APIResponse(
            responseCode = "200",
            description = "The earlier versions, oldest first",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = RevisionResponse.class)))
    @APIResponse(responseCode = "404", description = "No such post")
    public List<RevisionResponse> postHistory(@PathParam("id") UUID id) {
        return posts.history(id).stream().map(RevisionResponse::from).toList();
    }

    @POST
    @Path("/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MEMBER)
    @Operation(
            summary = "Comment on a post",
            description = "On a question, a comment by someone other than the asker is an answer. Counts towards the "
                    + "posting rate limit.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CommentResponse.class)))
    @APIResponse(responseCode = "403", description = "Banned")
    @APIResponse(responseCode = "404", description = "No such post")
    @APIResponse(responseCode = "409", description = "Membership pending")
    @APIResponse(responseCode = "422", description = "Empty or too long")
    @APIResponse(responseCode = "429", description = "Posting too fast; Retry-After says when to try again")
    public Response comment(@PathParam("id") UUID id, @NotNull CommentRequest request) {
        CommentResponse created = CommentResponse.from(comments.add(id, request.body()));
        return Response.created(URI.create("/api/community/comments/" + created.id()))
                .entity(created)
                .build();
    }

    @GET
    @Path("/comments")
    @RolesAllowed({Roles.MEMBER, Roles.MARKETER, Roles.ADMIN})
    @Operation(summary = "A post's comments", description = "Visible comments, oldest first, keyset paged.")
    @APIResponse(
            responseCode = "200",
            description = "A page of comments",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CommentPageResponse.class)))
    @APIResponse(responseCode = "400", description = "Bad cursor or limit")
    @APIResponse(responseCode = "404", description = "No such post")
    public CommentPageResponse listComments(
            @PathParam("id") UUID id,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        CommentPage page = comments.list(id, cursor, limit);
        return new CommentPageResponse(
                page.comments().stream().map(CommentResponse::from).toList(), page.nextCursor());
    }

    @POST
    @Path("/accepted-answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MEMBER, Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "Accept an answer (the asker, a marketer or an admin)",
            description = "The question becomes solved and the answer's author earns ACCEPTED_ANSWER (not for "
                    + "accepting one's own comment). Accepting another answer replaces the acceptance and revokes "
                    + "the previous one's ACCEPTED_ANSWER; an answer earns it once only, so accepting it again later "
                    + "gives nothing more. Accepting the accepted answer again changes nothing.")
    @APIResponse(responseCode = "200", description = "Accepted")
    @APIResponse(responseCode = "403", description = "Not the asker nor a marketer, or banned")
    @APIResponse(responseCode = "404", description = "No such post")
    @APIResponse(responseCode = "422", description = "Not a question, or not a visible comment on it")
    public AcceptanceResponse acceptAnswer(@PathParam("id") UUID id, @NotNull @Valid AcceptAnswerRequest request) {
        Acceptance a = comments.accept(id, request.commentId());
        return new AcceptanceResponse(a.postId(), a.acceptedCommentId(), a.previousCommentId(), true, a.acceptedAt());
    }

    @POST
    @Path("/reactions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MEMBER)
    @Operation(
            summary = "React to a post",
            description = "LIKE, HELPFUL or THANKS, once each. The author (if someone else) earns REACTION_RECEIVED.")
    @APIResponse(
            responseCode = "201",
            description = "Given",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReactionResponse.class)))
    @APIResponse(responseCode = "403", description = "Banned")
    @APIResponse(responseCode = "404", description = "No such post")
    @APIResponse(responseCode = "409", description = "Already given, or membership pending")
    @APIResponse(responseCode = "422", description = "Unknown kind")
    public Response react(@PathParam("id") UUID id, @NotNull ReactionRequest request) {
        return Response.status(Response.Status.CREATED)
                .entity(ReactionResponse.from(reactions.reactToPost(id, request.kind())))
                .build();
    }

    @DELETE
    @Path("/reactions/{kind}")
    @RolesAllowed(Roles.MEMBER)
    @Operation(summary = "Take a reaction back", description = "The author's REACTION_RECEIVED is revoked.")
    @APIResponse(responseCode = "204", description = "Taken back")
    @APIResponse(responseCode = "403", description = "Banned")
    @APIResponse(responseCode = "404", description = "No such post, or no such reaction of the caller")
    @APIResponse(responseCode = "409", description = "Membership pending")
    @APIResponse(responseCode = "422", description = "Unknown kind")
    public Response unreact(@PathParam("id") UUID id, @PathParam("kind") String kind) {
        reactions.withdrawFromPost(id, kind);
        return Response.noContent().build();
    }
}
