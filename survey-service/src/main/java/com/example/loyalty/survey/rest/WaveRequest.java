package com.example.loyalty.survey.rest;

import com.example.loyalty.survey.service.WaveService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A new wave of a published survey")
public record WaveRequest(
        @Schema(description = "Shown to marketers, e.g. \"2026 Q3\"; defaults to \"Wave <n>\"") @Size(max = 200)
        String name,

        @Schema(description = "Start of the answer window (UTC); defaults to now")
        Instant opensAt,

        @Schema(
                description = "End of the answer window (UTC), exclusive; after opensAt and in the future",
                required = true)
        @NotNull
        Instant closesAt,

        @Schema(description = "Who is asked; defaults to ALL") @Valid
        TargetDto target) {

    WaveService.WaveInput toInput() {
        return new WaveService.WaveInput(name, opensAt, closesAt, target == null ? null : target.toInput());
    }
}
