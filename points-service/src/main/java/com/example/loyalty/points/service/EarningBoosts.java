package com.example.loyalty.points.service;

import com.example.loyalty.points.domain.Member;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Multipliers a member earns by that are not earning rules, e.g. a paid membership's own multiplier. The engine
 * multiplies them in after the tier multiplier (docs/earning-rules.md, "Stacking") and lists each in the explanation.
 * Today one bean gives them: {@link PaidMembershipBoosts}.
 */
public interface EarningBoosts {

    /** The boosts {@code member} earns by on a purchase at {@code at}; never null. */
    List<Boost> boostsFor(Member member, Instant at);

    /**
     * @param source     what gives it, e.g. {@code PAID_MEMBERSHIP}
     * @param name       shown in the explanation, e.g. the plan's name
     * @param multiplier above 0 (the product of all multipliers is bounded anyway)
     */
    record Boost(String source, String name, BigDecimal multiplier) {
        public Boost {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(name, "name");
            if (multiplier == null || multiplier.signum() <= 0) {
                throw new IllegalArgumentException("a boost's multiplier must be above 0");
            }
        }
    }
}
