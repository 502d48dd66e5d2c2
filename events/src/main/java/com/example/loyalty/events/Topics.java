package com.example.loyalty.events;

/**
 * Kafka topic names. Every topic is keyed by member id so events of one member stay in order, but
 * {@link #SURVEY_WAVES}, keyed by survey id.
 */
public final class Topics {
    /** Earn, redemption and tier-change events from points-service. */
    public static final String LOYALTY_TRANSACTIONS = "loyalty-transactions";
    /** Accepted survey responses from survey-service. */
    public static final String SURVEY_RESPONSES = "survey-responses";
    /**
     * The waves of surveys ({@link SurveyWavePublished}, {@link SurveyWaveClosed}) from survey-service, keyed by survey
     * id: the waves a survey response may name. Only survey-service may write it (a Kafka ACL in Kubernetes).
     */
    public static final String SURVEY_WAVES = "survey-waves";
    /** Insights from metrics-service (detractor detected, segment changed). */
    public static final String LOYALTY_INSIGHTS = "loyalty-insights";
    /** Community contributions from community-service. */
    public static final String COMMUNITY_ACTIVITY = "community-activity";
    /** Member lifecycle events (enrolled, profile changed) from points-service. */
    public static final String MEMBER_EVENTS = "member-events";

    private Topics() {}
}
