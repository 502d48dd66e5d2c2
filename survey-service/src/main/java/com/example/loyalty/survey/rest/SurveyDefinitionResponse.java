package com.example.loyalty.survey.rest;

import com.example.loyalty.events.QuestionType;
import com.example.loyalty.survey.domain.CsiDimension;
import com.example.loyalty.survey.domain.Question;
import com.example.loyalty.survey.domain.SurveyStatus;
import com.example.loyalty.survey.service.SurveyView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A survey definition with its lifecycle status and the wave open now")
public record SurveyDefinitionResponse(
        UUID id,
        @Schema(description = "Title by language code") Map<String, String> title,
        @Schema(description = "Responses carry no identity") boolean anonymous,
        @Schema(description = "DRAFT, PUBLISHED or CLOSED") SurveyStatus status,
        List<QuestionResponse> questions,
        Instant createdAt,

        @Schema(description = "Subject of the marketer who created it")
        String createdBy,

        Instant updatedAt,
        Instant publishedAt,
        Instant closedAt,

        @Schema(description = "The wave open now; null if none")
        WaveResponse openWave) {

    @Schema(description = "A question with its scale")
    public record QuestionResponse(
            String id,
            QuestionType type,
            @Schema(description = "CSI only") CsiDimension dimension,

            @Schema(description = "The question by language code")
            Map<String, String> text,

            boolean required,

            @Schema(description = "Lowest score of a numeric scale; null otherwise")
            Integer min,

            @Schema(description = "Highest score of a numeric scale; null otherwise")
            Integer max,

            @Schema(description = "CHOICE only") List<OptionResponse> options) {

        static QuestionResponse from(Question q) {
            return new QuestionResponse(
                    q.id(),
                    q.type(),
                    q.dimension(),
                    q.text(),
                    q.required(),
                    q.type().min(),
                    q.type().max(),
                    q.options().stream()
                            .map(o -> new OptionResponse(o.id(), o.text()))
                            .toList());
        }
    }

    @Schema(description = "An option of a CHOICE question")
    public record OptionResponse(String id, Map<String, String> text) {}

    static SurveyDefinitionResponse from(SurveyView s) {
        return new SurveyDefinitionResponse(
                s.id(),
                s.title(),
                s.anonymous(),
                s.status(),
                s.questions().stream().map(QuestionResponse::from).toList(),
                s.createdAt(),
                s.createdBy(),
                s.updatedAt(),
                s.publishedAt(),
                s.closedAt(),
                s.openWave() == null ? null : WaveResponse.from(s.openWave()));
    }
}
