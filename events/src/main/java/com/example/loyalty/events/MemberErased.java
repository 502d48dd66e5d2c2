package com.example.loyalty.events;

import java.time.Instant;

/**
 * Payload of {@link EventTypes#MEMBER_ERASED} on {@link Topics#MEMBER_EVENTS}, keyed by the erased member's id: the
 * member asked to be forgotten. Every service replaces the personal data it holds of that member (names, e-mail,
 * phone, subject, external ids, free text they wrote that identifies them) by tombstones; amounts kept for accounting
 * stay.
 *
 * @param erasedAt when points-service erased its own copy
 */
public record MemberErased(Instant erasedAt) {
    public static final int SCHEMA_VERSION = 1;
}
