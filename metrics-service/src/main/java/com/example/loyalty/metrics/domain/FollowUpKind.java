package com.example.loyalty.metrics.domain;

import com.example.loyalty.common.text.Enums;
import com.example.loyalty.events.QuestionType;

/** Why an answer needs a person to follow it up (product.md: the follow-up queue). */
public enum FollowUpKind {
    /** NPS or continued-use intention 0–6. */
    DETRACTOR,
    /** NRS 1–3. */
    AT_RISK,
    /** CES 8 or more, or "felt effort" on the yes/no form. */
    HIGH_EFFORT;

    /** The kind of follow-up a valid answer opens, or {@code null} if it opens none. */
    public static FollowUpKind of(QuestionType type, Integer score, Boolean yes) {
        return switch (type) {
            case NPS, CONTINUED_USE -> score != null && score <= QuestionType.DETRACTOR_MAX ? DETRACTOR : null;
            case NRS -> score != null && score <= QuestionType.AT_RISK_MAX ? AT_RISK : null;
            case CES -> score != null && score >= QuestionType.CES_HIGH_EFFORT_MIN ? HIGH_EFFORT : null;
            case CES_BINARY -> Boolean.TRUE.equals(yes) ? HIGH_EFFORT : null;
            default -> null;
        };
    }

    /** Case-insensitive; {@code null} if {@code name} is no kind. */
    public static FollowUpKind parse(String name) {
        return Enums.parse(FollowUpKind.class, name);
    }
}
