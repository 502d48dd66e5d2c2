package com.example.loyalty.survey.domain;

import java.util.Arrays;
import java.util.List;

/**
 * The loyalty quadrants (attitudinal x behavioural) metrics-service assigns (SegmentChanged events on
 * loyalty-insights); the names a QUADRANT target may use. A member scored without a known quadrant is {@link #UNKNOWN}.
 */
public enum LoyaltyQuadrant {
    /** Attitudinal and behavioural loyalty both high. */
    KEEP_AND_REWARD,
    /** Attitudinal high, behavioural low. */
    LATENT_FAN,
    /** Attitudinal low, behavioural high. */
    TEMPORARY_FAN,
    /** Both low. */
    FIX_EXPERIENCE,
    /** Not (yet) classified, e.g. no survey answer to judge attitudinal loyalty by. */
    UNKNOWN;

    public static final List<String> NAMES =
            Arrays.stream(values()).map(Enum::name).toList();
}
