package com.example.loyalty.survey.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.common.web.Paging;
import com.example.loyalty.common.web.Problems;
import com.example.loyalty.survey.domain.SurveyStatus;
import com.example.loyalty.survey.service.SurveyService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/surveys")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Survey definitions", description = "Design, publish and close surveys (marketer, admin)")
public class SurveyResource {

    private final SurveyService surveys;
    private final SecurityIdentity identity;
    private final ObjectMapper json;
    private final Validator validator;

    public SurveyResource(SurveyService surveys, SecurityIdentity identity, ObjectMapper json, Validator validator) {
        this.surveys = surveys;
        this.identity = identity;
        this.json = json;
        this.validator = validator;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "Create a survey (DRAFT)",
            description = "Title and question texts in one or more languages "
                    + "(the title needs `en` or `ja`). Question types: NPS, CONTINUED_USE (0–10), NRS (1–5), CSI (0–100, "
                    + "with a dimension), CES (0–10), CES_BINARY (yes/no), DWB (1–5, 1 = definitely would buy), TEXT, "
                    + "CHOICE (2+ options). Content errors are listed in the 422 problem's `errors` (the first 50; "
                    + "`errorCount` counts them all).")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the survey",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SurveyDefinitionResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON")
    @APIResponse(
            responseCode = "422",
            description = "Invalid definition; `errors` lists each offending field or question",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ValidationProblem.class)))
    public Response createSurvey(@NotNull SurveyDefinitionRequest request) {
        var created = surveys.create(request.toInput(), caller());
        return Response.created(URI.create("/api/surveys/" + created.id()))
                .entity(SurveyDefinitionResponse.from(created))
                .build();
    }

    @GET
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(summary = "List surveys", description = "Paged, newest first, optionally only those of one status.")
    @APIResponse(
            responseCode = "200",
            description = "A page of surveys",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SurveyPageResponse.class)))
    @APIResponse(responseCode = "400", description = "Unknown status or bad paging")
    public SurveyPageResponse listSurveys(
            @Parameter(description = "DRAFT, PUBLISHED or CLOSED") @QueryParam("status") String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return SurveyPageResponse.from(surveys.list(status(status), page, size));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(summary = "A survey", description = "The definition, its status and the wave open now.")
    @APIResponse(
            responseCode = "200",
            description = "The survey",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SurveyDefinitionResponse.class)))
    @APIResponse(responseCode = "404", description = "No such survey")
    public SurveyDefinitionResponse getSurvey(@PathParam("id") UUID id) {
        return SurveyDefinitionResponse.from(surveys.get(id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "Replace a draft's definition",
            description = "Title, anonymity and questions, as in create. "
                    + "Only while the survey is DRAFT: a published survey's questions cannot change (409).")
    @APIResponse(
            responseCode = "200",
            description = "Replaced",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SurveyDefinitionResponse.class)))
    @APIResponse(responseCode = "404", description = "No such survey")
    @APIResponse(responseCode = "409", description = "The survey is no longer a draft")
    @APIResponse(
            responseCode = "422",
            description = "Invalid definition; `errors` lists each offending field or question")
    public SurveyDefinitionResponse updateSurvey(@PathParam("id") UUID id, @NotNull SurveyDefinitionRequest request) {
        return SurveyDefinitionResponse.from(surveys.update(id, request.toInput()));
    }

    @POST
    @Path("/{id}/publish")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "Publish a draft",
            description = "DRAFT → PUBLISHED: the questions freeze and a first wave "
                    + "opens now, for the configured window (30 days) unless `closesAt` says otherwise, asking everyone unless "
                    + "`target` says otherwise. The body is optional.")
    @RequestBody(
            required = false,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PublishRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "Published; `openWave` is the first wave",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SurveyDefinitionResponse.class)))
    @APIResponse(responseCode = "404", description = "No such survey")
    @APIResponse(responseCode = "409", description = "Not a draft")
    @APIResponse(responseCode = "422", description = "Invalid window or target")
    public SurveyDefinitionResponse publishSurvey(@PathParam("id") UUID id, String rawBody)
            throws JsonProcessingException {
        // The body is optional (a bare POST publishes with the defaults), so it is read by hand.
        PublishRequest body =
                rawBody == null || rawBody.isBlank() ? null : json.readValue(rawBody, PublishRequest.class);
        if (body != null) {
            var violations = validator.validate(body);
            if (!violations.isEmpty()) {
                throw new ConstraintViolationException(violations);
            }
        }
        return SurveyDefinitionResponse.from(
                surveys.publish(id, body == null ? SurveyService.PublishInput.DEFAULTS : body.toInput(), caller()));
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "Close a published survey",
            description = "PUBLISHED → CLOSED: no more responses; every open " + "or scheduled wave is closed.")
    @APIResponse(
            responseCode = "200",
            description = "Closed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SurveyDefinitionResponse.class)))
    @APIResponse(responseCode = "404", description = "No such survey")
    @APIResponse(responseCode = "409", description = "Not published (a draft, or closed already)")
    public SurveyDefinitionResponse closeSurvey(@PathParam("id") UUID id) {
        return SurveyDefinitionResponse.from(surveys.close(id));
    }

    private String caller() {
        return identity.getPrincipal().getName();
    }

    private static SurveyStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return SurveyStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest(
                    "invalid-status",
                    "Unknown status",
                    "status '" + status + "' is not one of " + Arrays.toString(SurveyStatus.values()));
        }
    }
}
