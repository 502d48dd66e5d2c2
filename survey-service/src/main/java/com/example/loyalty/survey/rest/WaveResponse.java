package com.example.loyalty.survey.rest;

import com.example.loyalty.survey.domain.WaveStatus;
import com.example.loyalty.survey.service.WaveView;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A wave: one answer window of a survey with its target")
public record WaveResponse(
        UUID id,
        UUID surveyId,
        String name,

        @Schema(description = "Start of the answer window (UTC)")
        Instant opensAt,

        @Schema(description = "End of the answer window (UTC), exclusive")
        Instant closesAt,

        @Schema(description = "When it was closed early (or cancelled before opening); null otherwise")
        Instant closedAt,

        @Schema(description = "SCHEDULED, OPEN or CLOSED, as of now")
        WaveStatus status,

        TargetDto target,
        Instant createdAt,

        @Schema(description = "Subject of the marketer who created it")
        String createdBy) {

    static WaveResponse from(WaveView w) {
        return new WaveResponse(
                w.id(),
                w.surveyId(),
                w.name(),
                w.opensAt(),
                w.closesAt(),
                w.closedAt(),
                w.status(),
                TargetDto.from(w),
                w.createdAt(),
                w.createdBy());
    }
}
