package com.example.loyalty.metrics.domain;

import java.util.Locale;

/**
 * The dimensions survey aggregates are kept by ({@code dim_kind} in {@code survey_answer_daily}). Every answer is
 * counted once in each: under ALL, under its tier, its store, its channel and its wave, so the groups of one
 * dimension add up to ALL. A missing value is counted under {@link #UNKNOWN}.
 */
public enum Breakdown {
    ALL,
    TIER,
    STORE,
    CHANNEL,
    WAVE;

    /** The value that stands for "not known" (no tier, no store, ...). */
    public static final String UNKNOWN = "UNKNOWN";
    /** The only value of {@link #ALL}. */
    public static final String ALL_VALUE = "";

    /** The value of this dimension for an answer of {@code response} from a member of {@code tier}. */
    public String valueOf(ValidatedResponse response, String tier) {
        return switch (this) {
            case ALL -> ALL_VALUE;
            case TIER -> orUnknown(tier);
            case STORE -> orUnknown(response.storeId());
            case CHANNEL -> orUnknown(response.channel());
            case WAVE -> response.waveId() == null ? UNKNOWN : response.waveId().toString();
        };
    }

    /** The REST name ({@code tier}, {@code store}, ...). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The breakdown a REST {@code by} names (case-insensitive), ALL excluded; {@code null} if none. */
    public static Breakdown parseBy(String by) {
        if (by == null) {
            return null;
        }
        try {
            Breakdown b = valueOf(by.trim().toUpperCase(Locale.ROOT));
            return b == ALL ? null : b;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String orUnknown(String v) {
        return v == null || v.isBlank() ? UNKNOWN : v.strip();
    }
}
