package com.example.loyalty.survey.domain;

/** What a CSI item measures. */
public enum CsiDimension {
    EXPECTATION,
    PERCEIVED_QUALITY,
    PERCEIVED_VALUE,
    COMPLAINTS,
    LOYALTY,
    CUSTOM
}
