package com.example.loyalty.survey.service;

import com.example.loyalty.common.web.Problems;
import com.example.loyalty.events.QuestionType;
import com.example.loyalty.survey.domain.GivenAnswer;
import com.example.loyalty.survey.domain.Question;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkiverse.resteasy.problem.HttpProblem;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks the answers of a response against the survey's questions: every answer on its question's scale,
 * no unknown question, every required question answered. A {@code null} answer, and a blank free text, count
 * as not answered; a response without any answer is refused.
 */
public final class AnswerChecks {

    private AnswerChecks() {}

    /** Longest question id an answer may name: that of the question-id pattern of {@link Definitions}. */
    public static final int MAX_QUESTION_ID_LENGTH = 64;

    /**
     * The answers in the survey's question order. Throws a 400 problem naming the field when an answer is larger than
     * any survey allows ({@link #checkSizes}), else a 422 problem naming every offending question.
     */
    public static List<GivenAnswer> check(List<Question> questions, Map<String, JsonNode> answers, int maxTextLength) {
        Map<String, JsonNode> given = answers == null ? Map.of() : answers;
        checkSizes(given, maxTextLength);
        List<ValidationError> errors = new ArrayList<>();
        for (String questionId : given.keySet()) {
            if (questions.stream().noneMatch(q -> q.id().equals(questionId))) {
                errors.add(error(questionId, "this survey has no question '" + questionId + "'"));
            }
        }
        List<GivenAnswer> checked = new ArrayList<>();
        for (Question q : questions) {
            JsonNode node = given.get(q.id());
            if (isUnanswered(node)) {
                if (q.required()) {
                    errors.add(error(q.id(), "an answer is required"));
                }
                continue;
            }
            String problem = problemWith(q, node);
            if (problem != null) {
                errors.add(error(q.id(), problem));
            } else {
                checked.add(toAnswer(q, node));
            }
        }
        if (errors.isEmpty() && checked.isEmpty()) {
            errors.add(new ValidationError(null, "answers", "a response answers at least one question"));
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid("invalid-answers", "Invalid answers", errors);
        }
        return List.copyOf(checked);
    }

    /**
     * The size limits of an answer, whatever the survey: a question id of at most {@link #MAX_QUESTION_ID_LENGTH}
     * characters, a string answer (of any question) of at most {@code maxTextLength} characters (code points). Throws a
     * 400 problem {@code answer-too-large} whose {@code field} names the answer ({@code answers.<question id>}, or
     * {@code answers} for an overlong id). How many answers a response holds is bounded by the request's schema.
     */
    static void checkSizes(Map<String, JsonNode> given, int maxTextLength) {
        for (Map.Entry<String, JsonNode> answer : given.entrySet()) {
            if (answer.getKey().length() > MAX_QUESTION_ID_LENGTH) {
                throw tooLarge("answers", "a question id has at most " + MAX_QUESTION_ID_LENGTH + " characters");
            }
            JsonNode node = answer.getValue();
            if (node != null && node.isTextual()) {
                String text = node.asText();
                if (text.length() > maxTextLength && text.codePointCount(0, text.length()) > maxTextLength) {
                    throw tooLarge(
                            "answers." + answer.getKey(), "an answer has at most " + maxTextLength + " characters");
                }
            }
        }
    }

    private static HttpProblem tooLarge(String field, String message) {
        return HttpProblem.builder()
                .withType(URI.create(Problems.BASE + "answer-too-large"))
                .withStatus(400)
                .withTitle("Answer too large")
                .withDetail(field + ": " + message)
                .with("field", field)
                .build();
    }

    private static boolean isUnanswered(JsonNode node) {
        return node == null
                || node.isNull()
                || node.isMissingNode()
                || (node.isTextual() && node.asText().isBlank());
    }

    /** What is wrong with the answer, or {@code null} if it fits the question. */
    static String problemWith(Question q, JsonNode node) {
        QuestionType type = q.type();
        return switch (type) {
            case NPS, CONTINUED_USE, NRS, CSI, CES, DWB -> {
                String range = "an integer from " + type.min() + " to " + type.max();
                if (!node.isIntegralNumber()) {
                    yield type + " answers must be " + range + ", not " + describe(node);
                }
                if (!node.canConvertToInt() || node.intValue() < type.min() || node.intValue() > type.max()) {
                    yield node.asText() + " is out of range: " + type + " answers must be " + range;
                }
                yield null;
            }
            case CES_BINARY ->
                node.isBoolean()
                        ? null
                        : "CES_BINARY answers must be true (felt effort) or false, not " + describe(node);
            case TEXT -> {
                if (!node.isTextual()) {
                    yield "TEXT answers must be a string, not " + describe(node);
                }
                yield null; // its length: checkSizes
            }
            case CHOICE -> {
                if (!node.isTextual()) {
                    yield "CHOICE answers must be the id of an option, not " + describe(node);
                }
                yield q.option(node.asText()).isPresent()
                        ? null
                        : "'" + node.asText() + "' is not an option; one of "
                                + q.options().stream()
                                        .map(Question.ChoiceOption::id)
                                        .toList();
            }
        };
    }

    private static GivenAnswer toAnswer(Question q, JsonNode node) {
        return switch (q.type()) {
            case NPS, CONTINUED_USE, NRS, CSI, CES, DWB ->
                new GivenAnswer(q.id(), q.type(), q.dimension(), node.intValue(), null, null, null);
            case CES_BINARY -> new GivenAnswer(q.id(), q.type(), null, null, node.booleanValue(), null, null);
            case TEXT -> new GivenAnswer(q.id(), q.type(), null, null, null, node.asText(), null);
            case CHOICE -> new GivenAnswer(q.id(), q.type(), null, null, null, null, node.asText());
        };
    }

    private static String describe(JsonNode node) {
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "the number " + node.asText();
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isArray()) {
            return "an array";
        }
        return node.isObject() ? "an object" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static ValidationError error(String questionId, String message) {
        return new ValidationError(questionId, "answers." + questionId, message);
    }
}
