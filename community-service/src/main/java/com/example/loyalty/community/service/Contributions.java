package com.example.loyalty.community.service;

import com.example.loyalty.common.persistence.TimeOrderedIds;
import com.example.loyalty.community.config.CommunityConfig;
import com.example.loyalty.community.domain.Contribution;
import com.example.loyalty.community.domain.ContributionKind;
import com.example.loyalty.community.repository.CommunityMemberRepository;
import com.example.loyalty.community.repository.ContributionRepository;
import com.example.loyalty.events.CommunityActivity;
import com.example.loyalty.events.ContributionRevoked;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.Topics;
import com.example.loyalty.messaging.outbox.OutboxWriter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The one place a member's standing changes. Recording a contribution adds its configured weight to the member's
 * score and, for the published kinds, writes a {@link CommunityActivity} to the outbox in the same transaction, so
 * points-service and metrics-service see it exactly when it is committed. Revoking (content hidden or deleted, a
 * reaction taken back) takes the weight back and writes a {@link ContributionRevoked}. Each cause counts once: a
 * second record of the same kind and source changes nothing.
 */
@ApplicationScoped
public class Contributions {

    private final ContributionRepository contributions;
    private final CommunityMemberRepository members;
    private final OutboxWriter outbox;
    private final CommunityConfig config;
    private final MeterRegistry registry;

    public Contributions(
            ContributionRepository contributions,
            CommunityMemberRepository members,
            OutboxWriter outbox,
            CommunityConfig config,
            MeterRegistry registry) {
        this.contributions = contributions;
        this.members = members;
        this.outbox = outbox;
        this.config = config;
        this.registry = registry;
    }

    /** What a contribution is about. */
    public record Cause(
            ContributionKind kind,
            UUID memberId,
            UUID contentId,
            UUID sourceId,
            UUID spaceId,
            String actorId,
            String productId,
            Integer rating) {

        public static Cause of(ContributionKind kind, UUID memberId, UUID contentId, UUID sourceId, UUID spaceId) {
            return new Cause(kind, memberId, contentId, sourceId, spaceId, null, null, null);
        }

        public Cause by(String actor) {
            return new Cause(kind, memberId, contentId, sourceId, spaceId, actor, productId, rating);
        }

        public Cause reviewing(String product, int stars) {
            return new Cause(kind, memberId, contentId, sourceId, spaceId, actorId, product, stars);
        }
    }

    /**
     * Records a contribution in the caller's transaction; empty when its cause was recorded before.
     *
     * @param at when it happened
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Contribution> record(Cause cause, Instant at) {
        Contribution c = new Contribution();
        c.id = TimeOrderedIds.next();
        c.memberId = cause.memberId();
        c.kind = cause.kind();
        c.contentId = cause.contentId();
        c.sourceId = cause.sourceId();
        c.spaceId = cause.spaceId();
        c.actorId = cause.actorId();
        c.weight = config.contribution().weight(cause.kind());
        c.occurredAt = at.truncatedTo(ChronoUnit.MICROS);
        if (!contributions.recordAndScore(c)) {
            return Optional.empty();
        }
        if (c.kind.published()) {
            outbox.write(
                    Topics.COMMUNITY_ACTIVITY,
                    c.kind.eventType(),
                    CommunityActivity.SCHEMA_VERSION,
                    c.memberId.toString(),
                    new CommunityActivity(
                            c.id,
                            c.contentId,
                            c.spaceId,
                            cause.productId(),
                            cause.rating(),
                            c.actorId,
                            c.weight,
                            c.occurredAt));
        }
        registry.counter("loyalty.community.contributions", "kind", meterTag(c.kind))
                .increment();
        return Optional.of(c);
    }

    /** Revokes every standing contribution about {@code contentId} (hidden or deleted content); returns them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Contribution> revokeAbout(UUID contentId, String reason, Instant at) {
        List<Contribution> revoked = contributions.revokeAbout(contentId, reason, at.truncatedTo(ChronoUnit.MICROS));
        revoked.forEach(c -> takeBack(c, reason, at));
        return revoked;
    }

    /** Revokes the standing contribution of {@code kind} caused by {@code sourceId} (a reaction taken back). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Contribution> revokeCausedBy(ContributionKind kind, UUID sourceId, String reason, Instant at) {
        List<Contribution> revoked =
                contributions.revokeCausedBy(kind, sourceId, reason, at.truncatedTo(ChronoUnit.MICROS));
        revoked.forEach(c -> takeBack(c, reason, at));
        return revoked;
    }

    private void takeBack(Contribution c, String reason, Instant at) {
        members.addToScore(c.memberId, -c.weight);
        if (c.kind.published()) {
            outbox.write(
                    Topics.COMMUNITY_ACTIVITY,
                    EventTypes.CONTRIBUTION_REVOKED,
                    ContributionRevoked.SCHEMA_VERSION,
                    c.memberId.toString(),
                    new ContributionRevoked(
                            c.id,
                            c.kind.eventType(),
                            c.contentId,
                            reason,
                            c.weight,
                            at.truncatedTo(ChronoUnit.MICROS)));
        }
        registry.counter("loyalty.community.contributions.revoked", "kind", meterTag(c.kind))
                .increment();
    }

    private static String meterTag(ContributionKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
