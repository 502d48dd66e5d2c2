package com.example.loyalty.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The 400 a body of the wrong shape or format gets: the field, and what it takes in the API's words, never Java's. */
class JsonProblemMappersTest {

    private static final ObjectMapper JSON = StrictJson.apply(new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));

    enum Channel {
        STORE,
        APP
    }

    record Line(String sku, int quantity) {}

    record Purchase(
            long amount, Channel channel, Instant occurredAt, LocalDate birthday, UUID waveId, List<Line> lines) {}

    private final JsonProblemMappers mappers = new JsonProblemMappers();

    private HttpProblem problemFor(String json) {
        MismatchedInputException e =
                assertThrows(MismatchedInputException.class, () -> JSON.readValue(json, Purchase.class));
        Response answer = e instanceof InvalidFormatException invalid
                ? mappers.invalidFormat(invalid)
                : mappers.mismatchedInput(e);
        assertEquals(400, answer.getStatus());
        HttpProblem problem = (HttpProblem) answer.getEntity();
        assertEquals("https://loyalty.example.com/problems/malformed-body", String.valueOf(problem.getType()));
        return problem;
    }

    private void assertDetail(String json, String field, String detail) {
        HttpProblem problem = problemFor(json);
        assertEquals(detail, problem.getDetail());
        assertEquals(field, problem.getParameters().get("field"));
        for (String javaWords : List.of("java.", "com.example", "Cannot deserialize", "`")) {
            if (problem.getDetail().contains(javaWords)) {
                fail("the detail speaks Java (" + javaWords + "): " + problem.getDetail());
            }
        }
    }

    @Test
    void aValueOfTheWrongFormatSaysWhatTheFieldTakes() {
        assertDetail(
                "{\"occurredAt\": \"fuzz\"}",
                "occurredAt",
                "'occurredAt' must be an ISO-8601 instant such as 2026-12-03T10:15:30Z, was \"fuzz\"");
        assertDetail("{\"channel\": \"TILL\"}", "channel", "'channel' must be one of STORE, APP, was \"TILL\"");
        assertDetail(
                "{\"birthday\": \"01/04/1990\"}",
                "birthday",
                "'birthday' must be a day as YYYY-MM-DD, was \"01/04/1990\"");
        assertDetail(
                "{\"waveId\": \"w-1\"}",
                "waveId",
                "'waveId' must be a UUID such as 6f1c1b8e-0d55-4a43-9a53-0a3c3ed1f1a2, was \"w-1\"");
    }

    @Test
    void aValueOfTheWrongJsonTypeSaysWhatTheFieldTakes() {
        assertDetail("{\"amount\": \"12\"}", "amount", "'amount' must be a whole number");
        assertDetail("{\"channel\": 0}", "channel", "'channel' must be one of STORE, APP");
        assertDetail(
                "{\"lines\": [{\"quantity\": true}]}",
                "lines[0].quantity",
                "'lines[0].quantity' must be a whole number");
        assertDetail("{\"lines\": {\"sku\": \"A\"}}", "lines", "'lines' must be a JSON array");
    }

    @Test
    void whatWasSentIsCutShortAndPrintable() {
        String detail =
                problemFor("{\"occurredAt\": \"" + "x".repeat(5_000) + "\"}").getDetail();
        assertFalse(detail.length() > 200, detail);
        assertEquals(true, detail.endsWith("...\""), detail);
    }

    @Test
    void aBodyOfTheWrongShapeAltogetherHasNoField() {
        HttpProblem problem = problemFor("[1, 2]");
        assertEquals("the request body is missing or not of the expected JSON shape", problem.getDetail());
        assertEquals(null, problem.getParameters().get("field"));
    }
}
