package com.example.loyalty.points.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.loyalty.points.domain.Cause;
import com.example.loyalty.points.domain.Reward;
import com.example.loyalty.points.domain.RewardKind;
import com.example.loyalty.points.domain.RewardStatus;
import com.example.loyalty.points.service.RewardRules.Unavailable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RewardRulesTest {

    static final Instant NOW = Instant.parse("2027-03-01T00:00:00Z");

    static Reward reward() {
        Reward r = new Reward();
        r.kind = RewardKind.EXPERIENCE;
        r.pointsPrice = 500;
        r.status = RewardStatus.ACTIVE;
        r.eligibleTiers = new String[] {"GOLD", "PLATINUM"};
        r.perMemberLimit = 2;
        return r;
    }

    static Optional<Unavailable> check(Reward r, String tier, long held, long available, Long stock) {
        return RewardRules.check(r, null, tier, held, available, r.pointsPrice, stock, NOW);
    }

    @Test
    void redeemableWhenEverythingHolds() {
        assertEquals(Optional.empty(), check(reward(), "GOLD", 1, 500, 1L));
        assertEquals(Optional.empty(), check(reward(), "PLATINUM", 0, 10_000, null));
    }

    @Test
    void eachReasonInItsOrder() {
        Reward r = reward();
        r.status = RewardStatus.RETIRED;
        r.validTo = NOW;
        assertEquals(Optional.of(Unavailable.RETIRED), check(r, "REGULAR", 9, 0, 0L));
        r = reward();
        r.validFrom = NOW.plusSeconds(1);
        assertEquals(Optional.of(Unavailable.NOT_YET_VALID), check(r, "REGULAR", 9, 0, 0L));
        r = reward();
        r.validTo = NOW;
        assertEquals(Optional.of(Unavailable.ENDED), check(r, "REGULAR", 9, 0, 0L), "validTo is exclusive");
        r = reward();
        r.validFrom = NOW;
        r.validTo = NOW.plus(Duration.ofDays(1));
        assertEquals(Optional.of(Unavailable.TIER_NOT_ELIGIBLE), check(r, "REGULAR", 9, 0, 0L), "validFrom inclusive");
        assertEquals(Optional.of(Unavailable.LIMIT_REACHED), check(reward(), "GOLD", 2, 0, 0L));
        assertEquals(Optional.of(Unavailable.OUT_OF_STOCK), check(reward(), "GOLD", 1, 0, 0L));
        assertEquals(Optional.of(Unavailable.INSUFFICIENT_POINTS), check(reward(), "GOLD", 1, 499, 1L));
    }

    @Test
    void noTiersMeansEveryTierAndNoLimitMeansNone() {
        Reward r = reward();
        r.eligibleTiers = new String[0];
        r.perMemberLimit = null;
        assertEquals(Optional.empty(), check(r, "ANY_TIER", 1_000, 500, null));
    }

    @Test
    void aDonationNeedsItsCauseOpen() {
        Reward r = reward();
        r.kind = RewardKind.DONATION;
        r.eligibleTiers = new String[0];
        Cause cause = new Cause();
        cause.active = true;
        cause.matchingRatio = BigDecimal.ZERO;
        assertEquals(Optional.empty(), RewardRules.check(r, cause, "REGULAR", 0, 500, 500, null, NOW));
        cause.validTo = NOW;
        assertEquals(
                Optional.of(Unavailable.CAUSE_CLOSED), RewardRules.check(r, cause, "REGULAR", 0, 500, 500, null, NOW));
        cause.validTo = null;
        cause.active = false;
        assertEquals(
                Optional.of(Unavailable.CAUSE_CLOSED), RewardRules.check(r, cause, "REGULAR", 0, 500, 500, null, NOW));
    }

    @Test
    void matchingRoundsEachDonationDown() {
        assertEquals(0, RewardRedemptionService.matched(7, BigDecimal.ZERO));
        assertEquals(3, RewardRedemptionService.matched(7, new BigDecimal("0.5")));
        assertEquals(14, RewardRedemptionService.matched(7, new BigDecimal("2")));
        assertEquals(2, RewardRedemptionService.matched(7, new BigDecimal("0.3333")));
    }
}
