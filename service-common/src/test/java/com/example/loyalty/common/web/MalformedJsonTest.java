package com.example.loyalty.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MalformedJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A reader that fails as Quarkus' Jackson reader does: the parser's exception inside a bare 400. */
    private static ReaderInterceptorContext readerFailingWith(RuntimeException e) {
        return (ReaderInterceptorContext) Proxy.newProxyInstance(
                MalformedJsonTest.class.getClassLoader(),
                new Class<?>[] {ReaderInterceptorContext.class},
                (p, m, a) -> {
                    if (m.getName().equals("proceed")) {
                        throw e;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    private static WebApplicationException readerFailureOn(String body) {
        StreamReadException parse = assertThrows(StreamReadException.class, () -> JSON.readValue(body, Map.class));
        return new WebApplicationException(parse, Response.Status.BAD_REQUEST);
    }

    @Test
    void aBodyThatIsNotJsonSaysWhereTheParserStopped() {
        HttpProblem problem = assertThrows(
                HttpProblem.class,
                () -> new MalformedJson().aroundReadFrom(readerFailingWith(readerFailureOn("{\"amount\": 12,}"))));
        assertEquals(400, problem.getStatusCode());
        assertEquals("https://loyalty.example.com/problems/malformed-body", String.valueOf(problem.getType()));
        assertTrue(
                problem.getDetail()
                        .startsWith("the body is not well-formed JSON (line 1, column 15): Unexpected character"),
                problem.getDetail());
    }

    @Test
    void aCutOffBodyToo() {
        HttpProblem problem = assertThrows(
                HttpProblem.class,
                () -> new MalformedJson().aroundReadFrom(readerFailingWith(readerFailureOn("{\"amount\": "))));
        assertTrue(problem.getDetail().startsWith("the body is not well-formed JSON"), problem.getDetail());
        assertTrue(problem.getDetail().length() < 300, problem.getDetail());
    }

    record Range(int min, int max) {
        Range {
            if (min > max) {
                throw new IllegalArgumentException("min must not be above max");
            }
        }
    }

    record Question(String id, Range range) {}

    @Test
    void aValueItsConstructorRefusesNamesTheFieldAndTheReasonNotJava() {
        var refused = assertThrows(
                com.fasterxml.jackson.databind.JsonMappingException.class,
                () -> JSON.readValue("{\"id\": \"q1\", \"range\": {\"min\": 5, \"max\": 1}}", Question.class));
        HttpProblem problem = assertThrows(
                HttpProblem.class,
                () -> new MalformedJson().aroundReadFrom(readerFailingWith(new WebApplicationException(refused, 400))));
        assertEquals("'range' cannot be read: min must not be above max", problem.getDetail());
        assertEquals("range", problem.getParameters().get("field"));
    }

    @Test
    void everyOtherFailureOfTheReaderPassesUnchanged() {
        WebApplicationException other = new WebApplicationException(415);
        assertSame(
                other,
                assertThrows(
                        WebApplicationException.class,
                        () -> new MalformedJson().aroundReadFrom(readerFailingWith(other))));
    }
}
