package com.example.loyalty.events;

/**
 * Payload of {@link EventTypes#MEMBER_ENROLLED}.
 *
 * @param cardCode the member's card code
 * @param tier     starting tier
 * @param subject  the member's identity-provider subject (token {@code sub}); lets other services map a
 *                 caller to the member id without asking points-service
 * @param displayName the member's display name (may be {@code null}); the community shows it beside their posts.
 *                    Added in schema version 1 without a bump: older events simply lack it
 */
public record MemberEnrolled(String cardCode, String tier, String subject, String displayName) {
    public static final int SCHEMA_VERSION = 1;

    /** An enrolment without a display name. */
    public MemberEnrolled(String cardCode, String tier, String subject) {
        this(cardCode, tier, subject, null);
    }
}
