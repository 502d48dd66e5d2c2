package com.example.loyalty.survey.domain;

/** Question types with their fixed answer scales. */
public enum QuestionType {
    /** Net promoter: how likely to recommend, 0–10. */
    NPS(0, 10),
    /** Continued-use intention, 0–10 (NPS bands). */
    CONTINUED_USE(0, 10),
    /** Net repeater score: still using a year from now, 1–5. */
    NRS(1, 5),
    /** Customer satisfaction item, 0–100, with a {@link CsiDimension}. */
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

    private final Integer min;
    private final Integer max;

    QuestionType(Integer min, Integer max) {
        this.min = min;
        this.max = max;
    }

    /** Lowest allowed score; {@code null} for types that are not answered with a number. */
    public Integer min() {
        return min;
    }

    /** Highest allowed score; {@code null} for types that are not answered with a number. */
    public Integer max() {
        return max;
    }
}
