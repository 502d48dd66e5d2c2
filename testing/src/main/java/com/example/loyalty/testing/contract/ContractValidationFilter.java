package com.example.loyalty.testing.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The RestAssured filter of {@link ContractValidation}: sends the request, then checks the request and the answer
 * against the OpenAPI document of the service that answered, and throws an {@link AssertionError} listing every
 * mismatch. Runs last among the filters ({@link #LOWEST_PRECEDENCE}), so it sees the request as sent, and once per
 * call even where RestAssured's specification merging lists it twice.
 * <p>
 * Every message of the validator is an error, but one: a request without credentials
 * ({@code validation.request.security.missing}). Calling without a token is how a test asks for the 401 that the
 * document declares; that answer is checked like any other.
 */
final class ContractValidationFilter implements OrderedFilter {

    private static final String DONE = ContractValidationFilter.class.getName() + ".done";

    private static final LevelResolver LEVELS = LevelResolver.create()
            .withDefaultLevel(ValidationReport.Level.ERROR)
            .withLevel("validation.request.security.missing", ValidationReport.Level.IGNORE)
            .build();

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final Map<String, OpenApiInteractionValidator> validators = new ConcurrentHashMap<>();

    @Override
    public Response filter(
            FilterableRequestSpecification request, FilterableResponseSpecification responseSpec, FilterContext ctx) {
        if (ctx.hasValue(DONE)) {
            return ctx.next(request, responseSpec);
        }
        ctx.setValue(DONE, Boolean.TRUE);
        boolean checkRequest = ContractValidation.requestsChecked();
        Response response = ctx.next(request, responseSpec);
        Request sent = RestAssuredRequest.of(request);
        String path = sent.getPath();
        if (!path.startsWith("/api/")) {
            return response;
        }
        URI uri = URI.create(request.getURI());
        String origin = uri.getScheme() + "://" + uri.getAuthority();
        OpenApiInteractionValidator validator = validator(ContractValidation.documentUrl(origin, path));
        ValidationReport report = checkRequest
                ? validator.validate(sent, RestAssuredResponse.of(response))
                : validator.validateResponse(path, sent.getMethod(), RestAssuredResponse.of(response));
        if (report.hasErrors()) {
            throw new AssertionError("the call " + sent.getMethod() + " " + path + " (answered "
                    + response.getStatusCode() + ") does not keep its OpenAPI contract"
                    + (checkRequest ? "" : " (answer only: @SendsInvalidRequests)") + ":\n"
                    + SimpleValidationReportFormat.getInstance().apply(report)
                    + "answer: " + abbreviate(response.asString()));
        }
        return response;
    }

    @Override
    public int getOrder() {
        return LOWEST_PRECEDENCE;
    }

    private OpenApiInteractionValidator validator(String documentUrl) {
        return validators.computeIfAbsent(
                documentUrl,
                url -> OpenApiInteractionValidator.createForInlineApiSpecification(fetch(url))
                        .withLevelResolver(LEVELS)
                        .build());
    }

    /** The document as JSON, read with a plain client: through RestAssured it would pass this filter again. */
    private static String fetch(String documentUrl) {
        URI uri = URI.create(documentUrl + (documentUrl.contains("?") ? "&" : "?") + "format=json");
        try {
            HttpResponse<String> answer = HTTP.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(30))
                            .header("Accept", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new AssertionError("no OpenAPI document at " + uri + ": " + answer.statusCode());
            }
            return answer.body();
        } catch (IOException e) {
            throw new AssertionError("no OpenAPI document at " + uri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while reading " + uri, e);
        }
    }

    private static String abbreviate(String body) {
        String oneLine = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 2_000 ? oneLine : oneLine.substring(0, 2_000) + "...";
    }

    @Override
    public String toString() {
        return "OpenAPI contract validation";
    }
}
