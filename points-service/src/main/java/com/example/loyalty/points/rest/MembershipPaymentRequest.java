package com.example.loyalty.points.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A paid period of a membership: its start or a renewal")
public record MembershipPaymentRequest(
        @Schema(
                description = "The plan's code: required to start; for a renewal, omitted keeps the current plan",
                examples = "PREMIUM")
        @Size(max = 32)
        String plan,

        @Schema(
                description = "The payment's id at the payment provider: unique; the same id again is a replay",
                examples = "pay_8a7d1c")
        @NotBlank
        @Size(max = 128)
        @Pattern(regexp = "[\\x21-\\x7E]+", message = "printable ASCII without spaces")
        String paymentId,

        @Schema(
                description = "End of the paid period, as the payment provider says; default one period (a calendar "
                        + "month or year in the program's zone) after the current end, or after now for a start "
                        + "and a restart")
        Instant periodEnd) {}
