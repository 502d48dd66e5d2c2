package com.example.loyalty.events;

/**
 * Payload of {@link EventTypes#MEMBER_ENROLLED}.
 *
 * @param cardCode the member's card code
 * @param tier     starting tier
 */
public record MemberEnrolled(String cardCode, String tier) {
    public static final int SCHEMA_VERSION = 1;
}
