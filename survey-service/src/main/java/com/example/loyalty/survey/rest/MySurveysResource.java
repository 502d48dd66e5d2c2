package com.example.loyalty.survey.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.survey.service.Languages;
import com.example.loyalty.survey.service.OpenSurveyService;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/surveys/me")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "My surveys", description = "Surveys from the signed-in member's point of view")
public class MySurveysResource {

    private final OpenSurveyService openSurveys;
    private final SecurityIdentity identity;

    public MySurveysResource(OpenSurveyService openSurveys, SecurityIdentity identity) {
        this.openSurveys = openSurveys;
        this.identity = identity;
    }

    @GET
    @Path("/open")
    @RolesAllowed(Roles.MEMBER)
    @Operation(
            summary = "Surveys the caller can answer now",
            description = "Published surveys whose wave is open now, "
                    + "whose target includes the caller (TIER and MEMBERS targets by the member's tier and id as last heard "
                    + "from points-service, SEGMENT and QUADRANT targets by the RFM segment and loyalty quadrant as last "
                    + "heard from metrics-service) and that the caller has not answered in this wave; soonest closing first. "
                    + "Texts come as maps by language and as one string in the language chosen by `lang`, else "
                    + "Accept-Language, else en, else ja.")
    @APIResponse(
            responseCode = "200",
            description = "The open surveys",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = OpenSurveyResponse.class)))
    public List<OpenSurveyResponse> openSurveys(
            @Parameter(description = "Preferred language of the convenience texts, e.g. ja or en") @QueryParam("lang")
                    String lang,
            @Context HttpHeaders headers) {
        List<String> languages = Languages.preferences(lang, acceptable(headers));
        return openSurveys.openFor(identity.getPrincipal().getName()).stream()
                .map(open -> OpenSurveyResponse.from(open, languages))
                .toList();
    }

    private static List<java.util.Locale> acceptable(HttpHeaders headers) {
        try {
            return headers.getAcceptableLanguages();
        } catch (RuntimeException e) {
            return List.of(); // a malformed Accept-Language is ignored, not an error
        }
    }
}
