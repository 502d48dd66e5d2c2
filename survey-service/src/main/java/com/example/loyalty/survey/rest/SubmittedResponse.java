package com.example.loyalty.survey.rest;

import com.example.loyalty.events.QuestionType;
import com.example.loyalty.survey.domain.Channel;
import com.example.loyalty.survey.domain.CsiDimension;
import com.example.loyalty.survey.service.ResponseService;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "An accepted response")
public record SubmittedResponse(
        @Schema(
                description = "The response's id; null when anonymous: the answer gets an unrelated id when the answer "
                        + "mixer stores it",
                nullable = true)
        UUID responseId,

        UUID surveyId,

        @Schema(description = "The wave it counts for: one response per member per wave")
        UUID waveId,

        @Schema(description = "True for an anonymous survey: nothing stored with the response identifies the member")
        boolean anonymous,

        @Schema(description = "The caller's points-service member id; null when anonymous or not known yet")
        UUID memberId,

        @Schema(description = "The caller's tier when answering; null when anonymous or not known yet")
        String tier,

        Channel channel,
        String storeId,
        Instant answeredAt,

        @Schema(description = "The accepted answers in the survey's question order")
        List<Answer> answers) {

    @Schema(description = "One accepted answer; exactly one of score, yes, text, choice is set")
    public record Answer(
            String questionId,
            QuestionType type,
            CsiDimension dimension,
            Integer score,
            Boolean yes,
            String text,
            String choice) {}

    static SubmittedResponse from(ResponseService.Accepted r) {
        return new SubmittedResponse(
                r.responseId(),
                r.surveyId(),
                r.waveId(),
                r.anonymous(),
                r.memberId(),
                r.tier(),
                r.channel(),
                r.storeId(),
                r.answeredAt(),
                r.answers().stream()
                        .map(a -> new Answer(
                                a.questionId(), a.type(), a.dimension(), a.score(), a.yes(), a.text(), a.choice()))
                        .toList());
    }
}
