package com.example.loyalty.community.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.common.web.ValidationProblem;
import com.example.loyalty.community.service.PostService;
import com.example.loyalty.community.service.PostService.FeedPage;
import com.example.loyalty.community.service.SpaceService;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/community/spaces")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Community spaces", description = "Spaces, their feeds, and posting into them")
public class SpaceResource {

    private final SpaceService spaces;
    private final PostService posts;
    private final SecurityIdentity identity;

    public SpaceResource(SpaceService spaces, PostService posts, SecurityIdentity identity) {
        this.spaces = spaces;
        this.posts = posts;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "Create a space",
            description = "Name (required), description, localized titles, visibility (every member, or only the "
                    + "listed tiers) and posting rules (allowed kinds; whether members may post or only comment).")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the space",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SpaceResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON")
    @APIResponse(
            responseCode = "422",
            description = "Invalid space; `errors` lists each offending field",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ValidationProblem.class)))
    public Response createSpace(@NotNull SpaceRequest request) {
        SpaceResponse created = SpaceResponse.from(spaces.create(request.toInput()));
        return Response.created(URI.create("/api/community/spaces/" + created.id()))
                .entity(created)
                .build();
    }

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "The spaces the caller sees",
            description = "Members: the spaces open to every member and those open to their tier. Marketers and "
                    + "admins: every space. By name.")
    public List<SpaceResponse> listSpaces() {
        return spaces.list().stream().map(SpaceResponse::from).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MEMBER, Roles.MARKETER, Roles.ADMIN})
    @Operation(summary = "A space")
    @APIResponse(
            responseCode = "200",
            description = "The space",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SpaceResponse.class)))
    @APIResponse(responseCode = "404", description = "No such space, or not one the caller sees")
    public SpaceResponse getSpace(@PathParam("id") UUID id) {
        return SpaceResponse.from(spaces.get(id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(summary = "Replace a space", description = "As create; absent fields take their defaults.")
    @APIResponse(
            responseCode = "200",
            description = "Replaced",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SpaceResponse.class)))
    @APIResponse(responseCode = "404", description = "No such space")
    @APIResponse(responseCode = "422", description = "Invalid space")
    public SpaceResponse replaceSpace(@PathParam("id") UUID id, @NotNull SpaceRequest request) {
        return SpaceResponse.from(spaces.update(id, request.toInput(), true));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(summary = "Change a space", description = "Absent fields keep their value.")
    @APIResponse(
            responseCode = "200",
            description = "Changed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SpaceResponse.class)))
    @APIResponse(responseCode = "404", description = "No such space")
    @APIResponse(responseCode = "422", description = "Invalid space")
    public SpaceResponse patchSpace(@PathParam("id") UUID id, @NotNull SpacePatchRequest request) {
        return SpaceResponse.from(spaces.update(id, request.toInput(), false));
    }

    @GET
    @Path("/{id}/posts")
    @RolesAllowed({Roles.MEMBER, Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "The space's feed",
            description = "Visible posts (never hidden or deleted ones), `newest` first, most recently `active` "
                    + "first (a new visible comment makes a post active), or `unanswered` questions newest first. "
                    + "Keyset paging: pass `nextCursor` back as `cursor`; posts written meanwhile never repeat or "
                    + "shift a page (in `active`, a post that becomes active while you page moves to the top).")
    @APIResponse(
            responseCode = "200",
            description = "A page of the feed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = FeedResponse.class)))
    @APIResponse(responseCode = "400", description = "Unknown sort, bad cursor or limit")
    @APIResponse(responseCode = "404", description = "No such space, or not one the caller sees")
    public FeedResponse feed(
            @PathParam("id") UUID id,
            @Parameter(description = "newest (default), active or unanswered") @QueryParam("sort") String sort,
            @Parameter(description = "The previous page's nextCursor") @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        FeedPage page = posts.feed(id, sort, cursor, limit);
        String subject = identity.getPrincipal().getName();
        return new FeedResponse(
                page.posts().stream().map(p -> PostSummary.from(p, subject)).toList(), page.nextCursor());
    }

    @POST
    @Path("/{id}/posts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MEMBER, Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "Post in a space",
            description = "Members post discussions, questions and reviews (a review needs productId and a rating "
                    + "1–5; one review per member and product); marketers and admins post announcements. Title, body "
                    + "and tags are bounded by community.posting.*; the body is stored as written. At most "
                    + "community.posting.max-per-window posts and comments per member per rate window (429 with "
                    + "Retry-After beyond).")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the post",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PostResponse.class)))
    @APIResponse(responseCode = "403", description = "Announcement by a member, banned member, members may not post")
    @APIResponse(responseCode = "404", description = "No such space, or not one the caller sees")
    @APIResponse(responseCode = "409", description = "Already reviewed this product; or membership pending")
    @APIResponse(
            responseCode = "422",
            description = "Invalid post (`errors` lists each field), or kind not allowed",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ValidationProblem.class)))
    @APIResponse(responseCode = "429", description = "Posting too fast; Retry-After says when to try again")
    public Response createPost(@PathParam("id") UUID id, @NotNull PostRequest request) {
        PostResponse created = PostResponse.from(posts.create(id, request.toInput()));
        return Response.created(URI.create("/api/community/posts/" + created.id()))
                .entity(created)
                .build();
    }
}
