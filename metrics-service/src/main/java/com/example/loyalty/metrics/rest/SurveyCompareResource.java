package com.example.loyalty.metrics.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.common.web.Problems;
import com.example.loyalty.metrics.domain.ComparisonSelector;
import com.example.loyalty.metrics.domain.MemberIds;
import com.example.loyalty.metrics.service.SurveyComparisonService;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/metrics/surveys/{surveyId}/compare")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Survey metrics")
public class SurveyCompareResource {

    private static final String PROBLEM_JSON = "application/problem+json";

    private static final String SELECTOR_GRAMMAR = "A selector is one or two comma-separated terms: at most one of "
            + "wave:<wave id (UUID)>, tier:<tier code>, store:<store id>, channel:<channel> (values exactly as the "
            + "metric endpoint's groups show them; UNKNOWN for answers that carried none), and at most one "
            + "period:<from>..<to> (ISO days in the configured zone, both included; either end may be left out for "
            + "an open range; period:<day> is one day). Keys are case-insensitive.";

    private final SurveyComparisonService comparisons;

    public SurveyCompareResource(SurveyComparisonService comparisons) {
        this.comparisons = comparisons;
    }

    @GET
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "Significance of change between two waves, periods, tiers, stores or channels",
            description = "Every question's metric (NPS, CONTINUED_USE, NRS, CES_BINARY net scores; CSI and CES "
                    + "means; DWB share) on side a and side b, and the change b − a with its margin of error and a "
                    + "two-sided p-value. " + SELECTOR_GRAMMAR + " Examples: a=wave:X&b=wave:Y; "
                    + "a=period:2026-01-01..2026-03-31&b=period:2026-04-01..2026-06-30; a=tier:GOLD&b=tier:SILVER; "
                    + "a=tier:GOLD,period:2026-01-01..2026-03-31&b=tier:GOLD,period:2026-04-01..2026-06-30. "
                    + "The test compares two independent samples, so the sides must not share an answer: both select "
                    + "by the same dimension (or neither), with different values or with periods that do not "
                    + "overlap. Test (normal approximation, the variances of the margins of error): per side the "
                    + "score's sampling variance, net scores Var = (p₊ + p₋ − (p₊ − p₋)²)/n·100², means s²/n, DWB "
                    + "p(1 − p)/n·100²; SE = √(Var_a + Var_b); z = (score_b − score_a)/SE; p = 2·(1 − Φ(|z|)); "
                    + "marginOfError = z₁₋α/₂·SE (1.959964 for α = 0.05); significant when p < α (α: alpha, default "
                    + "metrics.surveys.significance-level = 0.05). Both variances 0 (each side unanimous): p = 1 if "
                    + "the scores are equal, else 0, and z is null. A question without answers on a side (or a mean "
                    + "with fewer than 2) is listed with comparable = false and a reason. Each side's own metric is "
                    + "flagged reliable from the minimum sample: below it the normal approximation is rough.")
    @APIResponse(
            responseCode = "200",
            description = "The two sides and the change per question",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SurveyComparisonResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "surveyId is not a UUID; a or b is missing or not a selector; the sides may share answers "
                    + "(different dimensions, the same selector twice, overlapping periods of one value); a wave "
                    + "in which no answer to the survey was ever counted; question is not one of the survey's or has "
                    + "no score (TEXT, CHOICE); alpha is not above 0 and at most 0.5",
            content = @Content(mediaType = PROBLEM_JSON))
    @APIResponse(
            responseCode = "401",
            description = "No valid bearer token",
            content = @Content(mediaType = PROBLEM_JSON))
    @APIResponse(responseCode = "403", description = "The caller is neither marketer nor admin")
    @APIResponse(
            responseCode = "404",
            description = "No response to this survey has been counted",
            content = @Content(mediaType = PROBLEM_JSON))
    @APIResponse(
            responseCode = "422",
            description = "A side has no answer to any compared question (for example a period before the first "
                    + "answer, or a tier none of whose members answered), or the survey has no question with a score",
            content = @Content(mediaType = PROBLEM_JSON))
    public SurveyComparisonResponse compare(
            @Parameter(description = "Survey id (UUID)")
                    @PathParam("surveyId")
                    @Pattern(regexp = MemberIds.PATTERN, message = "must be a UUID")
                    String surveyId,
            @Parameter(
                            description = "Side a, the reference. " + SELECTOR_GRAMMAR,
                            required = true,
                            example = "wave:4b0c3c7e-2d5f-4a8e-9a43-0f1f2b6c9d10")
                    @QueryParam("a")
                    @NotBlank(message = "is required: a selector such as wave:<id> or period:<from>..<to>")
                    @Size(max = ComparisonSelector.MAX_LENGTH)
                    String a,
            @Parameter(
                            description = "Side b, compared with a (the difference is b − a). " + SELECTOR_GRAMMAR,
                            required = true,
                            example = "wave:9e7d1a52-6c1b-4f0e-8d3a-2b5c7e9f1a24")
                    @QueryParam("b")
                    @NotBlank(message = "is required: a selector such as wave:<id> or period:<from>..<to>")
                    @Size(max = ComparisonSelector.MAX_LENGTH)
                    String b,
            @Parameter(description = "Compare only this question (its id; CSI_OVERALL for the overall CSI)")
                    @QueryParam("question")
                    @Size(min = 1, max = 200)
                    String question,
            @Parameter(
                            description = "Significance level, above 0 and at most 0.5 (default: "
                                    + "metrics.surveys.significance-level, 0.05)",
                            example = "0.01")
                    @QueryParam("alpha")
                    @Pattern(regexp = "^0?\\.\\d{1,6}$", message = "must be a decimal such as 0.05")
                    String alpha) {
        return SurveyComparisonResponse.from(comparisons.compare(
                UUID.fromString(surveyId),
                selector("a", a),
                selector("b", b),
                question,
                alpha == null ? null : Double.valueOf(alpha)));
    }

    private static ComparisonSelector selector(String name, String text) {
        try {
            return ComparisonSelector.parse(text);
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest("invalid-selector", "Bad request", name + ": " + e.getMessage());
        }
    }
}
