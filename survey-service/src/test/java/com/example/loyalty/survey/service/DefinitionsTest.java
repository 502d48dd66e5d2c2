package com.example.loyalty.survey.service;

import static org.apache.http.HttpStatus.SC_UNPROCESSABLE_ENTITY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.events.QuestionType;
import com.example.loyalty.survey.domain.CsiDimension;
import io.quarkiverse.resteasy.problem.HttpProblem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefinitionsTest {

    @Test
    void aValidDefinitionBecomesQuestions() {
        var checked = Definitions.check(new Definitions.Input(
                Map.of("EN", "Title"),
                false,
                List.of(
                        new Definitions.QuestionInput("nps", "NPS", null, Map.of("en", "Recommend?"), true, null),
                        new Definitions.QuestionInput("csi", "csi", "perceived_value", Map.of("ja", "価値"), null, null),
                        new Definitions.QuestionInput(
                                "pick",
                                "CHOICE",
                                null,
                                Map.of("en", "Pick"),
                                false,
                                List.of(
                                        new Definitions.OptionInput("a", Map.of("en", "A")),
                                        new Definitions.OptionInput("b", Map.of("en", "B")))))));
        assertEquals(Map.of("en", "Title"), checked.title(), "language codes are lower-cased");
        assertEquals(3, checked.questions().size());
        assertTrue(checked.questions().get(0).required());
        assertEquals(QuestionType.CSI, checked.questions().get(1).type());
        assertEquals(CsiDimension.PERCEIVED_VALUE, checked.questions().get(1).dimension());
        assertFalse(checked.questions().get(1).required());
        assertEquals(
                List.of("a", "b"),
                checked.questions().get(2).options().stream().map(o -> o.id()).toList());
    }

    @Test
    void errorsNameTheirQuestions() {
        HttpProblem problem = assertThrows(
                HttpProblem.class,
                () -> Definitions.check(new Definitions.Input(
                        Map.of("en", "T"),
                        false,
                        List.of(
                                new Definitions.QuestionInput("1bad", "NPS", null, Map.of("en", "Q"), true, null),
                                new Definitions.QuestionInput(
                                        "ok",
                                        "TEXT",
                                        null,
                                        Map.of("en", "Q"),
                                        false,
                                        List.of(new Definitions.OptionInput("a", Map.of("en", "A")))),
                                new Definitions.QuestionInput(
                                        "lang", "TEXT", null, Map.of("english", "Q"), false, null),
                                new Definitions.QuestionInput(null, "TEXT", null, Map.of("en", "Q"), false, null)))));
        assertEquals(SC_UNPROCESSABLE_ENTITY, problem.getStatusCode());
        @SuppressWarnings("unchecked")
        List<ValidationError> errors =
                (List<ValidationError>) problem.getParameters().get("errors");
        assertEquals(
                List.of("questions[0].id", "questions[1].options", "questions[2].text", "questions[3].id"),
                errors.stream().map(ValidationError::field).toList());
        assertEquals("ok", errors.get(1).questionId());
    }

    @Test
    void aTextIsBoundedAndALanguageGivenTwiceIsRefused() {
        HttpProblem problem = assertThrows(
                HttpProblem.class,
                () -> Definitions.check(new Definitions.Input(
                        Map.of("en", "x".repeat(Definitions.MAX_TITLE_LENGTH + 1)),
                        false,
                        List.of(new Definitions.QuestionInput(
                                "q", "NPS", null, Map.of("en", "Q", "EN", "Q2"), true, null)))));
        @SuppressWarnings("unchecked")
        List<ValidationError> errors =
                (List<ValidationError>) problem.getParameters().get("errors");
        assertEquals(2, errors.size(), errors.toString());
        assertTrue(errors.get(0).message().contains("at most"));
        assertTrue(errors.get(1).message().contains("twice"));
    }

    @Test
    void aRegionalVariantOfEnglishOrJapaneseIsEnoughForTheTitle() {
        var q = List.of(
                new Definitions.QuestionInput("nps", "NPS", null, Map.of("fr", "Recommanderiez-vous ?"), true, null));
        assertEquals(
                Map.of("en-us", "Title"),
                Definitions.check(new Definitions.Input(Map.of("en-US", "Title"), false, q))
                        .title());
        HttpProblem problem = assertThrows(
                HttpProblem.class,
                () -> Definitions.check(new Definitions.Input(Map.of("fr", "Titre", "de", "Titel"), false, q)));
        assertTrue(problem.getDetail().startsWith("title: "), problem.getDetail());
    }
}
