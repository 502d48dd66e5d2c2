package com.example.loyalty.survey.domain;

import com.example.loyalty.events.QuestionType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One question of a survey definition (stored inside the survey's {@code questions} JSON).
 *
 * @param id        unique within the survey, used as the answer key ({@code nps}, {@code reason})
 * @param type      scale of the answer
 * @param dimension CSI only: what the item measures
 * @param text      the question in one or more languages
 * @param required  whether a response must answer it
 * @param options   CHOICE only: the options, in display order
 */
public record Question(
        String id,
        QuestionType type,
        CsiDimension dimension,
        Map<String, String> text,
        boolean required,
        List<ChoiceOption> options) {

    public Question {
        text = text == null ? Map.of() : text;
        options = options == null ? List.of() : options;
    }

    public Optional<ChoiceOption> option(String optionId) {
        return options.stream().filter(o -> o.id().equals(optionId)).findFirst();
    }

    /** An option of a CHOICE question. */
    public record ChoiceOption(String id, Map<String, String> text) {
        public ChoiceOption {
            text = text == null ? Map.of() : text;
        }
    }
}
