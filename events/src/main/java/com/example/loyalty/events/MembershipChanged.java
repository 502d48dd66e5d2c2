package com.example.loyalty.events;

import java.time.Instant;

/**
 * Payload of {@link EventTypes#MEMBERSHIP_CHANGED} on {@link Topics#LOYALTY_TRANSACTIONS}, keyed by the member id: a
 * member's paid membership started, was renewed, was cancelled (it stays paid to its period end) or lapsed (its last
 * paid period ended without a renewal, whether it was cancelled or not). metrics-service counts the lapses in its
 * paid-membership churn.
 *
 * @param change      {@code STARTED}, {@code RENEWED}, {@code CANCELLED} or {@code LAPSED}
 * @param plan        the plan's code
 * @param price       the plan's price per period, in minor units of {@code currency}
 * @param currency    ISO 4217 code of the price
 * @param period      {@code MONTH} or {@code YEAR}
 * @param startedAt   when the current unbroken membership started
 * @param periodStart start of the paid period (of the new one for STARTED and RENEWED)
 * @param periodEnd   end of the paid period: the membership is paid until then (for LAPSED, when it ended)
 * @param paymentId   the payment of the period (STARTED, RENEWED); null otherwise
 * @param cancelled   whether the membership had been cancelled (CANCELLED, and LAPSED after a cancellation)
 * @param occurredAt  when the change was recorded (for LAPSED: the period end)
 */
public record MembershipChanged(
        String change,
        String plan,
        long price,
        String currency,
        String period,
        Instant startedAt,
        Instant periodStart,
        Instant periodEnd,
        String paymentId,
        boolean cancelled,
        Instant occurredAt) {
    public static final int SCHEMA_VERSION = 1;

    public static final String STARTED = "STARTED";
    public static final String RENEWED = "RENEWED";
    public static final String CANCELLED = "CANCELLED";
    public static final String LAPSED = "LAPSED";
}
