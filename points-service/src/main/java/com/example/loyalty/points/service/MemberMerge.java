package com.example.loyalty.points.service;

import com.example.loyalty.common.persistence.ScalarQueries;
import com.example.loyalty.common.web.Problems;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.MembersMerged;
import com.example.loyalty.events.TierChanged;
import com.example.loyalty.events.Topics;
import com.example.loyalty.messaging.outbox.OutboxWriter;
import com.example.loyalty.points.domain.AuditAction;
import com.example.loyalty.points.domain.LedgerKind;
import com.example.loyalty.points.domain.Member;
import com.example.loyalty.points.repository.MemberRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Merges two accounts of one person: everything of the merged member moves to the survivor, and the merged member's
 * card code and login become aliases of the survivor (see {@link MemberRepository}).
 * <ul>
 * <li><b>Balance.</b> A pair of {@link LedgerKind#MERGE} entries: minus the merged member's balance on the merged member
 * (its ledger then sums to 0), plus the same on the survivor. The ledger stays append-only; the survivor's history
 * listing shows the merged member's entries beside its own.</li>
 * <li><b>Lots, debt.</b> The merged member's point lots move to the survivor as they are (earned, available and expiry
 * dates, what remains of each); its debt is added to the survivor's, and paid at once from the survivor's points.</li>
 * <li><b>Purchases, returns, redemptions, awards.</b> Re-pointed to the survivor, except a redemption whose idempotency
 * key the survivor used as well and a survey award for a wave the survivor was awarded too: those stay with the merged
 * member (their points moved with the balance all the same), since the keys are unique per member.</li>
 * <li><b>Qualifying spend and tier.</b> The survivor's rolling spend is recomputed over both members' purchases; its tier
 * becomes the highest of its own, the merged member's and the one the combined spend qualifies for (a merge never
 * downgrades).</li>
 * <li><b>Events and audit.</b> {@code MembersMerged} on member-events keyed by the survivor (and {@code TierChanged} if
 * the tier changed), an audit entry {@code MEMBERS_MERGED} with no personal data in it (the audit log cannot be
 * erased).</li>
 * </ul>
 * Both member rows are locked in the order of their ids, so two merges (or a merge and any write that locks a member)
 * never deadlock on them. A retried merge (the merged member already merged into this survivor) answers as the first
 * did and changes nothing; merging a member into itself is a 422, merging a merged or erased member (or into one) a 409.
 */
@ApplicationScoped
public class MemberMerge {

    /** Reference type of the MERGE ledger entries; the reference id is the other member's id. */
    public static final String REFERENCE_TYPE = "MEMBER_MERGE";

    private final MemberRepository members;
    private final MemberService memberService;
    private final TierService tiers;
    private final RollingSpend rollingSpend;
    private final OutboxWriter outbox;
    private final AuditLog audit;
    private final Counter merged;
    private final Ledger ledger;

    public MemberMerge(
            Ledger ledger,
            MemberRepository members,
            MemberService memberService,
            TierService tiers,
            RollingSpend rollingSpend,
            OutboxWriter outbox,
            AuditLog audit,
            MeterRegistry registry) {
        this.ledger = ledger;
        this.members = members;
        this.memberService = memberService;
        this.tiers = tiers;
        this.rollingSpend = rollingSpend;
        this.outbox = outbox;
        this.audit = audit;
        this.merged = Counter.builder("loyalty.points.members.merged")
                .description("members merged into another")
                .register(registry);
    }

    /**
     * @param mergedMemberId the member to merge into the survivor, or null when given by {@code cardCode}
     * @param cardCode       the card of the member to merge, or null when given by {@code mergedMemberId}
     * @param actor          token subject of the admin
     * @param reason         why (may be null)
     */
    public record MergeCommand(UUID survivorId, UUID mergedMemberId, String cardCode, String actor, String reason) {}

    /** The outcome, first or replayed. */
    public record MergeResult(
            MemberView survivor, UUID mergedMemberId, String mergedCardCode, long pointsMoved, boolean replayed) {}

    /** What the audit log keeps of a member around a merge: accounting figures and ids, no personal data. */
    record Snapshot(
            UUID id,
            String cardCode,
            long balance,
            long debt,
            String tier,
            long windowSpend,
            UUID mergedInto,
            List<UUID> membersMergedIn) {}

