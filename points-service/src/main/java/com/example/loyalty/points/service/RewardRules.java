package com.example.loyalty.points.service;

import com.example.loyalty.points.domain.Cause;
import com.example.loyalty.points.domain.Reward;
import com.example.loyalty.points.domain.RewardStatus;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * Whether a member may redeem a reward now, and if not, why (docs/rewards.md). The reasons are checked in this order,
 * the first that applies is answered; each has a status of its own at the redemption.
 */
public final class RewardRules {

    /** Why a reward cannot be redeemed; {@link #kind} is the problem type and the catalogue's flag. */
    public enum Unavailable {
        /** Retired by a marketer: 409. */
        RETIRED("reward-retired", 409),
        /** Before its validity window: 409. */
        NOT_YET_VALID("reward-not-yet-valid", 409),
        /** After its validity window: 409. */
        ENDED("reward-ended", 409),
        /** A donation to a cause that is inactive or outside its own window: 409. */
        CAUSE_CLOSED("cause-closed", 409),
        /** The member's tier is not among the eligible tiers: 403. */
        TIER_NOT_ELIGIBLE("tier-not-eligible", 403),
        /** The member holds the most redemptions of it one member may: 409. */
        LIMIT_REACHED("per-member-limit", 409),
        /** None left: 409. */
        OUT_OF_STOCK("out-of-stock", 409),
        /** Too few available points (pending ones cannot be spent): 409. */
        INSUFFICIENT_POINTS("insufficient-points", 409);

        public final String kind;
        public final int status;

        Unavailable(String kind, int status) {
            this.kind = kind;
            this.status = status;
        }
    }

    private RewardRules() {}

    /**
     * @param cause     the cause of a DONATION reward (null for other kinds)
     * @param tierCode  the member's tier
     * @param standing  redemptions of this reward the member holds (voided ones left out)
     * @param available the member's available points
     * @param points    the points this redemption costs
     * @param stock     the stock left (null: unlimited)
     */
    public static Optional<Unavailable> check(
            Reward reward,
            Cause cause,
            String tierCode,
            long standing,
            long available,
            long points,
            Long stock,
            Instant now) {
        if (reward.status == RewardStatus.RETIRED) {
            return Optional.of(Unavailable.RETIRED);
        }
        if (reward.validFrom != null && now.isBefore(reward.validFrom)) {
            return Optional.of(Unavailable.NOT_YET_VALID);
        }
        if (reward.validTo != null && !now.isBefore(reward.validTo)) {
            return Optional.of(Unavailable.ENDED);
        }
        if (cause != null && !cause.openAt(now)) {
            return Optional.of(Unavailable.CAUSE_CLOSED);
        }
        if (!eligible(reward, tierCode)) {
            return Optional.of(Unavailable.TIER_NOT_ELIGIBLE);
        }
        if (reward.perMemberLimit != null && standing >= reward.perMemberLimit) {
            return Optional.of(Unavailable.LIMIT_REACHED);
        }
        if (stock != null && stock <= 0) {
            return Optional.of(Unavailable.OUT_OF_STOCK);
        }
        if (available < points) {
            return Optional.of(Unavailable.INSUFFICIENT_POINTS);
        }
        return Optional.empty();
    }

    /** Whether a member of {@code tierCode} may redeem it: every tier when it names none. */
    public static boolean eligible(Reward reward, String tierCode) {
        return reward.eligibleTiers == null
                || reward.eligibleTiers.length == 0
                || Arrays.asList(reward.eligibleTiers).contains(tierCode);
    }
}
