package com.example.loyalty.points.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The tier ladder in memory ({@link ChangeNotifiedCache}): every purchase, look-up and {@code /members/me} needs it, and
 * it changes a few times a year. A trigger on {@code tier} and {@code tier_ladder} does {@code NOTIFY
 * tier_ladder_changed} at commit.
 */
@ApplicationScoped
public class TierLadderCache extends ChangeNotifiedCache<TierLadderView> {

    static final String CHANNEL = "tier_ladder_changed";

    /** For the container's proxies only. */
    protected TierLadderCache() {}

    @Inject
    public TierLadderCache(AgroalDataSource dataSource) {
        super(dataSource, CHANNEL, "tier ladder");
    }
}
