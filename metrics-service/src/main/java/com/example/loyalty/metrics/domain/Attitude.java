package com.example.loyalty.metrics.domain;

/**
 * A member's attitudinal loyalty, from what they say (their latest NPS or continued-use answer) and what they show
 * (their community engagement), and which of the two decided it. The rule, in order:
 * <ol>
 * <li>a detractor answer (0–6) is <b>low</b>, whatever the community engagement: the member said so, and the
 * follow-up of that answer comes first;</li>
 * <li>a promoter answer (9–10), or a passive one (7–8) where passives count as high, is <b>high</b>;</li>
 * <li>community engagement at or above the attached score is <b>high</b>, with a passive answer (where passives count
 * as low) or with no answer at all;</li>
 * <li>any other answer (a passive one) is <b>low</b>;</li>
 * <li>otherwise the attitude is <b>unknown</b> (no answer and not attached): ask them.</li>
 * </ol>
 * {@code QuadrantRepository} applies the same rule in SQL to the whole population.
 *
 * @param high  true high, false low, null unknown
 * @param basis what decided it; null when unknown
 */
public record Attitude(Boolean high, Basis basis) {

    /** What decided a member's attitudinal level. */
    public enum Basis {
        /** Their latest NPS or continued-use answer. */
        SURVEY,
        /** Their community engagement (no answer said high or low). */
        COMMUNITY
    }

    public static final Attitude UNKNOWN = new Attitude(null, null);

    /**
     * @param surveyScore    the latest NPS or continued-use score (0–10); null without an answer
     * @param passiveIsHigh  whether a passive answer (7–8) counts as high
     * @param communityScore the member's contribution score over the engagement window
     * @param attachedScore  the score from which a member is attached; 0 or less: community engagement does not count
     */
    public static Attitude of(Integer surveyScore, boolean passiveIsHigh, long communityScore, int attachedScore) {
        boolean attached = attachedScore > 0 && communityScore >= attachedScore;
        if (surveyScore != null) {
            boolean high = Quadrant.attitudinalHigh(surveyScore, passiveIsHigh);
            if (high || isDetractor(surveyScore) || !attached) {
                return new Attitude(high, Basis.SURVEY);
            }
        }
        return attached ? new Attitude(true, Basis.COMMUNITY) : UNKNOWN;
    }

    /** A detractor answer: 0–6 on the 0–10 scale of NPS and continued use. */
    public static boolean isDetractor(int score) {
        return score <= 6;
    }
}
