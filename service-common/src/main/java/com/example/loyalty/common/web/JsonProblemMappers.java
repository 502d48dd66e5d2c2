package com.example.loyalty.common.web;

import com.example.loyalty.common.text.SafeText;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A body of the wrong JSON shape (a string where an object belongs, an empty body, a string where the document says
 * number: {@link StrictJson}) as a 400 {@code malformed-body} problem, and a string holding a NUL or a lone surrogate
 * as a 400 {@code invalid-text} problem; both name the field. Quarkus' built-in mapper for {@link
 * MismatchedInputException} takes precedence over quarkus-resteasy-problem's and answers plain JSON in dev/test and an
 * empty body in production; this one answers problem details always. What the client sent is echoed only through
 * {@link SafeText#printable}, so that the answer itself can always be written.
 */
public class JsonProblemMappers {

    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e) {
        String field = SafeText.printable(e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "["));
        if (e instanceof StrictJson.ForbiddenTextException) {
            HttpProblem.Builder problem = HttpProblem.builder()
                    .withType(URI.create(Problems.BASE + TextInputFilter.KIND))
                    .withStatus(Response.Status.BAD_REQUEST)
                    .withTitle("Bad Request")
                    .withDetail((field.isEmpty() ? "the body" : "'" + field + "'") + ": " + summary(e));
            if (!field.isEmpty()) {
                problem.with("field", field);
            }
            return problem.build().toResponse();
        }
        HttpProblem.Builder problem = HttpProblem.builder()
                .withType(URI.create("https://loyalty.example.com/problems/malformed-body"))
                .withStatus(Response.Status.BAD_REQUEST)
                .withTitle("Bad Request")
                .withDetail(
                        field.isEmpty()
                                ? "the request body is missing or not of the expected JSON shape"
                                : "'" + field + "' is not of the expected JSON type: " + summary(e));
        if (!field.isEmpty()) {
            problem.with("field", field);
        }
        return problem.build().toResponse();
    }

    private static String summary(JsonMappingException e) {
        String message = e.getOriginalMessage();
        int cut = message == null ? -1 : message.indexOf('\n');
        return SafeText.printable(cut < 0 ? String.valueOf(message) : message.substring(0, cut));
    }
}
