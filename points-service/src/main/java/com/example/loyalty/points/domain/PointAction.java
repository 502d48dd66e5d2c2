package com.example.loyalty.points.domain;

import com.example.loyalty.events.EventTypes;
import java.util.Locale;
import java.util.Optional;

/**
 * The actions that earn fixed points (docs/action-points.md); each has versioned rules ({@code action_rule_version}):
 * points, and caps per member per calendar day, month and year. The name is stored; never rename one.
 */
public enum PointAction {
    /** The member's birthday, once a year (BirthdayJob). */
    BIRTHDAY(null),
    /** The referrer, when the member they referred makes a first purchase. */
    REFERRAL_REFERRER(null),
    /** The referred member, on their own first purchase. */
    REFERRAL_NEW_MEMBER(null),
    /** A survey wave answered (SurveyAwardService). */
    SURVEY_ANSWERED(null),
    /** Community: a post created. */
    POST_CREATED(EventTypes.POST_CREATED),
    /** Community: the member's answer accepted. */
    ANSWER_ACCEPTED(EventTypes.ANSWER_ACCEPTED),
    /** Community: a product review posted. */
    REVIEW_POSTED(EventTypes.REVIEW_POSTED),
    /** Community: a reaction received on the member's content. */
    REACTION_RECEIVED(EventTypes.REACTION_RECEIVED),
    /** Community: an event attended. */
    EVENT_ATTENDED(EventTypes.EVENT_ATTENDED);

    private final String communityEventType;

    PointAction(String communityEventType) {
        this.communityEventType = communityEventType;
    }

    /** The community-activity event type of a community action (e.g. {@code AnswerAccepted}); null for the others. */
    public String communityEventType() {
        return communityEventType;
    }

    /** The action of a community-activity event type; empty for a type that is none. */
    public static Optional<PointAction> ofCommunityEvent(String type) {
        for (PointAction a : values()) {
            if (a.communityEventType != null && a.communityEventType.equals(type)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** The action named {@code name} in any case ({@code birthday}, {@code BIRTHDAY}); empty for none. */
    public static Optional<PointAction> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
