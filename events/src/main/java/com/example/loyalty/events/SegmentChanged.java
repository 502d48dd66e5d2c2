package com.example.loyalty.events;

import java.time.LocalDate;

/**
 * Payload of {@link EventTypes#SEGMENT_CHANGED} on {@link Topics#LOYALTY_INSIGHTS}: a member's RFM segment or loyalty
 * quadrant changed at a recompute of metrics-service. Consumers (survey-service targeting) keep the latest per member.
 *
 * @param currency        ISO 4217 code of the money the RFM scores were computed in
 * @param asOf            the day the scores are as of
 * @param previousSegment segment before; null the first time the member is scored
 * @param segment         RFM segment now (e.g. {@code CHAMPIONS}, {@code AT_RISK})
 * @param quadrant        loyalty quadrant now (e.g. {@code LATENT_FAN}, {@code UNKNOWN}); null if not known
 * @param recencyScore    R, 1–5
 * @param frequencyScore  F, 1–5
 * @param monetaryScore   M, 1–5
 */
public record SegmentChanged(
        String currency,
        LocalDate asOf,
        String previousSegment,
        String segment,
        String quadrant,
        int recencyScore,
        int frequencyScore,
        int monetaryScore) {
    public static final int SCHEMA_VERSION = 1;
}
