package com.example.loyalty.survey.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.survey.service.ResponseService;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
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

@Path("/api/surveys/{surveyId}/responses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Responses", description = "Members answer surveys")
public class ResponseResource {

    private final ResponseService responses;
    private final SecurityIdentity identity;

    public ResponseResource(ResponseService responses, SecurityIdentity identity) {
        this.responses = responses;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.MEMBER)
    @Operation(
            summary = "Answer a survey",
            description = "Counts for the survey's open wave (or the given waveId). "
                    + "One response per member per wave, also when two arrive at once. Every answer is checked against its "
                    + "question's scale; on any error nothing is stored. An accepted named response is published as "
                    + "SurveyResponded on survey-responses (key: the member id). An anonymous one is stored apart from "
                    + "the caller's participation and published later, in a shuffled batch of at least "
                    + "surveys.anonymity.batch-size answers with a new id, the day as its time and a random key "
                    + "(docs/survey-anonymity.md): its responseId here is null.")
    @APIResponse(
            responseCode = "201",
            description = "Accepted",
            content = @Content(schema = @Schema(implementation = SubmittedResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "Malformed JSON, missing answers or channel, unknown channel; more than 100 answers, a "
                    + "question id over 64 characters, or a string answer over 2000 characters (answer-too-large, "
                    + "`field` names the answer)")
    @APIResponse(responseCode = "403", description = "The wave's target does not include the caller")
    @APIResponse(responseCode = "404", description = "No such survey, or no such wave of it")
    @APIResponse(
            responseCode = "409",
            description = "Already answered in this wave; no open wave; survey not published")
    @APIResponse(responseCode = "413", description = "A body over surveys.answers.max-body (1 MiB)")
    @APIResponse(
            responseCode = "422",
            description = "Unknown question, wrong type, out of range, missing required "
                    + "answer or no answer at all; `errors` names each question",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ValidationProblem.class)))
    public Response submitResponse(
            @PathParam("surveyId") UUID surveyId, @Valid @NotNull SubmitResponseRequest request) {
        var accepted = responses.submit(surveyId, identity.getPrincipal().getName(), request.toSubmission());
        return Response.status(Response.Status.CREATED)
                .entity(SubmittedResponse.from(accepted))
                .build();
    }
}
