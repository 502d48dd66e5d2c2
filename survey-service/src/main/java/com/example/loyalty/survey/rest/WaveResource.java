package com.example.loyalty.survey.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.survey.service.WaveService;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

@Path("/api/surveys/{surveyId}/waves")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Waves", description = "Answer windows of a published survey and who they ask (marketer, admin)")
public class WaveResource {

    private final WaveService waves;
    private final SecurityIdentity identity;

    public WaveResource(WaveService waves, SecurityIdentity identity) {
        this.waves = waves;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "Add a wave",
            description = "A new answer window of a PUBLISHED survey, e.g. the next quarter, "
                    + "with its target: ALL members, members of some tiers (TIER), listed member ids (MEMBERS), "
                    + "members of some RFM segments (SEGMENT) or of some loyalty quadrants (QUADRANT), the last two as "
                    + "metrics-service last classified each member in the program currency. The windows of one survey "
                    + "may not overlap.")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the wave",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WaveResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, missing closesAt or unknown target type")
    @APIResponse(responseCode = "404", description = "No such survey")
    @APIResponse(responseCode = "409", description = "The survey is not published, or the window overlaps another wave")
    @APIResponse(
            responseCode = "422",
            description =
                    "closesAt not after opensAt or in the past; invalid target: a list missing for its type or "
                            + "given for another type, or an unknown segment or quadrant name (the detail lists the known ones)")
    public Response addWave(@PathParam("surveyId") UUID surveyId, @Valid @NotNull WaveRequest request) {
        var wave = waves.create(
                surveyId, request.toInput(), identity.getPrincipal().getName());
        return Response.created(URI.create("/api/surveys/" + surveyId + "/waves/" + wave.id()))
                .entity(WaveResponse.from(wave))
                .build();
    }

    @GET
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(summary = "The survey's waves", description = "In the order they open, each with its status as of now.")
    @APIResponse(
            responseCode = "200",
            description = "The waves",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = WaveResponse.class)))
    @APIResponse(responseCode = "404", description = "No such survey")
    public List<WaveResponse> listWaves(@PathParam("surveyId") UUID surveyId) {
        return waves.list(surveyId).stream().map(WaveResponse::from).toList();
    }

    @GET
    @Path("/{waveId}")
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "A wave",
            description = "Window, target (tiers, segments or quadrants it names, or the member ids of a MEMBERS "
                    + "target) and status as of now.")
    @APIResponse(
            responseCode = "200",
            description = "The wave",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WaveResponse.class)))
    @APIResponse(responseCode = "404", description = "No such survey or wave")
    public WaveResponse getWave(@PathParam("surveyId") UUID surveyId, @PathParam("waveId") UUID waveId) {
        return WaveResponse.from(waves.get(surveyId, waveId));
    }

    @POST
    @Path("/{waveId}/close")
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "Close a wave early",
            description = "An open wave stops accepting responses now; a scheduled "
                    + "one is cancelled. Another wave may then be added.")
    @APIResponse(
            responseCode = "200",
            description = "Closed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WaveResponse.class)))
    @APIResponse(responseCode = "404", description = "No such survey or wave")
    @APIResponse(responseCode = "409", description = "Already closed")
    public WaveResponse closeWave(@PathParam("surveyId") UUID surveyId, @PathParam("waveId") UUID waveId) {
        return WaveResponse.from(waves.close(surveyId, waveId));
    }
}
