package com.example.loyalty.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of the community's contribution events on {@link Topics#COMMUNITY_ACTIVITY}: {@link EventTypes#POST_CREATED},
 * {@link EventTypes#ANSWER_ACCEPTED}, {@link EventTypes#REVIEW_POSTED}, {@link EventTypes#REACTION_RECEIVED} and
 * {@link EventTypes#EVENT_ATTENDED}. The envelope's member id (and Kafka key) is the points-service member id of the
 * member who earned the contribution (for a reaction: the author who received it).
 *
 * @param contributionId the contribution's id in community-service: the idempotency key of anything a consumer
 *                       derives from it (points, engagement), and what a {@link ContributionRevoked} names
 * @param contentId      the post, comment or community event the contribution is about
 * @param spaceId        the space of the content ({@code null} for a community event)
 * @param productId      the reviewed product ({@code REVIEW_POSTED} only)
 * @param rating         the review's rating, 1–5 ({@code REVIEW_POSTED} only)
 * @param actorId        who caused it when that is not the member: the reacting member of a
 *                       {@code REACTION_RECEIVED}, the asker (or marketer) who accepted an answer; otherwise {@code null}
 * @param weight         the contribution score it added in community-service
 * @param occurredAt     when it happened
 */
public record CommunityActivity(
        UUID contributionId,
        UUID contentId,
        UUID spaceId,
        String productId,
        Integer rating,
        String actorId,
        int weight,
        Instant occurredAt) {

    public static final int SCHEMA_VERSION = 1;
}
