package com.example.loyalty.survey.service;

import static org.apache.http.HttpStatus.SC_BAD_REQUEST;
import static org.apache.http.HttpStatus.SC_UNPROCESSABLE_ENTITY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.events.QuestionType;
import com.example.loyalty.survey.domain.CsiDimension;
import com.example.loyalty.survey.domain.GivenAnswer;
import com.example.loyalty.survey.domain.Question;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkiverse.resteasy.problem.HttpProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The scales of the question types, at and just beyond their edges. */
class AnswerChecksTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @CsvSource({
        "NPS, 0, true",
        "NPS, 10, true",
        "NPS, -1, false",
        "NPS, 11, false",
        "CONTINUED_USE, 0, true",
        "CONTINUED_USE, 10, true",
        "CONTINUED_USE, 11, false",
        "NRS, 1, true",
        "NRS, 5, true",
        "NRS, 0, false",
        "NRS, 6, false",
        "CSI, 0, true",
        "CSI, 100, true",
        "CSI, -1, false",
        "CSI, 101, false",
        "CES, 0, true",
        "CES, 10, true",
        "CES, 11, false",
        "DWB, 1, true",
        "DWB, 5, true",
        "DWB, 0, false",
        "DWB, 6, false",
        "NPS, 9.0, false",
        "NPS, '\"9\"', false",
        "NPS, true, false",
        "NPS, 99999999999, false",
        "CES_BINARY, true, true",
        "CES_BINARY, false, true",
        "CES_BINARY, 1, false",
        "CES_BINARY, '\"yes\"', false",
        "TEXT, '\"fine\"', true",
        "TEXT, 5, false",
        "CHOICE, '\"a\"', true",
        "CHOICE, '\"c\"', false",
        "CHOICE, 1, false"
    })
    void answersAreCheckedAgainstTheScale(QuestionType type, String json, boolean valid) throws Exception {
        Question q = question("q", type, false);
        String problem = AnswerChecks.problemWith(q, JSON.readTree(json));
        assertEquals(valid, problem == null, type + " " + json + ": " + problem);
    }

    @Test
    void checkedAnswersFollowTheQuestionOrderAndCarryTheDimension() throws Exception {
        List<Question> questions = List.of(
                question("nps", QuestionType.NPS, true),
                new Question(
                        "value",
                        QuestionType.CSI,
                        CsiDimension.PERCEIVED_VALUE,
                        Map.of("en", "Value?"),
                        false,
                        List.of()),
                question("effort", QuestionType.CES_BINARY, false),
                question("why", QuestionType.TEXT, false));
        Map<String, JsonNode> given = new LinkedHashMap<>();
        given.put("why", JSON.readTree("\"cheap\""));
        given.put("effort", JSON.readTree("false"));
        given.put("value", JSON.readTree("73"));
        given.put("nps", JSON.readTree("9"));
        List<GivenAnswer> answers = AnswerChecks.check(questions, given, 2000);
        assertEquals(
                List.of(
                        new GivenAnswer("nps", QuestionType.NPS, null, 9, null, null, null),
                        new GivenAnswer("value", QuestionType.CSI, CsiDimension.PERCEIVED_VALUE, 73, null, null, null),
                        new GivenAnswer("effort", QuestionType.CES_BINARY, null, null, false, null, null),
                        new GivenAnswer("why", QuestionType.TEXT, null, null, null, "cheap", null)),
                answers);
    }

    @Test
    void everyProblemIsNamedInOneError() throws Exception {
        List<Question> questions = List.of(
                question("nps", QuestionType.NPS, true),
                question("nrs", QuestionType.NRS, true),
                question("why", QuestionType.TEXT, false));
        Map<String, JsonNode> given = new LinkedHashMap<>();
        given.put("nps", JSON.readTree("42"));
        given.put("why", JSON.readTree("7"));
        given.put("extra", JSON.readTree("1"));
        HttpProblem problem = assertThrows(HttpProblem.class, () -> AnswerChecks.check(questions, given, 10));
        assertEquals(SC_UNPROCESSABLE_ENTITY, problem.getStatusCode());
        assertTrue(problem.getType().toString().endsWith("/invalid-answers"));
        @SuppressWarnings("unchecked")
        List<ValidationError> errors =
                (List<ValidationError>) problem.getParameters().get("errors");
        assertEquals(
                List.of("extra", "nps", "nrs", "why"),
                errors.stream().map(ValidationError::questionId).toList());
        assertTrue(errors.get(2).message().contains("required"));
        assertTrue(errors.get(3).message().contains("must be a string"));
    }

    @Test
    void anOverlongAnswerIsA400NamingItsFieldBeforeAnyCheckOfTheSurvey() throws Exception {
        List<Question> questions =
                List.of(question("nps", QuestionType.NPS, true), question("why", QuestionType.TEXT, false));
        // too long for any question, so also for a CHOICE or an unknown question: refused before its text is echoed
        for (String id : List.of("why", "nps", "unknown")) {
            Map<String, JsonNode> given = new LinkedHashMap<>();
            given.put("nps", JSON.readTree("9"));
            given.put(id, JSON.readTree("\"" + "é".repeat(11) + "\""));
            HttpProblem problem = assertThrows(HttpProblem.class, () -> AnswerChecks.check(questions, given, 10));
            assertEquals(SC_BAD_REQUEST, problem.getStatusCode(), id);
            assertTrue(problem.getType().toString().endsWith("/answer-too-large"));
            assertEquals("answers." + id, problem.getParameters().get("field"));
            assertTrue(problem.getDetail().contains("at most 10 characters"), problem.getDetail());
        }
        Map<String, JsonNode> longId = Map.of("q".repeat(65), JSON.readTree("1"));
        HttpProblem problem = assertThrows(HttpProblem.class, () -> AnswerChecks.check(questions, longId, 10));
        assertEquals(SC_BAD_REQUEST, problem.getStatusCode());
        assertEquals("answers", problem.getParameters().get("field"));
        // 64 characters is a question id the survey may have: the survey's own check (422) answers
        Map<String, JsonNode> maxId = Map.of("q".repeat(64), JSON.readTree("1"));
        assertEquals(
                SC_UNPROCESSABLE_ENTITY,
                assertThrows(HttpProblem.class, () -> AnswerChecks.check(questions, maxId, 10))
                        .getStatusCode());
    }

    @Test
    void textLengthCountsCharactersNotUtf16Units() throws Exception {
        Question q = question("why", QuestionType.TEXT, false);
        List<GivenAnswer> answers =
                AnswerChecks.check(List.of(q), Map.of("why", JSON.readTree("\"" + "😀".repeat(10) + "\"")), 10);
        assertEquals("😀".repeat(10), answers.get(0).text());
    }

    private static Question question(String id, QuestionType type, boolean required) {
        List<Question.ChoiceOption> options = type == QuestionType.CHOICE
                ? List.of(
                        new Question.ChoiceOption("a", Map.of("en", "A")),
                        new Question.ChoiceOption("b", Map.of("en", "B")))
                : List.of();
        return new Question(
                id, type, type == QuestionType.CSI ? CsiDimension.CUSTOM : null, Map.of("en", id), required, options);
    }

    @Test
    void aResponseWithoutAnyAnswerIsRefusedEvenIfNothingIsRequired() throws Exception {
        List<Question> questions =
                List.of(question("nps", QuestionType.NPS, false), question("why", QuestionType.TEXT, false));
        Map<String, JsonNode> blank = new LinkedHashMap<>();
        blank.put("why", JSON.readTree("\"  \""));
        for (Map<String, JsonNode> given : List.of(Map.<String, JsonNode>of(), blank)) {
            HttpProblem problem = assertThrows(HttpProblem.class, () -> AnswerChecks.check(questions, given, 2000));
            @SuppressWarnings("unchecked")
            List<ValidationError> errors =
                    (List<ValidationError>) problem.getParameters().get("errors");
            assertEquals("answers", errors.get(0).field());
            assertNull(errors.get(0).questionId());
        }
    }
}
