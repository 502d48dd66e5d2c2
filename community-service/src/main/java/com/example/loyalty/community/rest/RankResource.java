package com.example.loyalty.community.rest;

import com.example.loyalty.community.service.RankLadder;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/community/ranks")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Community ranks", description = "The rank ladder")
public class RankResource {

    private final RankLadder ladder;

    public RankResource(RankLadder ladder) {
        this.ladder = ladder;
    }

    @GET
    @Operation(
            summary = "The rank ladder",
            description = "Lowest first; a member holds the highest rank whose threshold their contribution score "
                    + "reaches (community.ranks). Any signed-in caller.")
    public List<RankResponse> ranks() {
        return ladder.ranks().stream().map(RankResponse::from).toList();
    }
}
