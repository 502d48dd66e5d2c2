package com.example.loyalty.common.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A body of the wrong JSON shape (a string where an object belongs, an empty body) as a 400 problem. Quarkus'
 * built-in mapper for {@link MismatchedInputException} takes precedence over quarkus-resteasy-problem's and
 * answers plain JSON in dev/test and an empty body in production; this one answers problem details always.
 */
public class JsonProblemMappers {

    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
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
        return cut < 0 ? String.valueOf(message) : message.substring(0, cut);
    }
}
