package com.example.loyalty.metrics.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The loyalty quadrant: what a member says (attitudinal, high or low) against what they do (behavioural, high or
 * low), each with the action marketers should take; members who have not said anything are a fifth group, to be asked.
 */
public enum Quadrant {
    /** Attitudinal high, behavioural high. */
    KEEP_AND_REWARD("Keep and reward", "Top-tier perks and special treatment"),
    /** Attitudinal high, behavioural low: a "latent fan". */
    LATENT_FAN("Give a reason to act", "A coupon or a visit gift"),
    /** Attitudinal low, behavioural high: a "temporary fan". */
    TEMPORARY_FAN("Grow attachment", "Member-only early access, repeater perks, the community"),
    /** Attitudinal low, behavioural low. */
    FIX_EXPERIENCE("Fix the experience", "Service quality and complaint follow-up"),
    /** No NPS or continued-use answer yet. */
    UNKNOWN("Ask them", "Target them with a survey");

    private final String action;
    private final String example;

    Quadrant(String action, String example) {
        this.action = action;
        this.example = example;
    }

    /** What marketers should do with the members of this quadrant. */
    public String action() {
        return action;
    }

    /** How, for example. */
    public String example() {
        return example;
    }

    /**
     * The quadrant of a member.
     *
     * @param attitudinalHigh true high, false low, null unknown (no answer)
     * @param behaviouralHigh whether the member's behaviour is high
     */
    public static Quadrant of(Boolean attitudinalHigh, boolean behaviouralHigh) {
        if (attitudinalHigh == null) {
            return UNKNOWN;
        }
        if (attitudinalHigh) {
            return behaviouralHigh ? KEEP_AND_REWARD : LATENT_FAN;
        }
        return behaviouralHigh ? TEMPORARY_FAN : FIX_EXPERIENCE;
    }

    /**
     * The attitudinal level of an NPS or continued-use score: promoters (9–10) high, detractors (0–6) low, passives
     * (7–8) as configured.
     */
    public static boolean attitudinalHigh(int score, boolean passiveIsHigh) {
        if (score < 0 || score > 10) {
            throw new IllegalArgumentException("an NPS or continued-use score is 0–10, was " + score);
        }
        return score >= 9 || (score >= 7 && passiveIsHigh);
    }

    /** The path name of this quadrant ({@code latent-fan}). */
    public String pathName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * A quadrant from its path name or constant name, in any case ({@code latent-fan}, {@code LATENT_FAN}).
     *
     * @throws IllegalArgumentException naming the valid names
     */
    public static Quadrant parse(String name) {
        String normal = name == null ? "" : name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Quadrant q : values()) {
            if (q.name().equals(normal)) {
                return q;
            }
        }
        throw new IllegalArgumentException("unknown quadrant " + name + "; known: "
                + Arrays.stream(values()).map(Quadrant::pathName).collect(Collectors.joining(", ")));
    }
}