    @Transactional
    public MergeResult merge(MergeCommand command) {
        UUID survivorId = command.survivorId();
        if (!exists(survivorId)) {
            throw memberNotFound(survivorId);
        }
        UUID mergedId = mergedId(command);
        if (mergedId.equals(survivorId)) {
            throw Problems.unprocessable(
                    "merge-into-itself", "Cannot merge a member into itself", "member " + survivorId + " is the same");
        }
        if (survivorOf(mergedId).filter(survivorId::equals).isPresent()) {
            // a retry of a merge that is done: answered without taking any lock
            return replay(survivorId, mergedId);
        }
        // both rows in the order of their ids, whichever is the survivor
        Member first = lock(survivorId.compareTo(mergedId) < 0 ? survivorId : mergedId);
        Member second = lock(survivorId.compareTo(mergedId) < 0 ? mergedId : survivorId);
        Member survivor = first.id.equals(survivorId) ? first : second;
        Member merged = first.id.equals(survivorId) ? second : first;
        if (survivor.mergedInto != null) {
            throw Problems.conflict(
                    "member-merged",
                    "Member merged",
                    "member " + survivor.id + " was merged into member " + survivor.mergedInto
                            + "; merge into that one");
        }
        if (merged.mergedInto != null) {
            if (merged.mergedInto.equals(survivor.id)) {
                return replay(survivor.id, merged.id);
            }
            throw Problems.conflict(
                    "member-merged",
                    "Member merged",
                    "member " + merged.id + " was merged into member " + merged.mergedInto + " already");
        }
        for (Member m : List.of(survivor, merged)) {
            if (m.erasedAt != null) {
                throw Problems.conflict("member-erased", "Member erased", "member " + m.id + " was erased");
            }
        }
        Snapshot survivorBefore = snapshot(survivor);
        Snapshot mergedBefore = snapshot(merged);
        Instant now = Instant.now();

        long points = merged.balance;
        ledger.transferAll(merged, survivor, REFERENCE_TYPE, now);
        survivor.debt = Math.addExact(survivor.debt, merged.debt);
        merged.debt = 0;
        // the rows below refer to both members: the member rows go out first
        EntityManager em = members.getEntityManager();
        em.flush();
        moveRows(em, merged.id, survivor.id);
        survivor.paidPeriods |= merged.paidPeriods; // the periods moved with the other rows
        // One member's debt and the other's points: the debt is paid from the points at once (debt only ever stands
        // beside a zero balance, docs/points-accounting.md), with the lots now all the survivor's.
        long repay = Math.min(survivor.debt, survivor.balance);
        if (repay > 0) {
            survivor.debt -= repay;
            ledger.reverse(survivor, repay, Ledger.DEBT_REFERENCE, survivor.id.toString(), Ledger.DEBT_REPAID, null);
        }

        TierLadderView ladder = tiers.ladder();
        merged.windowSpend = 0;
        merged.windowMonths = ladder.windowMonths();
        merged.spendExpiresAt = null;
        merged.mergedInto = survivor.id;
        merged.mergedAt = now;
        // recomputed from the purchases of both, which are all the survivor's now
        survivor.windowMonths = null;
        long spend = rollingSpend.current(survivor, ladder, now);
        TierLadderView.Step before = ladder.step(survivor.tierCode);
        TierLadderView.Step after = Stream.of(before, ladder.step(merged.tierCode), ladder.qualifyingTier(spend))
                .max(Comparator.comparingInt(TierLadderView.Step::rank))
                .orElseThrow();
        survivor.tierCode = after.code();
        em.flush();

        String survivorKey = survivor.id.toString();
        outbox.write(
                Topics.MEMBER_EVENTS,
                EventTypes.MEMBERS_MERGED,
                MembersMerged.SCHEMA_VERSION,
                survivorKey,
                new MembersMerged(merged.id.toString(), merged.cardCode, survivor.balance, survivor.tierCode));
        if (!after.code().equals(before.code())) {
            outbox.write(
                    Topics.LOYALTY_TRANSACTIONS,
                    EventTypes.TIER_CHANGED,
                    TierChanged.SCHEMA_VERSION,
                    survivorKey,
                    new TierChanged(before.code(), after.code(), spend));
        }
        audit.record(
                command.actor(),
                AuditAction.MEMBERS_MERGED,
                "MEMBER",
                survivorKey,
                new Sides(survivorBefore, mergedBefore),
                new Sides(snapshot(survivor), snapshot(merged)),
                command.reason());
        this.merged.increment();
        return new MergeResult(memberService.view(survivor), merged.id, merged.cardCode, points, false);
    }

    /** The two members of a merge in the audit log. */
    record Sides(Snapshot survivor, Snapshot merged) {}

