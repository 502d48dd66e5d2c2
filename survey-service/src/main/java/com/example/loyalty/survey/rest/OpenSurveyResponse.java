package com.example.loyalty.survey.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(description = "A survey the member can still answer. Preliminary: the shape may grow once surveys exist.")
public record OpenSurveyResponse(
        @Schema(description = "Survey id") UUID id,
        @Schema(description = "Title shown to the member") String title,
        @Schema(description = "When the survey stops accepting responses (UTC)") Instant closesAt) {
}
