package com.example.loyalty.points.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Optional profile at enrolment; missing fields are taken from the token (name, email)")
public record EnrolRequest(
        @Size(max = 255) String displayName,
        @Email @Size(max = 320) String email,

        @Pattern(regexp = "\\+?[0-9][0-9 -]{5,30}", message = "must be a phone number")
        String phone,

        @Schema(
                description = "The referral code of the member who referred the caller (GET /members/me/referral); "
                        + "counts only at enrolment",
                examples = "K7QZ2MHW")
        @Pattern(regexp = "\\s*[A-Za-z0-9]{4,16}\\s*", message = "must be a referral code")
        String referralCode) {

    public EnrolRequest(String displayName, String email, String phone) {
        this(displayName, email, phone, null);
    }
}
