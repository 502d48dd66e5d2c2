package com.example.loyalty.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@link EventTypes#CONTRIBUTION_REVOKED} on {@link Topics#COMMUNITY_ACTIVITY}: a contribution taken back,
 * because its content was hidden by a moderator or deleted by its author. Consumers reverse what they derived from
 * the {@link CommunityActivity} with the same {@code contributionId}; a revocation that arrives for a contribution a
 * consumer never applied changes nothing there. The envelope's member id is the member who had earned it.
 *
 * @param contributionId the revoked contribution
 * @param type           the type of the event that reported it (e.g. {@code PostCreated})
 * @param contentId      the content it was about
 * @param reason         why: {@code HIDDEN: <moderator's reason>} or {@code DELETED}
 * @param weight         the contribution score it takes back
 * @param revokedAt      when
 */
public record ContributionRevoked(
        UUID contributionId, String type, UUID contentId, String reason, int weight, Instant revokedAt) {

    public static final int SCHEMA_VERSION = 1;
}
