package com.example.loyalty.community.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Badges on a member's community profile. AMBASSADOR follows the marketers' designation; the others are derived from
 * the member's standing contributions (revoked ones do not count), so a badge earned by content that is later hidden
 * goes away with it.
 */
public enum Badge {
    /** Designated a brand ambassador by a marketer. */
    AMBASSADOR("Ambassador", "designated a brand ambassador by the brand"),
    /** At least one post. */
    FIRST_POST("First post", "wrote a first post"),
    /** At least one accepted answer. */
    FIRST_ACCEPTED_ANSWER("First accepted answer", "had an answer accepted"),
    /** At least {@value #REVIEWER_REVIEWS} product reviews. */
    REVIEWER("Reviewer", "reviewed at least " + Badge.REVIEWER_REVIEWS + " products"),
    /** At least {@value #HELPFUL_ACCEPTED} accepted answers. */
    HELPFUL("Helpful", "had at least " + Badge.HELPFUL_ACCEPTED + " answers accepted"),
    /** Checked in at a community event at least once. */
    EVENT_GOER("Event goer", "attended a community event");

    /** Reviews for {@link #REVIEWER}. */
    public static final int REVIEWER_REVIEWS = 3;
    /** Accepted answers for {@link #HELPFUL}. */
    public static final int HELPFUL_ACCEPTED = 10;

    private final String title;
    private final String description;

    Badge(String title, String description) {
        this.title = title;
        this.description = description;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    /**
     * The badges of a member.
     *
     * @param ambassador whether the member is an ambassador now
     * @param standing   the member's standing (not revoked) contributions, counted by kind
     */
    public static List<Badge> of(boolean ambassador, Map<ContributionKind, Long> standing) {
        List<Badge> badges = new ArrayList<>();
        if (ambassador) {
            badges.add(AMBASSADOR);
        }
        if (standing.getOrDefault(ContributionKind.POST, 0L) >= 1) {
            badges.add(FIRST_POST);
        }
        long accepted = standing.getOrDefault(ContributionKind.ACCEPTED_ANSWER, 0L);
        if (accepted >= 1) {
            badges.add(FIRST_ACCEPTED_ANSWER);
        }
        if (standing.getOrDefault(ContributionKind.REVIEW, 0L) >= REVIEWER_REVIEWS) {
            badges.add(REVIEWER);
        }
        if (accepted >= HELPFUL_ACCEPTED) {
            badges.add(HELPFUL);
        }
        if (standing.getOrDefault(ContributionKind.EVENT_ATTENDED, 0L) >= 1) {
            badges.add(EVENT_GOER);
        }
        return badges;
    }
}
