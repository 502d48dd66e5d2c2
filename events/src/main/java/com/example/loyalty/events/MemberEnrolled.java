package com.example.loyalty.events;

/**
 * Payload of {@link EventTypes#MEMBER_ENROLLED}.
 *
 * @param cardCode the member's card code
 * @param tier     starting tier
 * @param subject  the member's identity-provider subject (token {@code sub}); lets other services map a
 *                 caller to the member id without asking points-service
 */
public record MemberEnrolled(String cardCode, String tier, String subject) {
    public static final int SCHEMA_VERSION = 1;
}
