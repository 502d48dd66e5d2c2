package com.example.loyalty.survey.service;

import com.example.loyalty.common.web.Problems;
import com.example.loyalty.events.QuestionType;
import com.example.loyalty.survey.domain.CsiDimension;
import com.example.loyalty.survey.domain.Question;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a survey definition as a marketer wrote it and turns it into questions. Every problem is collected,
 * so the answer names all offending questions at once.
 */
public final class Definitions {

    public static final int MAX_QUESTIONS = 100;
    public static final int MAX_OPTIONS = 50;
    public static final int MAX_TITLE_LENGTH = 300;
    public static final int MAX_QUESTION_TEXT_LENGTH = 1000;
    public static final int MAX_OPTION_TEXT_LENGTH = 300;
    public static final int MAX_LANGUAGES = 20;
    /** Title languages of which at least one must be given (a regional variant such as en-US counts). */
    static final List<String> TITLE_LANGUAGES = List.of("en", "ja");

    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    private Definitions() {}

    /** A survey definition as received. */
    public record Input(Map<String, String> title, boolean anonymous, List<QuestionInput> questions) {}

    /** A question as received: type and dimension are still names to check. */
    public record QuestionInput(
            String id,
            String type,
            String dimension,
            Map<String, String> text,
            Boolean required,
            List<OptionInput> options) {}

    public record OptionInput(String id, Map<String, String> text) {}

    /** The checked title and questions. */
    public record Checked(Map<String, String> title, List<Question> questions) {}

    /** Checks the definition; throws a 422 problem listing every error. */
    public static Checked check(Input input) {
        List<ValidationError> errors = new ArrayList<>();
        Map<String, String> title = texts(input.title(), null, "title", MAX_TITLE_LENGTH, errors);
        if (title != null && title.keySet().stream().noneMatch(l -> TITLE_LANGUAGES.contains(l.split("-")[0]))) {
            errors.add(new ValidationError(null, "title", "the title needs an 'en' or a 'ja' text"));
        }
        List<Question> questions = new ArrayList<>();
        List<QuestionInput> given = input.questions();
        if (given == null || given.isEmpty()) {
            errors.add(new ValidationError(null, "questions", "a survey needs at least one question"));
        } else if (given.size() > MAX_QUESTIONS) {
            errors.add(new ValidationError(null, "questions", "a survey has at most " + MAX_QUESTIONS + " questions"));
        } else {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < given.size(); i++) {
                Question q = question(given.get(i), "questions[" + i + "]", ids, errors);
                if (q != null) {
                    questions.add(q);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid("invalid-survey", "Invalid survey definition", errors);
        }
        return new Checked(title, List.copyOf(questions));
    }

    private static Question question(QuestionInput in, String path, Set<String> ids, List<ValidationError> errors) {
        if (in == null) {
            errors.add(new ValidationError(null, path, "a question is required, not null"));
            return null;
        }
        int before = errors.size();
        String id = in.id();
        if (id == null || id.isBlank()) {
            errors.add(new ValidationError(null, path + ".id", "the question id is required"));
        } else if (!ID.matcher(id).matches()) {
            errors.add(new ValidationError(
                    id,
                    path + ".id",
                    "a question id starts with a letter and has up to 64 letters, digits, '_' or '-'"));
        } else if (!ids.add(id)) {
            errors.add(new ValidationError(id, path + ".id", "duplicate question id '" + id + "'"));
        }
        QuestionType type = null;
        if (in.type() == null || in.type().isBlank()) {
            errors.add(new ValidationError(
                    id,
                    path + ".type",
                    "the question type is required; one of " + Arrays.toString(QuestionType.values())));
        } else {
            type = parse(QuestionType.class, in.type());
            if (type == null) {
                errors.add(new ValidationError(
                        id,
                        path + ".type",
                        "unknown question type '" + in.type() + "'; one of " + Arrays.toString(QuestionType.values())));
            }
        }
        Map<String, String> text = texts(in.text(), id, path + ".text", MAX_QUESTION_TEXT_LENGTH, errors);

        CsiDimension dimension = null;
        if (in.dimension() != null) {
            dimension = parse(CsiDimension.class, in.dimension());
            if (dimension == null) {
                errors.add(new ValidationError(
                        id,
                        path + ".dimension",
                        "unknown CSI dimension '" + in.dimension() + "'; one of "
                                + Arrays.toString(CsiDimension.values())));
            } else if (type != null && type != QuestionType.CSI) {
                errors.add(new ValidationError(id, path + ".dimension", "only CSI questions have a dimension"));
            }
        } else if (type == QuestionType.CSI) {
            errors.add(new ValidationError(
                    id,
                    path + ".dimension",
                    "a CSI question needs a dimension; one of " + Arrays.toString(CsiDimension.values())));
        }

        List<Question.ChoiceOption> options = List.of();
        List<OptionInput> givenOptions = in.options() == null ? List.of() : in.options();
        if (type == QuestionType.CHOICE) {
            options = options(givenOptions, id, path + ".options", errors);
        } else if (!givenOptions.isEmpty() && type != null) {
            errors.add(new ValidationError(id, path + ".options", "only CHOICE questions have options"));
        }
        if (errors.size() > before) {
            return null;
        }
        return new Question(
                id,
                type,
                type == QuestionType.CSI ? dimension : null,
                text,
                Boolean.TRUE.equals(in.required()),
                options);
    }

    private static List<Question.ChoiceOption> options(
            List<OptionInput> given, String questionId, String path, List<ValidationError> errors) {
        if (given.size() < 2) {
            errors.add(new ValidationError(questionId, path, "a CHOICE question needs at least 2 options"));
            return List.of();
        }
        if (given.size() > MAX_OPTIONS) {
            errors.add(
                    new ValidationError(questionId, path, "a CHOICE question has at most " + MAX_OPTIONS + " options"));
            return List.of();
        }
        List<Question.ChoiceOption> options = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            OptionInput o = given.get(i);
            String at = path + "[" + i + "]";
            if (o == null) {
                errors.add(new ValidationError(questionId, at, "an option is required, not null"));
                continue;
            }
            if (o.id() == null || !ID.matcher(o.id()).matches()) {
                errors.add(new ValidationError(
                        questionId,
                        at + ".id",
                        "an option id starts with a letter and has up to 64 letters, digits, '_' or '-'"));
            } else if (!ids.add(o.id())) {
                errors.add(new ValidationError(questionId, at + ".id", "duplicate option id '" + o.id() + "'"));
            }
            Map<String, String> text = texts(o.text(), questionId, at + ".text", MAX_OPTION_TEXT_LENGTH, errors);
            options.add(new Question.ChoiceOption(o.id(), text));
        }
        return List.copyOf(options);
    }