    /** Re-points what the merged member has to the survivor (see the class comment for what stays). */
    private static void moveRows(EntityManager em, UUID from, UUID to) {
        for (String statement : List.of(
                "update point_lot set member_id = :to where member_id = :from",
                "update purchase set member_id = :to where member_id = :from",
                "update purchase_return set member_id = :to where member_id = :from",
                "update community_award set member_id = :to where member_id = :from",
                "update redemption r set member_id = :to where member_id = :from and not exists (select 1 from "
                        + "redemption s where s.member_id = :to and s.idempotency_key = r.idempotency_key)",
                "update survey_award a set member_id = :to where member_id = :from and not exists (select 1 from "
                        + "survey_award s where s.member_id = :to and s.wave_id = a.wave_id)",
                // paid membership (docs/programs-membership-and-opt-ins.md): the periods paid move (the same person
                // paid them); the membership row moves unless the survivor has one, whose is then kept if it is paid
                // to the later end, else replaced by the merged member's
                "update membership_period set member_id = :to where member_id = :from",
                "delete from paid_membership s using paid_membership f where s.member_id = :to "
                        + "and f.member_id = :from and f.current_period_end > s.current_period_end",
                "delete from paid_membership f where f.member_id = :from and exists (select 1 from paid_membership s "
                        + "where s.member_id = :to)",
                "update paid_membership set member_id = :to where member_id = :from",
                // opt-ins: the survivor keeps theirs; the merged member's move only if the survivor has none; the
                // proof of every consent moves
                "delete from member_opt_in where member_id = :from and exists (select 1 from member_opt_in s "
                        + "where s.member_id = :to)",
                "update member_opt_in set member_id = :to where member_id = :from",
                "update opt_in_change set member_id = :to where member_id = :from",
                // action awards count toward the survivor's caps; a key both have (a birthday of the same year) stays
                "update action_award a set member_id = :to where member_id = :from and not exists (select 1 from "
                        + "action_award s where s.member_id = :to and s.action = a.action and s.award_key = a.award_key)",
                // merges are flattened: members merged into the merged one now stand for the survivor directly
                "update member set merged_into = :to where merged_into = :from")) {
            em.createNativeQuery(statement)
                    .setParameter("from", from)
                    .setParameter("to", to)
                    .executeUpdate();
        }
        // the survivor keeps its own RFM segment (metrics-service rescores the person); the merged one's is dropped
        em.createNativeQuery("delete from member_segment where member_id = :from")
                .setParameter("from", from)
                .executeUpdate();
    }

    private MergeResult replay(UUID survivorId, UUID mergedId) {
        Member survivor = members.findByIdOptional(survivorId).orElseThrow();
        Member merged = members.findByIdOptional(mergedId).orElseThrow();
        Number moved = (Number) members.getEntityManager()
                .createNativeQuery("select coalesce(sum(points), 0) from ledger_entry where member_id = :s "
                        + "and kind = 'MERGE' and reference_type = :type and reference_id = :m")
                .setParameter("s", survivorId)
                .setParameter("type", REFERENCE_TYPE)
                .setParameter("m", mergedId.toString())
                .getSingleResult();
        return new MergeResult(memberService.view(survivor), merged.id, merged.cardCode, moved.longValue(), true);
    }

    private UUID mergedId(MergeCommand command) {
        boolean byId = command.mergedMemberId() != null;
        boolean byCard = command.cardCode() != null && !command.cardCode().isBlank();
        if (byId == byCard) {
            throw Problems.badRequest(
                    "invalid-merge", "Invalid merge", "give exactly one of mergedMemberId or cardCode");
        }
        if (byId) {
            if (!exists(command.mergedMemberId())) {
                throw memberNotFound(command.mergedMemberId());
            }
            return command.mergedMemberId();
        }
        String card = command.cardCode().trim();
        List<UUID> ids = ScalarQueries.of(
                        members.getEntityManager(), "select id from member where card_code = :card", "id", UUID.class)
                .setParameter("card", card)
                .getResultList();
        return ids.stream()
                .findFirst()
                .orElseThrow(() -> Problems.notFound("unknown-card", "Unknown card", "no member has card " + card));
    }

    /** Whom a member was merged into, read without loading the row (a later lock must load it fresh). */
    private Optional<UUID> survivorOf(UUID id) {
        List<UUID> ids = ScalarQueries.of(
                        members.getEntityManager(),
                        "select merged_into from member where id = :id and merged_into is not null",
                        "merged_into",
                        UUID.class)
                .setParameter("id", id)
                .getResultList();
        return ids.stream().findFirst();
    }

    /** Whether the member row exists, read without loading it (a later lock must load it fresh). */
    private boolean exists(UUID id) {
        return !members.getEntityManager()
                .createNativeQuery("select 1 from member where id = :id")
                .setParameter("id", id)
                .getResultList()
                .isEmpty();
    }

    private Member lock(UUID id) {
        return members.lockRow(id).orElseThrow(() -> memberNotFound(id));
    }

    private static RuntimeException memberNotFound(UUID id) {
        return Problems.notFound("member-not-found", "Member not found", "no member with id " + id);
    }

    private Snapshot snapshot(Member m) {
        return new Snapshot(
                m.id, m.cardCode, m.balance, m.debt, m.tierCode, m.windowSpend, m.mergedInto, members.mergedInto(m.id));
    }
}
