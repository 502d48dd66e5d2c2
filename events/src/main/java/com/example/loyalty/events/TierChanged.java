package com.example.loyalty.events;

/**
 * Payload of {@link EventTypes#TIER_CHANGED}.
 *
 * @param fromTier    tier before
 * @param toTier      tier after
 * @param rollingSpend qualifying spend in the rolling window at the moment of change (JPY)
 */
public record TierChanged(String fromTier, String toTier, long rollingSpend) {
    public static final int SCHEMA_VERSION = 1;
}
