package com.example.loyalty.points.rest;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A look-up at the till by personal data, in a body so that neither value ever appears in a URL (access logs, proxy
 * logs, browser history): exactly one of {@code email} or {@code phone}.
 */
@Schema(description = "The member to find: exactly one of email or phone (verified values only)")
public record MemberLookupRequest(
        @Schema(description = "The member's verified e-mail address (case-insensitive)", example = "hana@example.com")
        @Size(max = 320)
        String email,

        @Schema(
                description = "The member's verified phone number, with or without spaces and hyphens, in "
                        + "international or national form",
                example = "+81 90-0000-0001")
        @Size(max = 64)
        String phone) {}
