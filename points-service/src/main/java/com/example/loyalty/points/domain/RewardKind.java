package com.example.loyalty.points.domain;

/** What a reward is. */
public enum RewardKind {
    /** One of the brand's own products. */
    PRODUCT,
    /** A coupon (a discount, a voucher). */
    COUPON,
    /** A prize. */
    PRIZE,
    /** A special experience; typically eligible to the top tiers only. */
    EXPERIENCE,
    /** Points given to a cause; belongs to a {@link Cause}, issues no coupon. */
    DONATION
}
