package com.example.loyalty.points.service;

import com.example.loyalty.events.CommunityActivity;
import com.example.loyalty.events.ContributionRevoked;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.PointsAwarded;
import com.example.loyalty.events.Topics;
import com.example.loyalty.messaging.consumer.UnprocessableEventException;
import com.example.loyalty.messaging.outbox.OutboxWriter;
import com.example.loyalty.points.domain.LedgerKind;
import com.example.loyalty.points.domain.Member;
import com.example.loyalty.points.domain.PointAction;
import com.example.loyalty.points.repository.CommunityAwardRepository;
import com.example.loyalty.points.repository.CommunityAwardRepository.Award;
import com.example.loyalty.points.repository.LedgerRepository;
import com.example.loyalty.points.repository.MemberRepository;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Community contributions earn fixed points (the action rules of POST_CREATED, ANSWER_ACCEPTED, REVIEW_POSTED,
 * REACTION_RECEIVED and EVENT_ATTENDED, docs/action-points.md), and a revoked contribution gives them back. The rules (docs/community-points.md):
 * <ul>
 * <li><b>Once per contribution.</b> The contribution id is the primary key of {@code community_award}: a redelivered
 * event (the consumer's inbox stops those first) or a replayed one with a new event id earns nothing more.</li>
 * <li><b>Caps.</b> A member earns at most the caps of the action's rule (valid when the contribution happened) from
 * contributions of that action of one calendar day, month and year, in the program's zone ({@code points.zone}), by the
 * day the contribution happened (never later than now) ({@link ActionAwards}). An award beyond a cap is recorded with what was left, possibly 0.
 * Revoked awards still count toward the caps, so spam that a moderator hides does not make room for more.</li>
 * <li><b>Revocation.</b> A {@code ContributionRevoked} takes back the points its award credited (a {@code REVERSE}
 * ledger entry, from the award's own lot first), but never below a zero balance: if the member has spent them, it
 * takes back what the balance allows and the rest becomes the member's debt (recorded on the award as its
 * {@code shortfall} too), which the member's next credits pay first ({@link Ledger#reverse}). A revocation of a
 * contribution never awarded records a tombstone, so the award arriving late gives nothing.</li>
 * <li><b>Unknown members.</b> An event for a member id points-service does not know earns nothing and is not waited
 * for (community-service learns member ids from points-service's {@code MemberEnrolled}, so such an event cannot
 * become valid later); it is logged and counted.</li>
 * </ul>
 * Every change locks the member row first, so concurrent deliveries for one member serialise, and goes through the
 * {@link Ledger} (balance = sum of the ledger) and the outbox: {@code PointsAwarded} with reference type
 * {@code COMMUNITY} and the contribution id as reference, with negative points for a reversal.
 */
@ApplicationScoped
public class CommunityAwardService {

    private static final Logger LOG = Logger.getLogger(CommunityAwardService.class);
    public static final String REFERENCE_TYPE = "COMMUNITY";
    /** The reason of a reversal, on the ledger and in its PointsAwarded event. */
    public static final String REVOKED = "community contribution revoked";

    /** What happened to one contribution event. */
    public enum Outcome {
        /** Credited in full. */
        AWARDED,
        /** Recorded with less than its points (possibly 0): a daily or monthly cap was reached. */
        CAPPED,
        /** Recorded with no points: its action's rule gave none when it happened (points 0). */
        NO_POINTS,
        /** The contribution has an award already. */
        ALREADY_AWARDED,
        /** The contribution was revoked before its award arrived (a tombstone): no points. */
        REVOKED_BEFORE_AWARD,
        /** The member id is not a member of points-service: nothing recorded. */
        UNKNOWN_MEMBER,
        /** Revoked; all the points it credited taken back (or it had credited none). */
        REVERSED,
        /** Revoked; the balance allowed only part of the points to be taken back, the rest became debt (shortfall). */
        REVERSED_WITH_SHORTFALL,
        /** Revoked before any award: a tombstone recorded. */
        TOMBSTONE,
        /** Revoked before. */
        ALREADY_REVOKED
    }

    private final MemberRepository members;
    private final CommunityAwardRepository awards;
    private final LedgerRepository entries;
    private final Ledger ledger;
    private final OutboxWriter outbox;
    private final ActionAwards actionAwards;
    private final MeterRegistry registry;

    public CommunityAwardService(
            MemberRepository members,
            CommunityAwardRepository awards,
            LedgerRepository entries,
            Ledger ledger,
            OutboxWriter outbox,
            ActionAwards actionAwards,
            MeterRegistry registry) {
        this.members = members;
        this.awards = awards;
        this.entries = entries;
        this.ledger = ledger;
        this.outbox = outbox;
        this.actionAwards = actionAwards;
        this.registry = registry;
    }

    /** The action of a contribution type; {@link IllegalArgumentException} for a type that is none. */
    public static PointAction actionOf(String type) {
        return PointAction.ofCommunityEvent(type)
                .orElseThrow(() -> new IllegalArgumentException(type + " is not a community contribution"));
    }

    /**
     * Awards the points of a contribution, in the caller's transaction.
     *
     * @param eventId  the event's id (kept on the award)
     * @param memberId the member who earned it (the envelope's)
     * @param type     one of {@link EventTypes#COMMUNITY_CONTRIBUTIONS}
     * @param at       when it happened (the payload's time, else the envelope's)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome award(UUID eventId, UUID memberId, String type, CommunityActivity activity, Instant at) {
        PointAction action = actionOf(type);
        Optional<Member> locked = members.lockById(memberId);
        if (locked.isEmpty()) {
            return count(unknownMember(activity.contributionId(), memberId));
        }
        Member member = locked.get();
        Optional<Award> existing = awards.lock(activity.contributionId());
        if (existing.isPresent()) {
            return count(existing.get().tombstone() ? Outcome.REVOKED_BEFORE_AWARD : Outcome.ALREADY_AWARDED);
        }
        Instant now = Instant.now();
        // the points of the action's rule valid when it happened, then its caps per day, month and year
        ActionAwards.Quote quote = actionAwards.quote(member, action, at);
        long due = quote.due();
        long credited = quote.credited();
        if (!awards.insertAward(new CommunityAwardRepository.NewAward(
                activity.contributionId(),
                member.id,
                type,
                eventId,
                activity.contentId(),
                quote.occurredAt(),
                quote.day(),
                due,
                credited,
                now))) {
            // recorded meanwhile for another member (the member lock did not cover it): it has its award
            return count(Outcome.ALREADY_AWARDED);
        }
        actionAwards.record(member, quote, activity.contributionId().toString());
        if (credited > 0) {
            String reason =
                    "community: " + label(type) + (credited < due ? " (capped: " + credited + " of " + due + ")" : "");
            ledger.append(
                    member,
                    LedgerKind.EARN,
                    credited,
                    REFERENCE_TYPE,
                    activity.contributionId().toString(),
                    reason);
            outbox.write(
                    Topics.LOYALTY_TRANSACTIONS,
                    EventTypes.POINTS_AWARDED,
                    PointsAwarded.SCHEMA_VERSION,
                    member.id.toString(),
                    new PointsAwarded(
                            credited, REFERENCE_TYPE, activity.contributionId().toString(), reason, member.balance));
            registry.counter("loyalty.points.awarded", "reason", "community").increment(credited);
        }
        if (credited < due) {
            LOG.debugf(
                    "contribution %s of member %s: %d of %d points (a cap of %s was reached)",
                    activity.contributionId(), member.id, credited, due, action);
        }
        return count(due == 0 ? Outcome.NO_POINTS : credited == due ? Outcome.AWARDED : Outcome.CAPPED);
    }

    /**
     * Takes back the points of a revoked contribution, in the caller's transaction, never below a zero balance (the
     * rest is the award's shortfall and the member's debt); a contribution with no award gets a tombstone.
     *
     * @param memberId the member who had earned it (the envelope's)
     * @param at       when it was revoked (the payload's time, else the envelope's)
     * @throws UnprocessableEventException if the contribution was awarded to another member
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome revoke(UUID eventId, UUID memberId, ContributionRevoked revoked, Instant at) {
        Optional<Member> locked = members.lockById(memberId);
        if (locked.isEmpty()) {
            return count(unknownMember(revoked.contributionId(), memberId));
        }
        Member member = locked.get();
        String reason = truncate(revoked.reason(), 500);
        Optional<Award> existing = awards.lock(revoked.contributionId());
        if (existing.isEmpty()) {
            String type = revoked.type() == null ? "unknown" : truncate(revoked.type(), 32);
            if (awards.insertTombstone(
                    revoked.contributionId(), member.id, type, revoked.contentId(), at, eventId, reason)) {
                LOG.debugf("contribution %s revoked before its award: tombstone", revoked.contributionId());
                return count(Outcome.TOMBSTONE);
            }
            existing = awards.lock(revoked.contributionId()); // recorded meanwhile (for another member)
        }
        Award award = existing.orElseThrow();
        if (!award.memberId().equals(member.id)) {
            throw new UnprocessableEventException("contribution " + revoked.contributionId() + " belongs to member "
                    + award.memberId() + ", not " + member.id);
        }
        if (award.revoked()) {
            return count(Outcome.ALREADY_REVOKED);
        }
        long reversed = 0;
        long shortfall = 0;
        String why = REVOKED + revocationCause(revoked.reason());
        if (award.points() > 0) {
            // the award's own lot first, then the member's other points; what is spent already becomes debt
            UUID ownLot = entries.find(
                            member.id,
                            LedgerKind.EARN,
                            REFERENCE_TYPE,
                            revoked.contributionId().toString())
                    .flatMap(ledger::lotOf)
                    .map(lot -> lot.id)
                    .orElse(null);
            Ledger.Reversal reversal = ledger.reverse(
                    member,
                    award.points(),
                    REFERENCE_TYPE,
                    revoked.contributionId().toString(),
                    why,
                    ownLot);
            reversed = reversal.taken();
            shortfall = reversal.shortfall();
        }
        awards.markRevoked(revoked.contributionId(), at, eventId, reason, reversed, shortfall);
        if (reversed > 0) {
            outbox.write(
                    Topics.LOYALTY_TRANSACTIONS,
                    EventTypes.POINTS_AWARDED,
                    PointsAwarded.SCHEMA_VERSION,
                    member.id.toString(),
                    new PointsAwarded(
                            -reversed, REFERENCE_TYPE, revoked.contributionId().toString(), why, member.balance));
            registry.counter("loyalty.points.reversed", "reason", "community").increment(reversed);
        }
        if (shortfall > 0) {
            LOG.infof(
                    "contribution %s of member %s revoked: %d of its %d points were spent already (owed as debt)",
                    revoked.contributionId(), member.id, shortfall, award.points());
            registry.counter("loyalty.points.community-shortfall").increment(shortfall);
            return count(Outcome.REVERSED_WITH_SHORTFALL);
        }
        return count(Outcome.REVERSED);
    }

    private Outcome unknownMember(UUID contributionId, UUID memberId) {
        LOG.infof(
                "community contribution %s is of no member of points-service (%s): no points",
                contributionId, memberId);
        return Outcome.UNKNOWN_MEMBER;
    }

    private Outcome count(Outcome outcome) {
        registry.counter(
                        "loyalty.points.community-awards",
                        "outcome",
                        outcome.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .increment();
        return outcome;
    }

    /** "post created" for PostCreated. */
    static String label(String type) {
        return type.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    /** What the member sees of why: hidden by a moderator or deleted, never the moderator's own words. */
    private static String revocationCause(String reason) {
        if (reason == null) {
            return "";
        }
        if (reason.startsWith("HIDDEN")) {
            return " (hidden by a moderator)";
        }
        if (reason.startsWith("DELETED")) {
            return " (deleted)";
        }
        return "";
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
