package com.example.loyalty.points.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The earning rules in memory ({@link ChangeNotifiedCache}): every purchase at the till needs them, and they change a
 * few times a day at most. A trigger on {@code earning_rule_version} does {@code NOTIFY earning_rules_changed} at
 * commit.
 * <p>
 * What is cached: every version in force at some time from {@link Snapshot#since} on (the oldest purchase the till
 * still takes, and a day more); {@link EarningRuleService} reads older times from the database.
 */
@ApplicationScoped
public class EarningRuleCache extends ChangeNotifiedCache<EarningRuleCache.Snapshot> {

    static final String CHANNEL = "earning_rules_changed";

    /** The versions in force at some time at or after {@code since}, each with its rule's kind and creation. */
    public record Snapshot(java.time.Instant since, java.util.List<RuleVersionView> versions) {}

    /** For the container's proxies only. */
    protected EarningRuleCache() {}

    @Inject
    public EarningRuleCache(AgroalDataSource dataSource) {
        super(dataSource, CHANNEL, "earning rules");
    }
}
