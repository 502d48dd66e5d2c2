package com.example.loyalty.common.web;

import com.example.loyalty.common.text.SafeText;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The URL and headers of every API request hold text as strictly as its JSON body does ({@link StrictJson}): a path,
 * query parameter or header with a NUL character, or a URL whose percent-escapes are not UTF-8 (which is how a lone
 * surrogate arrives: {@code %ED%A0%80}), is refused with a 400 {@code invalid-text} problem naming where it was ({@code
 * in}: path, query or header; {@code parameter}: the query parameter's or header's name), before any resource reads
 * it. Without this, {@code %00} reached the database as a NUL and a broken escape silently became U+FFFD.
 *
 * <p>The raw request line is checked (Vert.x' undecoded path and query), so that nothing the URL decoder would smooth
 * over is missed. It runs after matching (an unknown path stays a 404) and before the body and parameters are read.
 */
public class TextInputFilter {

    /** The problem kind of refused text, in a body or in the URL and headers. */
    public static final String KIND = "invalid-text";

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 100)
    public void refuseForbiddenText(HttpServerRequest request) {
        Optional<Finding> finding = check(request.path(), request.query(), request.headers());
        if (finding.isPresent()) {
            throw finding.get().toProblem();
        }
    }

    /** Where and what: {@code in} is path, query or header; {@code parameter} is null for the path. */
    public record Finding(String in, String parameter, String problem) {

        HttpProblem toProblem() {
            String where = parameter == null ? "the URL path" : in + " parameter '" + parameter + "'";
            if ("header".equals(in)) {
                where = "header '" + parameter + "'";
            }
            HttpProblem.Builder builder = HttpProblem.builder()
                    .withType(URI.create(Problems.BASE + KIND))
                    .withStatus(400)
                    .withTitle("Bad Request")
                    .withDetail(where + " " + problem)
                    .with("in", in);
            if (parameter != null) {
                builder.with("parameter", parameter);
            }
            return builder.build();
        }
    }

    /**
     * The first forbidden text in a request's raw path, raw query (either may be null) and headers. Header values are
     * checked for a NUL only: the server decodes each of their bytes as one char (ISO-8859-1), so none is a surrogate.
     */
    public static Optional<Finding> check(
            String rawPath, String rawQuery, Iterable<Map.Entry<String, String>> headers) {
        if (rawPath != null) {
            String problem = problemOf(rawPath);
            if (problem != null) {
                return Optional.of(new Finding("path", null, problem));
            }
        }
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String rawName = (eq < 0 ? pair : pair.substring(0, eq)).replace('+', ' ');
                String nameProblem = problemOf(rawName);
                String name = nameProblem == null
                        ? SafeText.percentDecode(rawName)
                        : SafeText.printable(FieldError.cut(rawName, Problems.MAX_FIELD_ERROR_CHARS));
                if (nameProblem != null) {
                    return Optional.of(new Finding("query", name, "has a name that " + nameProblem));
                }
                String valueProblem =
                        eq < 0 ? null : problemOf(pair.substring(eq + 1).replace('+', ' '));
                if (valueProblem != null) {
                    return Optional.of(
                            new Finding("query", FieldError.cut(name, Problems.MAX_FIELD_ERROR_CHARS), valueProblem));
                }
            }
        }
        if (headers != null) {
            for (Map.Entry<String, String> header : headers) {
                // a header's bytes arrive as one char each (ISO-8859-1), so it may hold a NUL but never a surrogate:
                // indexOf, an intrinsic, looks for the NUL without the char-by-char scan of SafeText, which took 5 % of
                // a feed read's CPU (a kilobyte of bearer token on every request)
                String value = header.getValue();
                if (value != null && value.indexOf('\0') >= 0) {
                    String problem = SafeText.problemIn(value);
                    return Optional.of(new Finding("header", SafeText.printable(header.getKey()), problem));
                }
            }
        }
        return Optional.empty();
    }

    /** What is wrong with one percent-encoded URL part, or null. */
    private static String problemOf(String raw) {
        try {
            return SafeText.problemIn(SafeText.percentDecode(raw));
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
