package com.example.loyalty.metrics.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "What to fit the lifetime value model on")
public record ClvFitRequest(
        @Schema(
                description = "Last day of the calibration period, included (a calendar day in the behaviour zone): "
                        + "purchases up to the end of this day are used, and each member's age T is measured from "
                        + "their first purchase day to this day",
                examples = "1997-09-30",
                required = true)
        @NotNull(message = "is required")
        LocalDate calibrationEnd,

        @Schema(
                description = "ISO 4217 currency: only purchases paid in it are used",
                examples = "USD",
                required = true)
        @NotNull(message = "is required")
        @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code such as USD")
        String currency) {}
