package com.example.loyalty.metrics.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A change to a follow-up item; absent fields keep their value, at least one is required")
public record FollowUpPatchRequest(
        @Schema(
                description = "New status (case-insensitive): open → contacted → resolved, or open → resolved; "
                        + "resolved is final",
                examples = "resolved")
        @Pattern(regexp = STATUS, message = "must be open, contacted or resolved")
        String status,

        @Schema(
                description = "A note on what was done; replaces the previous note",
                examples = "Called, apologised, coupon sent")
        @Size(max = 2000)
        String note,

        @Schema(description = "Who works the item; an empty string removes the assignment", examples = "marketer1")
        @Size(max = 200)
        String assignee) {

    /** open, contacted or resolved in any case, letter by letter (ECMA-262 has no (?i)). */
    static final String STATUS =
            "^([Oo][Pp][Ee][Nn]|[Cc][Oo][Nn][Tt][Aa][Cc][Tt][Ee][Dd]|[Rr][Ee][Ss][Oo][Ll][Vv][Ee][Dd])$";

    /** No field given: nothing to change (not a bean property, so neither JSON nor the OpenAPI document shows it). */
    boolean changesNothing() {
        return status == null && note == null && assignee == null;
    }
}
