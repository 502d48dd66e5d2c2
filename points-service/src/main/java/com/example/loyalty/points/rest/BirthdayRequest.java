package com.example.loyalty.points.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A member's birthday")
public record BirthdayRequest(
        @Schema(description = "The birthday, an ISO date between 1900-01-01 and today", examples = "1990-04-12")
        @NotNull
        LocalDate birthday,

        @Schema(description = "Why (staff and admins; kept in the audit log)") @Size(max = 500)
        String reason) {}
