package com.example.loyalty.points.service;

import com.example.loyalty.points.domain.Member;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** No boosts: the {@link EarningBoosts} in use until a module (paid membership) provides one. */
@DefaultBean
@ApplicationScoped
public class NoEarningBoosts implements EarningBoosts {

    @Override
    public List<Boost> boostsFor(Member member, Instant at) {
        return List.of();
    }
}
