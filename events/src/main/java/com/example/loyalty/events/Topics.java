package com.example.loyalty.events;

/** Kafka topic names. Every topic is keyed by member id so events of one member stay in order. */
public final class Topics {
    /** Earn, redemption and tier-change events from points-service. */
    public static final String LOYALTY_TRANSACTIONS = "loyalty-transactions";
    /** Accepted survey responses from survey-service. */
    public static final String SURVEY_RESPONSES = "survey-responses";
    /** Insights from metrics-service (detractor detected, segment changed). */
    public static final String LOYALTY_INSIGHTS = "loyalty-insights";
    /** Community contributions from community-service. */
    public static final String COMMUNITY_ACTIVITY = "community-activity";
    /** Member lifecycle events (enrolled, profile changed) from points-service. */
    public static final String MEMBER_EVENTS = "member-events";

    private Topics() {}
}
