package com.example.loyalty.survey.domain;

/** Who a wave asks. */
public enum TargetType {
    /** Every member. */
    ALL,
    /** Members whose current tier is one of the wave's tiers. */
    TIER,
    /** The listed member ids. */
    MEMBERS,
    /** Members whose current RFM segment (in the program currency) is one of the wave's {@link RfmSegment}s. */
    SEGMENT,
    /** Members whose current loyalty quadrant is one of the wave's {@link LoyaltyQuadrant}s. */
    QUADRANT
}
