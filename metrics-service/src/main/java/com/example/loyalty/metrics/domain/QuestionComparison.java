package com.example.loyalty.metrics.domain;

import com.example.loyalty.events.QuestionType;

/**
 * The change of one question's metric from side a to side b, and whether it is significant ({@link ComparisonMath}
 * on the scores and sampling variances of the two {@link QuestionMetric}s, so the same numbers the metric report
 * shows).
 *
 * @param a          the metric over the answers of side a
 * @param b          the metric over the answers of side b
 * @param reason     why the two cannot be compared, or null when they can
 * @param difference score_b − score_a with its test, or null when not comparable
 */
public record QuestionComparison(
        String questionId,
        QuestionType type,
        String dimension,
        boolean overall,
        Form form,
        QuestionMetric a,
        QuestionMetric b,
        String reason,
        ComparisonMath.Difference difference) {

    /** Which sampling variance a score has (and so which formula the test uses). */
    public enum Form {
        /** %positive − %negative of one multinomial sample: (p₊ + p₋ − (p₊ − p₋)²)/n. */
        NET,
        /** A mean of scores: s²/n. */
        MEAN,
        /** A share in percent: p(1 − p)/n. */
        SHARE;

        /** The form of a question type's score; null for the types without a score (TEXT, CHOICE). */
        public static Form of(QuestionType type) {
            return switch (type) {
                case NPS, CONTINUED_USE, NRS, CES_BINARY -> NET;
                case CSI, CES -> MEAN;
                case DWB -> SHARE;
                case TEXT, CHOICE -> null;
            };
        }
    }

    /** True when the difference was tested. */
    public boolean comparable() {
        return difference != null;
    }

    /**
     * Compares the metrics of one question on two sides.
     *
     * @throws IllegalArgumentException if a and b are not the same question, or the question has no score
     */
    public static QuestionComparison of(QuestionMetric a, QuestionMetric b, double alpha) {
        if (!a.questionId().equals(b.questionId()) || a.type() != b.type() || a.overall() != b.overall()) {
            throw new IllegalArgumentException("not the same question: " + a.questionId() + " (" + a.type() + ") and "
                    + b.questionId() + " (" + b.type() + ")");
        }
        Form form = Form.of(a.type());
        if (form == null) {
            throw new IllegalArgumentException(
                    "question " + a.questionId() + " (" + a.type() + ") has no score to compare");
        }
        String reason = reason(form, a, b);
        ComparisonMath.Difference difference = reason != null
                ? null
                : ComparisonMath.difference(a.score(), a.variance(), b.score(), b.variance(), alpha);
        return new QuestionComparison(
                a.questionId(), a.type(), a.dimension(), a.overall(), form, a, b, reason, difference);
    }

    private static String reason(Form form, QuestionMetric a, QuestionMetric b) {
        if (a.n() == 0 && b.n() == 0) {
            return "no answers on either side";
        }
        if (a.n() == 0 || b.n() == 0) {
            return "no answers on side " + (a.n() == 0 ? "a" : "b");
        }
        if (a.variance() == null || b.variance() == null) {
            // only a mean from a single answer has a score but no variance
            String side = a.variance() == null ? "a" : "b";
            return form == Form.MEAN
                    ? "a mean needs at least 2 answers on each side for its variance; side " + side + " has 1"
                    : "no variance on side " + side;
        }
        return null;
    }
}
