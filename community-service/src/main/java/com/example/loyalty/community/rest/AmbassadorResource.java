package com.example.loyalty.community.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.common.web.Problems;
import com.example.loyalty.community.service.MemberModeration;
import com.example.loyalty.community.service.RankLadder;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/community/ambassadors")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Ambassadors", description = "Brand ambassadors, designated by marketers")
public class AmbassadorResource {

    /** The candidates' window when {@code from} is not given: this long before {@code to}. */
    static final Duration DEFAULT_WINDOW = Duration.ofDays(90);

    private final MemberModeration moderation;
    private final RankLadder ladder;

    public AmbassadorResource(MemberModeration moderation, RankLadder ladder) {
        this.moderation = moderation;
        this.ladder = ladder;
    }

    @GET
    @Operation(summary = "The ambassadors", description = "Longest-serving first. Any signed-in caller.")
    public List<AmbassadorResponse> ambassadors() {
        return moderation.ambassadors().stream()
                .map(m -> AmbassadorResponse.from(m, ladder))
                .toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "Designate an ambassador",
            description = "The member carries the AMBASSADOR badge on their profile. Audited in the moderation log.")
    @APIResponse(
            responseCode = "201",
            description = "Designated",
            content = @Content(schema = @Schema(implementation = AmbassadorResponse.class)))
    @APIResponse(responseCode = "400", description = "No member id")
    @APIResponse(responseCode = "404", description = "The community knows no such member")
    @APIResponse(responseCode = "409", description = "An ambassador already, or banned")
    public Response designate(@NotNull @Valid AmbassadorRequest request) {
        var member = moderation.designateAmbassador(request.memberId(), request.reason());
        return Response.created(URI.create("/api/community/ambassadors/" + member.memberId))
                .entity(AmbassadorResponse.from(member, ladder))
                .build();
    }

    @DELETE
    @Path("/{memberId}")
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(summary = "Revoke an ambassadorship", description = "Audited in the moderation log.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such member, or not an ambassador")
    public void revoke(
            @PathParam("memberId") UUID memberId,
            @Parameter(description = "Why; kept in the moderation log") @QueryParam("reason") @Size(max = 1000)
                    String reason) {
        moderation.revokeAmbassador(memberId, reason);
    }

    @GET
    @Path("/candidates")
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "Ambassador candidates",
            description = "Members ranked by their standing (not revoked) contributions in [from, to): first by the "
                    + "window's score (the sum of the contributions' weights), then accepted answers, then reviews, "
                    + "then overall score. Banned members are left out; current ambassadors are marked. By default "
                    + "the last 90 days.")
    @APIResponse(
            responseCode = "200",
            description = "The candidates, best first",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AmbassadorCandidatesResponse.class)))
    @APIResponse(responseCode = "400", description = "from not before to, a malformed instant, or a bad limit")
    public AmbassadorCandidatesResponse candidates(
            @Parameter(description = "Window start, inclusive (ISO-8601 instant); default 90 days before `to`")
                    @QueryParam("from")
                    String from,
            @Parameter(description = "Window end, exclusive (ISO-8601 instant); default now") @QueryParam("to")
                    String to,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        Instant end =
                to != null && !to.isBlank() ? instant("to", to) : Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant start = from != null && !from.isBlank() ? instant("from", from) : end.minus(DEFAULT_WINDOW);
        return new AmbassadorCandidatesResponse(
                start,
                end,
                moderation.candidates(start, end, limit).stream()
                        .map(AmbassadorCandidateResponse::from)
                        .toList());
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw Problems.badRequest(
                    "invalid-instant",
                    "Invalid instant",
                    name + " is not an ISO-8601 instant, e.g. 2026-01-01T00:00:00Z");
        }
    }
}
