package com.example.loyalty.metrics.service;

import com.example.loyalty.events.CommunityActivity;
import com.example.loyalty.events.ContributionRevoked;
import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.messaging.consumer.EventConsumer;
import com.example.loyalty.messaging.consumer.UnprocessableEventException;
import com.example.loyalty.metrics.config.MetricsConfig;
import com.example.loyalty.metrics.domain.MemberIds;
import com.example.loyalty.metrics.repository.CommunityEngagementRepository;
import com.example.loyalty.metrics.repository.CommunityEngagementRepository.Contribution;
import com.example.loyalty.metrics.repository.CommunityEngagementRepository.Engagement;
import com.example.loyalty.metrics.repository.CommunityEngagementRepository.Revocation;
import com.example.loyalty.metrics.repository.MemberMergeRepository;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Community engagement from community-activity: each contribution kept once by its id, a revocation taking back
 * exactly that contribution (a revocation that comes first leaves a tombstone, so the contribution never counts), and
 * a member's engagement over the last {@code metrics.behaviour.community.window-days} days (contributions, score = sum
 * of their weights, last contribution) computed when asked. It is the handler of the consumer idiom
 * ({@link EventConsumer}), which records each event id in the inbox in the same transaction.
 */
@ApplicationScoped
public class CommunityEngagementService {

    /**
     * A member's community engagement as a profile shows it.
     *
     * @param windowDays         days the window reaches back from now
     * @param contributions      live contributions in the window
     * @param score              their weights summed
     * @param lastContributionAt the latest live contribution, however old; null if none
     * @param attached           whether the score makes the member attached (attitudinally high unless a detractor)
     */
    public record EngagementView(
            int windowDays, long contributions, long score, Instant lastContributionAt, boolean attached) {}

    private final CommunityEngagementRepository contributions;
    private final MemberMergeRepository merges;
    private final MetricsConfig config;
    private final MeterRegistry registry;

    public CommunityEngagementService(
            CommunityEngagementRepository contributions,
            MemberMergeRepository merges,
            MetricsConfig config,
            MeterRegistry registry) {
        this.contributions = contributions;
        this.merges = merges;
        this.config = config;
        this.registry = registry;
    }

    /**
     * Applies a batch of contributions and revocations in the caller's transaction (the consumer's); a contribution of
     * a member merged into another counts for the survivor.
     *
     * @throws UnprocessableEventException for an event without a valid member id or contribution id, or of an unknown
     *                                     schema version; the transaction is rolled back and the consumer applies the
     *                                     batch event by event
     */
    @Transactional
    public void applyAll(List<EventEnvelope> events) {
        List<Contribution> added = new ArrayList<>();
        List<Revocation> revoked = new ArrayList<>();
        for (EventEnvelope event : events) {
            UUID memberId = memberId(event);
            if (EventTypes.CONTRIBUTION_REVOKED.equals(event.type())) {
                ContributionRevoked r = payload(event, ContributionRevoked.class, ContributionRevoked.SCHEMA_VERSION);
                if (r.contributionId() == null) {
                    throw new UnprocessableEventException("ContributionRevoked without contributionId");
                }
                revoked.add(new Revocation(
                        r.contributionId(),
                        memberId,
                        r.type() == null ? "unknown" : r.type(),
                        r.weight(),
                        r.revokedAt() != null ? r.revokedAt() : event.occurredAt()));
            } else if (EventTypes.COMMUNITY_CONTRIBUTIONS.contains(event.type())) {
                CommunityActivity a = payload(event, CommunityActivity.class, CommunityActivity.SCHEMA_VERSION);
                if (a.contributionId() == null) {
                    throw new UnprocessableEventException(event.type() + " without contributionId");
                }
                added.add(new Contribution(
                        a.contributionId(),
                        memberId,
                        event.type(),
                        a.weight(),
                        a.occurredAt() != null ? a.occurredAt() : event.occurredAt()));
            } else {
                throw new IllegalArgumentException("the consumer passes no " + event.type() + " events");
            }
        }
        merges.lockShared();
        Set<UUID> named = new HashSet<>();
        added.forEach(a -> named.add(a.memberId()));
        revoked.forEach(r -> named.add(r.memberId()));
        Map<UUID, UUID> survivors = merges.survivorsOf(named);
        if (!survivors.isEmpty()) {
            added = added.stream()
                    .map(a -> new Contribution(
                            a.contributionId(),
                            survivors.getOrDefault(a.memberId(), a.memberId()),
                            a.type(),
                            a.weight(),
                            a.occurredAt()))
                    .toList();
            revoked = revoked.stream()
                    .map(r -> new Revocation(
                            r.contributionId(),
                            survivors.getOrDefault(r.memberId(), r.memberId()),
                            r.type(),
                            r.weight(),
                            r.revokedAt()))
                    .toList();
        }
        contributions.keepAll(added, revoked);
        registry.counter("loyalty.metrics.community.contributions").increment(added.size());
        registry.counter("loyalty.metrics.community.revocations").increment(revoked.size());
    }

    /** The member's engagement now. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public EngagementView engagementOf(UUID memberId) {
        int windowDays = config.behaviour().community().windowDays();
        int attachedScore = config.behaviour().community().attachedScore();
        Engagement e = contributions.of(memberId, Instant.now().minus(Duration.ofDays(windowDays)));
        return new EngagementView(
                windowDays,
                e.contributions(),
                e.score(),
                e.lastContributionAt(),
                attachedScore > 0 && e.score() >= attachedScore);
    }

    private static UUID memberId(EventEnvelope event) {
        try {
            return MemberIds.parse(event.memberId());
        } catch (IllegalArgumentException e) {
            throw new UnprocessableEventException(e.getMessage(), e);
        }
    }

    private static <T> T payload(EventEnvelope event, Class<T> type, int version) {
        // a newer version may have changed meaning: dead-lettered events can be replayed after an upgrade
        if (event.schemaVersion() != version) {
            throw new UnprocessableEventException("schema version " + event.schemaVersion() + " of " + event.type()
                    + " is not supported (supported: " + version + ")");
        }
        try {
            return EventJson.payload(event, type);
        } catch (EventJson.MalformedEventException e) {
            throw new UnprocessableEventException(e.getMessage(), e);
        }
    }
}
