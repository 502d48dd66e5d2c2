package com.example.loyalty.metrics.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.metrics.service.ClvService;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/metrics/clv")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(
        name = "Lifetime value",
        description = "Probabilistic customer lifetime value: BG/NBD purchase occasions and Gamma-Gamma spend, "
                + "fitted by maximum likelihood per currency")
public class ClvResource {

    private static final String PROBLEM_JSON = "application/problem+json";

    private final ClvService clv;

    public ClvResource(ClvService clv) {
        this.clv = clv;
    }

    @POST
    @Path("/fit")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "Fit the lifetime value model of a currency",
            description = "Summarises every member's purchases in the currency up to the end of calibrationEnd: x = "
                    + "repeat purchase days (distinct calendar days in the behaviour zone, the first left out), t_x = "
                    + "weeks from the first to the last purchase day, T = weeks from the first purchase day to "
                    + "calibrationEnd, zbar = mean spend of the repeat purchase days (major units). Fits BG/NBD on "
                    + "every member and Gamma-Gamma on the repeaters by maximum likelihood (BOBYQA on the "
                    + "log-parameters) and keeps the result as the currency's model, replacing the previous one.")
    @APIResponse(
            responseCode = "200",
            description = "The fitted model",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ClvModelResponse.class)))
    @APIResponse(
            responseCode = "400",
            description =
                    "No body, a field missing or malformed, an unknown currency, or a calibration end after " + "today",
            content = @Content(mediaType = PROBLEM_JSON))
    @APIResponse(
            responseCode = "401",
            description = "No valid bearer token",
            content = @Content(mediaType = PROBLEM_JSON))
    @APIResponse(responseCode = "403", description = "The caller is neither marketer nor admin")
    @APIResponse(
            responseCode = "422",
            description = "Fewer than " + ClvService.MIN_MEMBERS + " members or " + ClvService.MIN_REPEATERS
                    + " repeaters to fit on (too-few-members, too-few-repeaters), or the fit did not converge "
                    + "(fit-did-not-converge, with the reason), or the spend model has no finite mean (infinite-mean-spend, "
                    + "q ≤ 1)",
            content = @Content(mediaType = PROBLEM_JSON))
    public ClvModelResponse fit(@NotNull(message = "a body is required") @Valid ClvFitRequest request) {
        return ClvModelResponse.from(clv.fit(request.calibrationEnd(), request.currency()));
    }

    @GET
    @Path("/model")
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(summary = "The lifetime value model of a currency", description = "The latest fit for the currency.")
    @APIResponse(
            responseCode = "200",
            description = "The model",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ClvModelResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "currency missing or not an ISO 4217 code",
            content = @Content(mediaType = PROBLEM_JSON))
    @APIResponse(
            responseCode = "401",
            description = "No valid bearer token",
            content = @Content(mediaType = PROBLEM_JSON))
    @APIResponse(responseCode = "403", description = "The caller is neither marketer nor admin")
    @APIResponse(
            responseCode = "404",
            description = "No model has been fitted for the currency",
            content = @Content(mediaType = PROBLEM_JSON))
    public ClvModelResponse model(
            @Parameter(description = "ISO 4217 currency", example = "USD", required = true)
                    @QueryParam("currency")
                    @NotNull(message = "is required")
                    @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code such as USD")
                    String currency) {
        return ClvModelResponse.from(clv.model(currency));
    }
}
