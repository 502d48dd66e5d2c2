package com.example.loyalty.survey.rest;

import com.example.loyalty.survey.service.SurveyService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Options of publishing: the first wave, which opens at once")
public record PublishRequest(
        @Schema(description = "Name of the first wave; defaults to \"Wave 1\"") @Size(max = 200)
        String waveName,

        @Schema(
                description =
                        "End of the first wave's answer window (UTC); defaults to now + the configured window (30 days)")
        Instant closesAt,

        @Schema(description = "Who the first wave asks; defaults to ALL") @Valid
        TargetDto target) {

    SurveyService.PublishInput toInput() {
        return new SurveyService.PublishInput(waveName, closesAt, target == null ? null : target.toInput());
    }
}
