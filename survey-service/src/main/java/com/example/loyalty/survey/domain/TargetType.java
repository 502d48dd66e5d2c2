package com.example.loyalty.survey.domain;

/** Who a wave asks. */
public enum TargetType {
    /** Every member. */
    ALL,
    /** Members whose current tier is one of the wave's tiers. */
    TIER,
    /** The listed member ids. */
    MEMBERS
}
