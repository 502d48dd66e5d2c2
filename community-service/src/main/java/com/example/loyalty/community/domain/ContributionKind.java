package com.example.loyalty.community.domain;

import com.example.loyalty.events.EventTypes;

/**
 * What a member can do that counts towards their community standing. Each kind has a configurable weight
 * ({@code community.contribution.weights.*}); the published kinds also go out on {@code community-activity} as the
 * event type named here, where points-service turns them into points and metrics-service into engagement.
 */
public enum ContributionKind {
    /** A post of any kind (discussion, question, review's post part is counted as REVIEW instead). */
    POST(EventTypes.POST_CREATED),
    /** An answer to someone else's question. Counted in the score only: answers earn points once accepted. */
    ANSWER(null),
    /** The member's answer was accepted. */
    ACCEPTED_ANSWER(EventTypes.ANSWER_ACCEPTED),
    /** A product review. */
    REVIEW(EventTypes.REVIEW_POSTED),
    /** Another member reacted to the member's post or comment. */
    REACTION_RECEIVED(EventTypes.REACTION_RECEIVED),
    /** The member was checked in at a community event. */
    EVENT_ATTENDED(EventTypes.EVENT_ATTENDED);

    private final String eventType;

    ContributionKind(String eventType) {
        this.eventType = eventType;
    }

    /** The event type it is published as, or {@code null} when it stays inside the community. */
    public String eventType() {
        return eventType;
    }

    public boolean published() {
        return eventType != null;
    }
}
