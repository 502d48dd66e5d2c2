package com.example.loyalty.survey.rest;

import com.example.loyalty.survey.service.Definitions;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A survey definition as a marketer writes it. Its content is checked as a whole (422 with one entry per
 * offending field or question), so the fields carry no Bean Validation constraints of their own.
 */
@Schema(description = "A survey definition: localized title, anonymity, questions")
public record SurveyDefinitionRequest(
        @Schema(
                description = "Title by language code; needs at least `en` or `ja`",
                required = true,
                examples = "{\"en\": \"How are we doing?\", \"ja\": \"ご意見をお聞かせください\"}")
        Map<String, String> title,

        @Schema(
                description = "When true, responses carry no identity (no subject, member id or tier); one answer "
                        + "per member per wave still holds",
                defaultValue = "false")
        Boolean anonymous,

        @Schema(description = "The questions in display order (1 to 100)", required = true)
        List<QuestionRequest> questions) {

    @Schema(description = "A question")
    public record QuestionRequest(
            @Schema(
                    description = "Unique within the survey; the key of its answer. A letter, then up to 63 "
                            + "letters, digits, '_' or '-'",
                    examples = "nps",
                    required = true)
            String id,

            @Schema(
                    description = "Scale of the answer",
                    required = true,
                    enumeration = {"NPS", "CONTINUED_USE", "NRS", "CSI", "CES", "CES_BINARY", "DWB", "TEXT", "CHOICE"})
            String type,

            @Schema(
                    description = "CSI only, and required there: what the item measures",
                    enumeration = {
                        "EXPECTATION",
                        "PERCEIVED_QUALITY",
                        "PERCEIVED_VALUE",
                        "COMPLAINTS",
                        "LOYALTY",
                        "CUSTOM"
                    })
            String dimension,

            @Schema(
                    description = "The question by language code; at least one language",
                    required = true,
                    examples = "{\"en\": \"How likely are you to recommend us to a friend?\"}")
            Map<String, String> text,

            @Schema(description = "Whether every response must answer it", defaultValue = "false")
            Boolean required,

            @Schema(description = "CHOICE only, and required there: 2 to 50 options")
            List<OptionRequest> options) {}

    @Schema(description = "An option of a CHOICE question")
    public record OptionRequest(
            @Schema(description = "Unique within the question; the answer's value", required = true)
            String id,

            @Schema(description = "The option by language code", required = true)
            Map<String, String> text) {}

    Definitions.Input toInput() {
        List<Definitions.QuestionInput> qs = questions == null
                ? null
                : questions.stream()
                        .map(q -> q == null
                                ? null
                                : new Definitions.QuestionInput(
                                        q.id(),
                                        q.type(),
                                        q.dimension(),
                                        q.text(),
                                        q.required(),
                                        q.options() == null
                                                ? null
                                                : q.options().stream()
                                                        .map(o -> o == null
                                                                ? null
                                                                : new Definitions.OptionInput(o.id(), o.text()))
                                                        .toList()))
                        .toList();
        return new Definitions.Input(title, Boolean.TRUE.equals(anonymous), qs);
    }
}
