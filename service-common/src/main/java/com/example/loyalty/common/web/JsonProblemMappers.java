package com.example.loyalty.common.web;

import com.example.loyalty.common.text.SafeText;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A body of the wrong JSON shape (a string where an object belongs, an empty body, a string where the document says
 * number: {@link StrictJson}) as a 400 {@code malformed-body} problem, and a string holding a NUL or a lone surrogate
 * as a 400 {@code invalid-text} problem; both name the field. Quarkus' built-in mapper for {@link
 * MismatchedInputException} takes precedence over quarkus-resteasy-problem's and answers plain JSON in dev/test and an
 * empty body in production; quarkus-resteasy-problem's own mapper of {@link InvalidFormatException} (a value of the
 * right JSON type but not of the field's format: {@code "fuzz"} for an instant, an enum constant that does not exist)
 * would answer Jackson's message, Java class names included. Here the detail says what the field takes in the API's
 * words ("'occurredAt' must be an ISO-8601 instant such as 2026-12-03T10:15:30Z, was \"fuzz\""). What the client sent
 * is echoed only through {@link SafeText#printable} and cut short, so that the answer itself can always be written.
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
        return malformedBody(e, field);
    }

    /** A value of the right JSON type in the wrong format: more specific than the mapper above, so mapped here too. */
    @ServerExceptionMapper(priority = 1)
    public Response invalidFormat(InvalidFormatException e) {
        return mismatchedInput(e);
    }

    private static Response malformedBody(MismatchedInputException e, String field) {
        String detail;
        if (field.isEmpty()) {
            detail = "the request body is missing or not of the expected JSON shape";
        } else {
            String expected = expected(e.getTargetType());
            detail = expected == null
                    ? "'" + field + "' is not of the expected JSON type: " + summary(e)
                    : "'" + field + "' must be " + expected + sent(e);
        }
        HttpProblem.Builder problem = HttpProblem.builder()
                .withType(URI.create("https://loyalty.example.com/problems/malformed-body"))
                .withStatus(Response.Status.BAD_REQUEST)
                .withTitle("Bad Request")
                .withDetail(detail);
        if (!field.isEmpty()) {
            problem.with("field", field);
        }
        return problem.build().toResponse();
    }

    /** What a field of {@code type} takes, as the API documents say it; {@code null} for a type not known here. */
    static String expected(Class<?> type) {
        if (type == null) {
            return null;
        }
        if (type.isEnum()) {
            return "one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(c -> ((Enum<?>) c).name())
                            .collect(Collectors.joining(", "));
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return "an ISO-8601 instant such as 2026-12-03T10:15:30Z";
        }
        if (type == LocalDate.class) {
            return "a day as YYYY-MM-DD";
        }
        if (type == LocalTime.class) {
            return "a time of day as HH:MM or HH:MM:SS";
        }
        if (type == YearMonth.class) {
            return "a month as YYYY-MM";
        }
        if (type == Duration.class) {
            return "an ISO-8601 duration such as PT30M or P30D";
        }
        if (type == Period.class) {
            return "an ISO-8601 period such as P30D or P1Y";
        }
        if (type == UUID.class) {
            return "a UUID such as 6f1c1b8e-0d55-4a43-9a53-0a3c3ed1f1a2";
        }
        if (type == Currency.class) {
            return "an ISO 4217 currency code such as JPY";
        }
        if (ZoneId.class.isAssignableFrom(type)) {
            return "a time zone such as Asia/Tokyo";
        }
        if (type == int.class
                || type == Integer.class
                || type == long.class
                || type == Long.class
                || type == short.class
                || type == Short.class
                || type == BigInteger.class) {
            return "a whole number";
        }
        if (type == double.class
                || type == Double.class
                || type == float.class
                || type == Float.class
                || type == BigDecimal.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a JSON array";
        }
        if (Map.class.isAssignableFrom(type)
                || type.isRecord()
                || !type.getName().startsWith("java.")) {
            return "a JSON object";
        }
        return null;
    }

    /** {@code , was "..."} for a value Jackson kept (a string of the wrong format), cut to 60 characters. */
    private static String sent(MismatchedInputException e) {
        if (!(e instanceof InvalidFormatException invalid) || !(invalid.getValue() instanceof String value)) {
            return "";
        }
        String shown = value.codePointCount(0, value.length()) <= 60
                ? value
                : value.substring(0, value.offsetByCodePoints(0, 60)) + "...";
        return ", was \"" + SafeText.printable(shown) + "\"";
    }

    private static String summary(JsonMappingException e) {
        String message = e.getOriginalMessage();
        int cut = message == null ? -1 : message.indexOf('\n');
        return SafeText.printable(cut < 0 ? String.valueOf(message) : message.substring(0, cut));
    }
}
