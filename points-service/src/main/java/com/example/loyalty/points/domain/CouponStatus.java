package com.example.loyalty.points.domain;

/** The state of a reward redemption ({@code redemption.status}). */
public enum CouponStatus {
    /** Redeemed: its coupon waits to be fulfilled at the till. */
    ISSUED,
    /** Staff handed the reward over; final. */
    FULFILLED,
    /** Staff voided the coupon: the points and the stock went back; final. */
    VOIDED,
    /** A donation to a cause: no coupon, final. */
    DONATED
}
