package com.example.loyalty.events;

import java.time.Instant;

/**
 * Payload of {@link EventTypes#POINTS_EXPIRED}: a member's lots reached their expiry date.
 *
 * @param points    points expired (taken off the balance)
 * @param expiredAt the expiry date of the lots
 * @param lots      how many lots expired
 * @param balance   balance after the expiry
 */
public record PointsExpired(long points, Instant expiredAt, int lots, long balance) {
    public static final int SCHEMA_VERSION = 1;
}
