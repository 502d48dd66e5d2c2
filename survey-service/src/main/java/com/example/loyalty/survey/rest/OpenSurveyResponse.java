package com.example.loyalty.survey.rest;

import com.example.loyalty.events.QuestionType;
import com.example.loyalty.survey.domain.CsiDimension;
import com.example.loyalty.survey.domain.Question;
import com.example.loyalty.survey.service.Languages;
import com.example.loyalty.survey.service.OpenSurveyService;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        description = "A survey the member can answer now, with its open wave. Texts come as maps by language "
                + "(`titles`, `texts`) and, for convenience, as one string in the chosen language (`title`, `text`)")
public record OpenSurveyResponse(
        @Schema(description = "Survey id: POST the answers to /api/surveys/{id}/responses")
        UUID id,

        @Schema(description = "Title in the chosen language")
        String title,

        @Schema(description = "Title by language code") Map<String, String> titles,

        @Schema(description = "Language of `title` (from ?lang=, else Accept-Language, else en, else ja)")
        String lang,

        @Schema(description = "Responses carry no identity") boolean anonymous,

        @Schema(description = "The wave the answer will count for")
        OpenWave wave,

        @Schema(description = "When the wave stops accepting responses (UTC)")
        Instant closesAt,

        List<OpenQuestion> questions) {

    @Schema(description = "The open wave")
    public record OpenWave(UUID id, String name, Instant opensAt, Instant closesAt) {}

    @Schema(description = "A question with its scale")
    public record OpenQuestion(
            @Schema(description = "Key of its answer in `answers`")
            String id,

            QuestionType type,
            @Schema(description = "CSI only") CsiDimension dimension,
            boolean required,

            @Schema(description = "The question in the chosen language")
            String text,

            @Schema(description = "The question by language code")
            Map<String, String> texts,

            @Schema(description = "Lowest score of a numeric scale; null otherwise")
            Integer min,

            @Schema(description = "Highest score of a numeric scale; null otherwise")
            Integer max,

            @Schema(description = "CHOICE only: answer with an option's id")
            List<OpenOption> options) {}

    @Schema(description = "An option of a CHOICE question")
    public record OpenOption(
            String id,

            @Schema(description = "The option in the chosen language")
            String text,

            @Schema(description = "The option by language code")
            Map<String, String> texts) {}

    static OpenSurveyResponse from(OpenSurveyService.OpenSurvey s, List<String> languages) {
        return new OpenSurveyResponse(
                s.id(),
                Languages.text(s.title(), languages),
                s.title(),
                Languages.choose(s.title(), languages),
                s.anonymous(),
                new OpenWave(s.waveId(), s.waveName(), s.waveOpensAt(), s.waveClosesAt()),
                s.waveClosesAt(),
                s.questions().stream().map(q -> question(q, languages)).toList());
    }

    private static OpenQuestion question(Question q, List<String> languages) {
        return new OpenQuestion(
                q.id(),
                q.type(),
                q.dimension(),
                q.required(),
                Languages.text(q.text(), languages),
                q.text(),
                q.type().min(),
                q.type().max(),
                q.options().stream()
                        .map(o -> new OpenOption(o.id(), Languages.text(o.text(), languages), o.text()))
                        .toList());
    }
}
