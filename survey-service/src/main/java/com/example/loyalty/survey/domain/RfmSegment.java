package com.example.loyalty.survey.domain;

import java.util.Arrays;
import java.util.List;

/**
 * The named RFM segments metrics-service assigns (SegmentChanged events on loyalty-insights); the names a SEGMENT
 * target may use. The directory stores a member's segment as the event names it.
 */
public enum RfmSegment {
    CHAMPIONS,
    CANT_LOSE_THEM,
    LOYAL,
    AT_RISK,
    NEW,
    PROMISING,
    POTENTIAL_LOYALIST,
    NEED_ATTENTION,
    ABOUT_TO_SLEEP,
    HIBERNATING,
    LOST,
    OTHERS;

    public static final List<String> NAMES =
            Arrays.stream(values()).map(Enum::name).toList();
}
