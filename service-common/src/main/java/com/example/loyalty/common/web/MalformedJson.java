package com.example.loyalty.common.web;

import com.example.loyalty.common.text.SafeText;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.net.URI;
import java.util.stream.Collectors;

/**
 * A body that is not well-formed JSON ({@code {"amount": 12,}}, a cut-off document, bytes that are not UTF-8, a number
 * of 10,000 digits) is a 400 {@code malformed-body} problem that says where the parser stopped and why: "the body is
 * not well-formed JSON (line 1, column 14): Unexpected character ('}' (code 125))". Quarkus' Jackson reader answers such
 * a body with a bare {@code WebApplicationException(400)}, which became the problem detail "HTTP 400 Bad Request".
 * A reader interceptor sees the reader's exception before any mapper does, and nothing else about reading changes.
 */
@Provider
public class MalformedJson implements ReaderInterceptor {

    private static final int MAX_MESSAGE = 200;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        try {
            return context.proceed();
        } catch (WebApplicationException e) {
            if (e.getCause() instanceof StreamReadException parse) {
                throw problem(parse);
            }
            if (e.getCause() instanceof JsonMappingException unreadable) {
                throw problem(unreadable);
            }
            throw e;
        }
    }

    /**
     * A body of the right shape that still cannot become the request object (its constructor refused a value): the
     * field, and the reason its constructor gave; never Jackson's message, which names Java classes.
     */
    static HttpProblem problem(JsonMappingException unreadable) {
        String field = unreadable.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        Throwable root = unreadable;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        // a constructor's IllegalArgumentException is its reason, meant to be read; any other failure's message is not
        String why = !(root instanceof IllegalArgumentException) || root.getMessage() == null
                ? "it is not of the expected JSON shape"
                : FieldError.cut(root.getMessage(), MAX_MESSAGE);
        HttpProblem.Builder problem = HttpProblem.builder()
                .withType(URI.create(Problems.BASE + "malformed-body"))
                .withStatus(400)
                .withTitle("Bad Request")
                .withDetail((field.isEmpty() ? "the body" : "'" + SafeText.printable(field) + "'") + " cannot be read: "
                        + SafeText.printable(why));
        if (!field.isEmpty()) {
            problem.with("field", SafeText.printable(field));
        }
        return problem.build();
    }

    static HttpProblem problem(JsonProcessingException parse) {
        JsonLocation at = parse.getLocation();
        String where = at == null || at.getLineNr() < 1
                ? ""
                : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        String why = parse.getOriginalMessage() == null ? "" : parse.getOriginalMessage();
        int cut = why.indexOf('\n');
        why = (cut < 0 ? why : why.substring(0, cut)).replaceAll("\\s*\\(start marker at \\[Source:.*$", "");
        why = FieldError.cut(why, MAX_MESSAGE);
        return HttpProblem.builder()
                .withType(URI.create(Problems.BASE + "malformed-body"))
                .withStatus(400)
                .withTitle("Bad Request")
                .withDetail("the body is not well-formed JSON" + where
                        + (why.isBlank() ? "" : ": " + SafeText.printable(why)))
                .build();
    }
}
