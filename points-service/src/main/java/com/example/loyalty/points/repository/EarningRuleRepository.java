package com.example.loyalty.points.repository;

import com.example.loyalty.points.domain.EarningRule;
import com.example.loyalty.points.domain.EarningRuleVersion;
import com.example.loyalty.points.domain.RuleKind;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Earning rules and their versions (one repository: a version is never read without its rule). */
@ApplicationScoped
public class EarningRuleRepository implements PanacheRepositoryBase<EarningRule, UUID> {

    /** Loads and row-locks a rule, so changes to one rule are made one at a time. */
    public Optional<EarningRule> lock(UUID id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** The newest rules first, at most {@code limit}, of {@code kind} when given. */
    public List<EarningRule> newest(RuleKind kind, int limit) {
        return (kind == null
                        ? find("order by createdAt desc, id")
                        : find("kind = ?1 order by createdAt desc, id", kind))
                .page(0, limit)
                .list();
    }

    /** The versions of {@code ruleIds}, by rule and version. */
    public List<EarningRuleVersion> versionsOf(Collection<UUID> ruleIds) {
        if (ruleIds.isEmpty()) {
            return List.of();
        }
        return getEntityManager()
                .createQuery(
                        "from EarningRuleVersion where ruleId in :ids order by ruleId, version",
                        EarningRuleVersion.class)
                .setParameter("ids", ruleIds)
                .getResultList();
    }

    public void persist(EarningRuleVersion version) {
        getEntityManager().persist(version);
    }

    /** A version with the kind and creation time of its rule. */
    public record Loaded(EarningRuleVersion version, RuleKind kind, Instant ruleCreatedAt) {}

    /**
     * Every version in force at some time at or after {@code since}: still open, or ending after it; versions cancelled
     * before they were in force left out. One indexed query (earning_rule_version_live_idx).
     */
    public List<Loaded> inForceSince(Instant since) {
        List<Object[]> rows = getEntityManager()
                .createQuery(
                        "select v, r.kind, r.createdAt from EarningRuleVersion v, EarningRule r where r.id = v.ruleId "
                                + "and (v.effectiveTo is null or v.effectiveTo > :since) "
                                + "and (v.effectiveTo is null or v.effectiveTo > v.effectiveFrom)",
                        Object[].class)
                .setParameter("since", since)
                .getResultList();
        return rows.stream()
                .map(r -> new Loaded((EarningRuleVersion) r[0], (RuleKind) r[1], (Instant) r[2]))
                .toList();
    }

    /** The versions in force at {@code at} (for times older than the cache holds). */
    public List<Loaded> inForceAt(Instant at) {
        List<Object[]> rows = getEntityManager()
                .createQuery(
                        "select v, r.kind, r.createdAt from EarningRuleVersion v, EarningRule r where r.id = v.ruleId "
                                + "and v.effectiveFrom <= :at and (v.effectiveTo is null or v.effectiveTo > :at)",
                        Object[].class)
                .setParameter("at", at)
                .getResultList();
        return rows.stream()
                .map(r -> new Loaded((EarningRuleVersion) r[0], (RuleKind) r[1], (Instant) r[2]))
                .toList();
    }
}
