package com.example.loyalty.points.service;

import com.example.loyalty.points.domain.Member;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * The boost of a paid membership (docs/programs-membership-and-opt-ins.md): a purchase made while a paid period of the
 * member covered it earns by that period's plan multiplier, on top of the tier's (docs/earning-rules.md, "Stacking").
 */
@ApplicationScoped
public class PaidMembershipBoosts implements EarningBoosts {

    /** The {@link Boost#source()} of a paid membership's multiplier. */
    public static final String SOURCE = "PAID_MEMBERSHIP";

    private final PaidMemberships memberships;

    public PaidMembershipBoosts(PaidMemberships memberships) {
        this.memberships = memberships;
    }

    @Override
    public List<Boost> boostsFor(Member member, Instant at) {
        return memberships
                .activeAt(member, at)
                .map(m -> List.of(new Boost(SOURCE, m.planName(), m.multiplier())))
                .orElse(List.of());
    }
}