    /** Checks a map of translations; returns it normalised (lower-case language codes) or {@code null} if it is unusable. */
    private static Map<String, String> texts(
            Map<String, String> texts, String questionId, String path, int maxLength, List<ValidationError> errors) {
        if (texts == null || texts.isEmpty()) {
            errors.add(new ValidationError(
                    questionId, path, "a text in at least one language is required, e.g. {\"en\": \"...\"}"));
            return null;
        }
        if (texts.size() > MAX_LANGUAGES) {
            errors.add(new ValidationError(questionId, path, "at most " + MAX_LANGUAGES + " languages"));
            return null;
        }
        Map<String, String> checked = new LinkedHashMap<>();
        int before = errors.size();
        texts.forEach((language, value) -> {
            if (language == null || !LANGUAGE.matcher(language).matches()) {
                errors.add(new ValidationError(
                        questionId, path, "'" + language + "' is not a language code such as en or ja"));
            } else if (value == null || value.isBlank()) {
                errors.add(new ValidationError(questionId, path + "." + language, "the text must not be blank"));
            } else if (value.codePointCount(0, value.length()) > maxLength) {
                errors.add(
                        new ValidationError(questionId, path + "." + language, "at most " + maxLength + " characters"));
            } else if (checked.putIfAbsent(language.toLowerCase(Locale.ROOT), value) != null) {
                errors.add(new ValidationError(questionId, path, "language '" + language + "' is given twice"));
            }
        });
        return errors.size() > before ? null : checked;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
