package com.example.loyalty.events;

/**
 * The question types of a survey with their fixed scales and bands (product.md, "Surveys"), as the event contract
 * names them ({@link SurveyResponded.Answer#type()}): survey-service checks answers against them, metrics-service
 * counts them.
 */
public enum QuestionType {
    /** Likelihood to recommend, 0–10: 9–10 promoter, 7–8 passive, 0–6 detractor. */
    NPS(0, 10),
    /** Continued-use intention, 0–10, NPS bands. */
    CONTINUED_USE(0, 10),
    /** Net repeater score: still using a year from now, 1–5: 5 repeater, 4 neutral, 1–3 at risk. */
    NRS(1, 5),
    /** Customer satisfaction item, 0–100, with a dimension (expectation, perceived quality, ...). */
    CSI(0, 100),
    /** Customer effort, 0–10 (lower is better). */
    CES(0, 10),
    /** Customer effort as yes/no: true = "felt effort". */
    CES_BINARY(null, null),
    /** Definitely would buy, 1–5, 1 = definitely would buy. */
    DWB(1, 5),
    /** Free text (e.g. the reason for a score). */
    TEXT(null, null),
    /** Single choice among the question's options. */
    CHOICE(null, null);

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

    /** True for types answered with a number on a scale. */
    public boolean scored() {
        return min != null;
    }

    /** Lowest allowed score; {@code null} for types that are not answered with a number. */
    public Integer min() {
        return min;
    }

    /** Highest allowed score; {@code null} for types that are not answered with a number. */
    public Integer max() {
        return max;
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
                    throw new IllegalArgumentException(
                            "question " + q + " (" + this + ") score " + score + " is outside " + min + "–" + max);
                }
            }
        }
    }
}
