package com.example.loyalty.survey.rest;

import com.example.loyalty.common.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/surveys/me")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "My surveys", description = "Surveys from the signed-in member's point of view")
public class MySurveysResource {

    @GET
    @Path("/open")
    @RolesAllowed(Roles.MEMBER)
    @Operation(summary = "Surveys the caller can answer",
            description = "Preliminary: survey definitions and waves do not exist yet, so the list is always empty.")
    public List<OpenSurveyResponse> open() {
        return List.of();
    }
}
