package com.example.loyalty.metrics.service;

import com.example.loyalty.messaging.consumer.UnprocessableEventException;
import com.example.loyalty.metrics.domain.MemberActivity;
import com.example.loyalty.metrics.repository.CommunityEngagementRepository;
import com.example.loyalty.metrics.repository.FollowUpRepository;
import com.example.loyalty.metrics.repository.MemberActivityRepository;
import com.example.loyalty.metrics.repository.MemberAttitudeRepository;
import com.example.loyalty.metrics.repository.MemberDirectoryRepository;
import com.example.loyalty.metrics.repository.MemberMergeRepository;
import com.example.loyalty.metrics.repository.MemberPurchaseRepository;
import com.example.loyalty.metrics.repository.PurchaseReturnRepository;
import com.example.loyalty.metrics.repository.RfmRepository;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * What points-service's member lifecycle means for the metrics (member-events): two members merged into one, and a
 * member's personal data erased. Both run in the caller's transaction (the member-events consumer's, which records
 * the event in the inbox), so each happens once.
 */
@ApplicationScoped
public class MemberLifecycleService {

    private static final Logger LOG = Logger.getLogger(MemberLifecycleService.class);

    private final MemberMergeRepository merges;
    private final MemberActivityRepository activities;
    private final MemberPurchaseRepository purchases;
    private final PurchaseReturnRepository returns;
    private final MemberAttitudeRepository attitudes;
    private final CommunityEngagementRepository contributions;
    private final FollowUpRepository followUps;
    private final RfmRepository rfm;
    private final MemberDirectoryRepository directory;
    private final com.example.loyalty.metrics.repository.PaidMembershipRepository paidMemberships;
    private final MeterRegistry registry;

    public MemberLifecycleService(
            MemberMergeRepository merges,
            MemberActivityRepository activities,
            MemberPurchaseRepository purchases,
            PurchaseReturnRepository returns,
            MemberAttitudeRepository attitudes,
            CommunityEngagementRepository contributions,
            FollowUpRepository followUps,
            RfmRepository rfm,
            MemberDirectoryRepository directory,
            com.example.loyalty.metrics.repository.PaidMembershipRepository paidMemberships,
            MeterRegistry registry) {
        this.merges = merges;
        this.activities = activities;
        this.purchases = purchases;
        this.returns = returns;
        this.attitudes = attitudes;
        this.contributions = contributions;
        this.followUps = followUps;
        this.rfm = rfm;
        this.directory = directory;
        this.paidMemberships = paidMemberships;
        this.registry = registry;
    }

    /**
     * {@code merged} became part of {@code survivor} at {@code at}: everything kept of {@code merged} moves to the
     * survivor (purchases and returns, the activity figures, answers and the latest attitude, community contributions,
     * follow-up items), so RFM, lifetime value, churn and the loyalty quadrant see one customer; its RFM scores are
     * dropped (the survivor is scored with both members' purchases at the next recompute). Events about
     * {@code merged} read later are applied to the survivor. A survivor that was itself merged before stands for the
     * member it became.
     *
     * @param tier the survivor's tier after the merge; null if not reported
     * @return false if this merge was recorded before (nothing changed)
     * @throws UnprocessableEventException if the merge contradicts one recorded before, or merges a member into itself
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean merge(UUID merged, UUID survivor, String tier, Instant at) {
        Instant now = Instant.now();
        merges.lockExclusive();
        Map<UUID, UUID> known = merges.survivorsOf(List.of(merged, survivor));
        UUID into = known.getOrDefault(survivor, survivor);
        UUID before = known.get(merged);
        if (before != null) {
            if (before.equals(into)) {
                return false;
            }
            throw new UnprocessableEventException(
                    "member " + merged + " was merged into " + before + " before, not into " + into);
        }
        if (into.equals(merged)) {
            throw new UnprocessableEventException("member " + merged + " cannot be merged into itself");
        }
        Map<UUID, MemberActivity> locked = activities.lockOrCreateAll(new TreeSet<>(List.of(merged, into)));
        MemberActivity target = locked.get(into);
        MemberActivity gone = locked.get(merged);
        boolean absorbed;
        try {
            absorbed = target.absorb(gone, now);
            if (tier != null && !tier.isBlank()) {
                target.tierChanged(tier, at, now);
            }
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new UnprocessableEventException(e.getMessage(), e);
        }
        int moved = purchases.move(merged, into, absorbed);
        returns.move(merged, into);
        attitudes.move(merged, into);
        contributions.move(merged, into);
        followUps.move(merged, into);
        paidMemberships.move(merged, into);
        rfm.forget(merged);
        activities.delete(gone);
        merges.record(merged, into, at);
        registry.counter("loyalty.metrics.members.merged").increment();
        LOG.infof("member %s merged into %s: %d purchases moved", merged, into, moved);
        return true;
    }

    /**
     * {@code member} asked to be forgotten: the personal data kept of them (and of the members merged into them) is
     * replaced by tombstones: their token subjects in the directory, and on their follow-up items the subject, their
     * free text and staff's notes. Purchases, scores and aggregates stay; a late enrolment links nothing, and a late
     * answer's follow-up item keeps no subject or text.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(UUID member, Instant at) {
        List<UUID> members = new ArrayList<>();
        members.add(member);
        members.addAll(merges.mergedInto(member));
        List<String> subjects = directory.erase(members, at);
        int items = followUps.erase(members, subjects, at);
        registry.counter("loyalty.metrics.members.erased").increment();
        LOG.infof("member %s erased: %d follow-up items", member, items);
    }
}
