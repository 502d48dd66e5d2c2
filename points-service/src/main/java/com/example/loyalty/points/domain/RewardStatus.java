package com.example.loyalty.points.domain;

/** Whether a reward can be redeemed (within its validity window), or was retired by a marketer for good. */
public enum RewardStatus {
    ACTIVE,
    RETIRED
}
