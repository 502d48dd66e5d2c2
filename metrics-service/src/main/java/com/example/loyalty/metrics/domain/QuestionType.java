package com.example.loyalty.metrics.domain;

import com.example.loyalty.events.SurveyResponded;

import java.util.Locale;

/**
 * The question types of a survey (product.md, Surveys) with their fixed scales. The names are those of the event
 * contract ({@link SurveyResponded.Answer#type()}).
 */
public enum QuestionType {
    /** Likelihood to recommend, 0–10: 9–10 promoter, 7–8 passive, 0–6 detractor. */
    NPS(0, 10),
    /** Continued-use intention, 0–10, NPS bands. */
    CONTINUED_USE(0, 10),
    /** Net repeater score item, 1–5: 5 repeater, 4 neutral, 1–3 at risk. */
    NRS(1, 5),
    /** Customer satisfaction item, 0–100. */
    CSI(0, 100),
    /** Customer effort, 0–10 (lower is better). */
    CES(0, 10),
    /** Customer effort as yes/no "felt effort". */
    CES_BINARY(null, null),
    /** Definitely would buy, 1–5 with 1 = definitely would buy. */
    DWB(1, 5),
    /** Free text (the reason). */
    TEXT(null, null),
    /** Single choice among options. */
    CHOICE(null, null);

    /** Largest score kept in a per-score histogram (0–10 scales). */
    public static final int HISTOGRAM_MAX = 10;
    /** NPS bands (also continued-use intention): 9–10 promoter, 7–8 passive, 0–6 detractor. */
    public static final int PROMOTER_MIN = 9;
    public static final int DETRACTOR_MAX = 6;
    /** NRS bands: 5 repeater, 4 neutral, 1–3 at risk. */
    public static final int REPEATER = 5;
    public static final int AT_RISK_MAX = 3;
    /** DWB top box: 1 = definitely would buy. */
    public static final int DWB_TOP_BOX = 1;
    /** CES answers from this score up count as high effort (0–10, lower is better). */
    public static final int CES_HIGH_EFFORT_MIN = 8;

    private final Integer min;
    private final Integer max;

    QuestionType(Integer min, Integer max) {
        this.min = min;
        this.max = max;
    }

    /** The type named {@code name} (as in events and REST), or {@code null} if there is none. */
    public static QuestionType parse(String name) {
        if (name == null) {
            return null;
        }
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** True for types answered with a number on a scale. */
    public boolean scored() {
        return min != null;
    }

    /** Lowest score on the scale; {@code null} for types without a score. */
    public Integer min() {
        return min;
    }

    /** Highest score on the scale; {@code null} for types without a score. */
    public Integer max() {
        return max;
    }

    /** True when the answers are counted per score (discrete scales up to 10); CSI keeps only sums. */
    public boolean histogram() {
        return scored() && max <= HISTOGRAM_MAX;
    }

    /** True for the types reported as a mean with the standard error (CSI, CES). */
    public boolean meanType() {
        return this == CSI || this == CES;
    }

    /**
     * Checks that an answer fits this type: a score on the scale, a yes/no, a text or a choice.
     *
     * @throws IllegalArgumentException naming the question if it does not
     */
    public void validate(SurveyResponded.Answer answer) {
        String q = answer.questionId();
        switch (this) {
            case TEXT -> {
                if (answer.text() == null) {
                    throw new IllegalArgumentException("question " + q + " (TEXT) has no text");
                }
            }
            case CHOICE -> {
                if (answer.choice() == null || answer.choice().isBlank()) {
                    throw new IllegalArgumentException("question " + q + " (CHOICE) has no choice");
                }
            }
            case CES_BINARY -> {
                if (answer.yes() == null) {
                    throw new IllegalArgumentException("question " + q + " (CES_BINARY) has no yes/no answer");
                }
            }
            default -> {
                Integer score = answer.score();
                if (score == null) {
                    throw new IllegalArgumentException("question " + q + " (" + this + ") has no score");
                }
                if (score < min || score > max) {
                    throw new IllegalArgumentException("question " + q + " (" + this + ") score " + score
                            + " is outside " + min + "–" + max);
                }
            }
        }
    }
}
