package com.example.loyalty.points.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Whether any paid membership period exists, in memory ({@link ChangeNotifiedCache}): until the first one is paid, no
 * purchase can be boosted by a membership, and every earn skips asking for the period that covers it. A trigger on
 * {@code membership_period} does {@code NOTIFY membership_periods_changed} at commit of every new period.
 */
@ApplicationScoped
public class MembershipPeriodCache extends ChangeNotifiedCache<Boolean> {

    static final String CHANNEL = "membership_periods_changed";

    /** For the container's proxies only. */
    protected MembershipPeriodCache() {}

    @Inject
    public MembershipPeriodCache(AgroalDataSource dataSource) {
        super(dataSource, CHANNEL, "membership periods");
    }
}
