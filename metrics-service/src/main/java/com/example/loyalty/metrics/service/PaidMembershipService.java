package com.example.loyalty.metrics.service;

import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.MembershipChanged;
import com.example.loyalty.messaging.consumer.UnprocessableEventException;
import com.example.loyalty.metrics.domain.MemberIds;
import com.example.loyalty.metrics.repository.MemberMergeRepository;
import com.example.loyalty.metrics.repository.PaidMembershipRepository;
import com.example.loyalty.metrics.repository.PaidMembershipRepository.Term;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Applies points-service's {@code MembershipChanged} events (loyalty-transactions) to members' paid-membership terms
 * ({@code paid_membership_term}), in the consumer's transaction (which records each event once in the inbox):
 * STARTED opens a term (closing an open one whose period ended, should its LAPSED be missing); RENEWED extends the
 * open term (and withdraws its cancellation), or opens one when none is open (a lapsed membership renewed); CANCELLED
 * marks the open term; LAPSED ends it at its period end. Events of one member arrive in order (the topic is keyed by
 * member id); an event about a merged member counts for the survivor.
 */
@ApplicationScoped
public class PaidMembershipService {

    public static final Set<String> TYPES = Set.of(EventTypes.MEMBERSHIP_CHANGED);

    private final PaidMembershipRepository terms;
    private final MemberMergeRepository merges;
    private final MeterRegistry registry;

    public PaidMembershipService(PaidMembershipRepository terms, MemberMergeRepository merges, MeterRegistry registry) {
        this.terms = terms;
        this.merges = merges;
        this.registry = registry;
    }

    @Transactional
    public void applyAll(List<EventEnvelope> events) {
        if (events.isEmpty()) {
            return;
        }
        Set<UUID> named = new HashSet<>();
        for (EventEnvelope e : events) {
            named.add(memberId(e));
        }
        merges.lockShared();
        Map<UUID, UUID> survivors = merges.survivorsOf(named);
        Instant now = Instant.now();
        for (EventEnvelope event : events) {
            UUID member = memberId(event);
            apply(survivors.getOrDefault(member, member), read(event), now);
        }
    }

    private void apply(UUID member, MembershipChanged c, Instant now) {
        Optional<Term> open = terms.lockOpen(member);
        switch (c.change()) {
            case MembershipChanged.STARTED -> {
                if (open.isPresent()) {
                    Term t = open.get();
                    if (!t.paidThrough().isAfter(c.periodStart())) {
                        terms.end(member, t.startedAt(), t.paidThrough(), t.cancelledAt() != null, now);
                    } else {
                        // a start while a term is open (a merge joined two): the same membership goes on
                        terms.renew(member, t.startedAt(), c.periodEnd(), c.plan(), now);
                        return;
                    }
                }
                terms.open(member, startOf(c), c.periodEnd(), c.plan(), now);
                registry.counter("loyalty.metrics.memberships", "change", "started")
                        .increment();
            }
            case MembershipChanged.RENEWED -> {
                if (open.isPresent()
                        && open.get().paidThrough().isAfter(c.periodStart().minusSeconds(1))) {
                    terms.renew(member, open.get().startedAt(), c.periodEnd(), c.plan(), now);
                } else {
                    open.ifPresent(
                            t -> terms.end(member, t.startedAt(), t.paidThrough(), t.cancelledAt() != null, now));
                    terms.open(member, startOf(c), c.periodEnd(), c.plan(), now);
                }
                registry.counter("loyalty.metrics.memberships", "change", "renewed")
                        .increment();
            }
            case MembershipChanged.CANCELLED -> {
                open.ifPresent(t -> terms.cancel(member, t.startedAt(), c.occurredAt(), now));
                registry.counter("loyalty.metrics.memberships", "change", "cancelled")
                        .increment();
            }
            case MembershipChanged.LAPSED -> {
                open.ifPresent(t -> terms.end(member, t.startedAt(), c.periodEnd(), c.cancelled(), now));
                registry.counter("loyalty.metrics.memberships", "change", "lapsed")
                        .increment();
            }
            default -> throw new UnprocessableEventException("unknown membership change " + c.change());
        }
    }

    private static Instant startOf(MembershipChanged c) {
        return c.startedAt() != null ? c.startedAt() : c.periodStart();
    }

    private static MembershipChanged read(EventEnvelope event) {
        if (event.schemaVersion() != MembershipChanged.SCHEMA_VERSION) {
            throw new UnprocessableEventException("schema version " + event.schemaVersion() + " of " + event.type()
                    + " is not supported (supported: " + MembershipChanged.SCHEMA_VERSION + ")");
        }
        MembershipChanged c;
        try {
            c = EventJson.payload(event, MembershipChanged.class);
        } catch (EventJson.MalformedEventException e) {
            throw new UnprocessableEventException(e.getMessage(), e);
        }
        if (c.change() == null
                || c.plan() == null
                || c.plan().isBlank()
                || c.plan().length() > 32
                || c.periodStart() == null
                || c.periodEnd() == null
                || !c.periodEnd().isAfter(c.periodStart())
                || c.occurredAt() == null) {
            throw new UnprocessableEventException("membership change without change, plan, period or time");
        }
        return c;
    }

    private static UUID memberId(EventEnvelope event) {
        try {
            return MemberIds.parse(event.memberId());
        } catch (IllegalArgumentException e) {
            throw new UnprocessableEventException(e.getMessage(), e);
        }
    }
}
