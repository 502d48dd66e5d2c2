package com.example.loyalty.community.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.community.service.SearchService;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/community/search")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Community search", description = "Finding posts by their words")
public class SearchResource {

    private final SearchService search;

    public SearchResource(SearchService search) {
        this.search = search;
    }

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "Search posts",
            description = "Full-text search over the visible posts (hidden and deleted ones never appear) in the"
                    + " spaces the caller sees, by their title, tags and body or the body of one of their visible"
                    + " comments (the post is the hit; matchedIn says where). Every word of q"
                    + " must occur: Latin words as prefixes (case-insensitive for ASCII), Japanese and other CJK text"
                    + " as any substring (「抽出」 finds 「コーヒーの抽出温度について」). Best match first (title over"
                    + " tags over body over comments), newer first among equals. Pages are positions in the ranking (at most 1000"
                    + " hits reachable); pass nextCursor unchanged for the next page.")
    @APIResponse(responseCode = "200", description = "A page of hits (possibly empty)")
    @APIResponse(
            responseCode = "400",
            description = "q missing, blank or over 200 characters; bad cursor, limit or space id")
    @APIResponse(responseCode = "404", description = "space given and unknown, or not visible to the caller")
    public SearchResponse search(
            @Parameter(description = "The words to find (1 to 200 characters)") @QueryParam("q") String q,
            @Parameter(description = "Only this space") @QueryParam("space") String space,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Hits per page, 1 to 50 (default 20)") @QueryParam("limit") String limit) {
        return SearchResponse.from(search.search(q, space, cursor, limit));
    }
}
