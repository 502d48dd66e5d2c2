package com.example.loyalty.points.service;

import com.example.loyalty.common.web.Problems;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.MembershipChanged;
import com.example.loyalty.events.Topics;
import com.example.loyalty.messaging.outbox.OutboxWriter;
import com.example.loyalty.points.config.PointsConfig;
import com.example.loyalty.points.domain.AuditAction;
import com.example.loyalty.points.domain.AuditTarget;
import com.example.loyalty.points.domain.Member;
import com.example.loyalty.points.domain.MembershipPlan;
import com.example.loyalty.points.domain.PaidMembership;
import com.example.loyalty.points.domain.PaidMembership.Status;
import com.example.loyalty.points.repository.MemberRepository;
import com.example.loyalty.points.repository.MembershipPlanRepository;
import com.example.loyalty.points.repository.PaidMembershipRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Members' paid memberships: a fee-based tier with its own multiplier and perks, paid per month or year.
 * <ul>
 * <li><b>Start, renew, cancel</b>, recorded by staff, an admin or the payment provider's signed webhook. A start or
 * renewal names its payment: the payment id is unique, so a retried call is a replay (200, {@code replayed}) and the
 * same id for another member or another kind of call a 409. Each paid period is kept ({@code membership_period}) with
 * the multiplier it was paid at.</li>
 * <li><b>Status</b> is computed from the paid period's end when read: ACTIVE, CANCELLED (cancelled, still paid to the
 * period end) or LAPSED from the period end on. No job is needed for it to be exact.</li>
 * <li><b>Lapse.</b> The lapse job ({@link #lapseDue}) announces every membership whose period ended, once:
 * {@code MembershipChanged LAPSED} (and sets {@code ended_at}). A start or renewal of a lapsed membership whose lapse
 * the job has not announced yet announces it first, so consumers always see a membership end before it restarts.</li>
 * <li><b>Events.</b> {@code MembershipChanged} on loyalty-transactions, keyed by the member id, through the outbox, in
 * the transaction of the change; an audit entry MEMBERSHIP_CHANGED for every start, renewal and cancellation.</li>
 * </ul>
 * The member row is locked for every change (so two calls for one member run one after the other), then the membership
 * row; the lapse job locks only membership rows, skipping locked ones, so it never deadlocks with a change.
 */
@ApplicationScoped
public class PaidMemberships {

    private static final Logger LOG = Logger.getLogger(PaidMemberships.class);

    /** The actor the audit log names for changes the payment provider's webhook made. */
    public static final String WEBHOOK_ACTOR = "payment-webhook";

    /** Memberships the lapse job handles per transaction. */
    static final int LAPSE_BATCH = 200;

    private final MemberRepository members;
    private final MembershipPlanRepository plans;
    private final PaidMembershipRepository memberships;
    private final OutboxWriter outbox;
    private final AuditLog audit;
    private final PointsConfig config;
    private final MeterRegistry registry;

    public PaidMemberships(
            MemberRepository members,
            MembershipPlanRepository plans,
            PaidMembershipRepository memberships,
            OutboxWriter outbox,
            AuditLog audit,
            PointsConfig config,
            MeterRegistry registry) {
        this.members = members;
        this.plans = plans;
        this.memberships = memberships;
        this.outbox = outbox;
        this.audit = audit;
        this.config = config;
        this.registry = registry;
    }

    /** The membership that covered an instant: what a purchase at that instant earns by. */
    public record ActiveMembership(
            String planCode, String planName, BigDecimal multiplier, Instant periodStart, Instant periodEnd) {}

    /**
     * The member's paid membership at {@code at}, if a paid period covered it (a cancelled membership is covered to
     * the end of its period): the plan's code and name, and the multiplier the period was paid at. For the earning
     * rules: a purchase at {@code at} earns this multiplier on top. Runs in the caller's transaction if there is one.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ActiveMembership> activeAt(Member member, Instant at) {
        if (!member.paidPeriods) {
            return Optional.empty(); // what every earn asks: nothing to ask of a member who never paid a period
        }
        return memberships
                .covering(member.id, at)
                .map(c -> new ActiveMembership(c.planCode(), c.planName(), c.multiplier(), c.start(), c.end()));
    }

    /** A start or renewal as asked for; {@code plan} may be null for a renewal (the current plan). */
    public record Payment(String plan, String paymentId, Instant periodEnd) {}

    /** A membership as the API shows it; {@code replayed} true when the call was a replay. */
    public record MembershipView(
            UUID memberId,
            Status status,
            MembershipPlanService.PlanView plan,
            Instant startedAt,
            Instant currentPeriodStart,
            Instant currentPeriodEnd,
            Instant cancelledAt,
            boolean replayed) {}

    /** What the audit log keeps of a membership around a change: no personal data. */
    record Snapshot(String status, String plan, Instant startedAt, Instant periodEnd, Instant cancelledAt) {}

    @Transactional(Transactional.TxType.SUPPORTS)
    public MembershipView view(UUID memberId) {
        Member member = members.findLive(memberId).orElseThrow(() -> memberNotFound(memberId));
        return viewOf(member.id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MembershipView viewOfSubject(String subject) {
        Member member = members.findBySubject(subject)
                .orElseThrow(() -> Problems.notFound("member-not-found", "Member not found", "not enrolled"));
        return viewOf(member.id);
    }

    private MembershipView viewOf(UUID memberId) {
        PaidMembership m = memberships.findByIdOptional(memberId).orElseThrow(() -> noMembership(memberId));
        return view(m, false);
    }

    /**
     * Starts a membership on {@code payment.plan()}: a new one, or a restart of a lapsed one.
     *
     * @throws io.quarkiverse.resteasy.problem.HttpProblem 404 unknown member; 409 a membership running (renew it), the
     *     payment id used for something else; 422 unknown or retired plan, a bad period end
     */
    @Transactional
    public MembershipView start(UUID memberId, Payment payment, String actor) {
        Member member = lock(memberId);
        Optional<MembershipView> replay = replay(member, payment.paymentId(), "START");
        if (replay.isPresent()) {
            return replay.get();
        }
        MembershipPlan plan = plan(payment.plan(), true);
        Instant now = now();
        Optional<PaidMembership> existing = memberships.lockByMember(member.id);
        if (existing.isPresent() && existing.get().statusAt(now) != Status.LAPSED) {
            throw Problems.conflict(
                    "membership-running",
                    "Membership running",
                    "member " + member.id + " has a paid membership until " + existing.get().currentPeriodEnd
                            + "; renew it instead");
        }
        Snapshot before = existing.map(m -> snapshot(m, now)).orElse(null);
        PaidMembership m = restart(member, existing, plan, payment, now, actor, "START");
        publish(m, plan, MembershipChanged.STARTED, payment.paymentId(), now);
        audit(actor, member.id, before, m, now, "membership started");
        registry.counter("loyalty.points.memberships", "change", "started").increment();
        return view(m, false);
    }

    /**
     * Renews a membership for one more period: a running one (also a cancelled one: the renewal withdraws the
     * cancellation) continues from its period end; a lapsed one restarts now.
     *
     * @throws io.quarkiverse.resteasy.problem.HttpProblem 404 unknown member or no membership; 409 payment id used for
     *     something else; 422 unknown or retired plan, a period end that does not extend the membership
     */
    @Transactional
    public MembershipView renew(UUID memberId, Payment payment, String actor) {
        Member member = lock(memberId);
        Optional<MembershipView> replay = replay(member, payment.paymentId(), "RENEW");
        if (replay.isPresent()) {
            return replay.get();
        }
        Instant now = now();
        PaidMembership m = memberships.lockByMember(member.id).orElseThrow(() -> noMembership(member.id));
        MembershipPlan plan = payment.plan() == null
                ? plans.findByIdOptional(m.planId).orElseThrow()
                : plan(payment.plan(), !plansEqual(payment.plan(), m.planId));
        Snapshot before = snapshot(m, now);
        if (m.statusAt(now) == Status.LAPSED) {
            restart(member, Optional.of(m), plan, payment, now, actor, "RENEW");
        } else {
            Instant start = m.currentPeriodEnd;
            Instant end = periodEnd(plan, start, payment.periodEnd());
            recordPeriod(member, plan, payment.paymentId(), "RENEW", start, end, now, actor);
            m.planId = plan.id;
            m.currentPeriodStart = start;
            m.currentPeriodEnd = end;
            m.cancelledAt = null;
            m.cancelReason = null;
            m.updatedAt = now;
        }
        publish(m, plan, MembershipChanged.RENEWED, payment.paymentId(), now);
        audit(actor, member.id, before, m, now, "membership renewed");
        registry.counter("loyalty.points.memberships", "change", "renewed").increment();
        return view(m, false);
    }

    /**
     * Cancels a running membership: it stays paid, and the member a paying member, to its period end, then lapses.
     * Cancelling a cancelled membership answers it again ({@code replayed}).
     *
     * @throws io.quarkiverse.resteasy.problem.HttpProblem 404 unknown member or no membership; 409 lapsed already
     */
    @Transactional
    public MembershipView cancel(UUID memberId, String reason, String actor) {
        Member member = lock(memberId);
        Instant now = now();
        PaidMembership m = memberships.lockByMember(member.id).orElseThrow(() -> noMembership(member.id));
        Status status = m.statusAt(now);
        if (status == Status.CANCELLED) {
            return view(m, true);
        }
        if (status == Status.LAPSED) {
            throw Problems.conflict(
                    "membership-lapsed",
                    "Membership lapsed",
                    "the paid membership of member " + member.id + " lapsed at " + m.currentPeriodEnd);
        }
        Snapshot before = snapshot(m, now);
        m.cancelledAt = now;
        m.cancelReason = reason;
        m.updatedAt = now;
        MembershipPlan plan = plans.findByIdOptional(m.planId).orElseThrow();
        publish(m, plan, MembershipChanged.CANCELLED, null, now);
        audit(actor, member.id, before, m, now, reason == null ? "membership cancelled" : reason);
        registry.counter("loyalty.points.memberships", "change", "cancelled").increment();
        return view(m, false);
    }

    @Scheduled(
            identity = "membership-lapse",
            cron = "${points.memberships.lapse-schedule:0 */5 * * * ?}",
            timeZone = "${points.zone:Asia/Tokyo}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int n = lapseDue(Instant.now());
        if (n > 0) {
            LOG.infof("%d paid memberships lapsed", n);
        }
    }

    /**
     * Announces every membership whose paid period ended by {@code now} and whose end was not announced yet: one
     * {@code MembershipChanged LAPSED} each (dated at the period end), once. A batch per transaction; rows another
     * instance (or a renewal) holds are skipped and left to the next run. Returns how many lapsed.
     */
    public int lapseDue(Instant now) {
        int total = 0;
        while (true) {
            int done = QuarkusTransaction.requiringNew().call(() -> {
                List<UUID> due = memberships.lockDue(now, LAPSE_BATCH);
                for (UUID id : due) {
                    PaidMembership m = memberships.findById(id);
                    announceLapse(m, now);
                }
                return due.size();
            });
            total += done;
            if (done < LAPSE_BATCH) {
                return total;
            }
        }
    }

    private void announceLapse(PaidMembership m, Instant now) {
        MembershipPlan plan = plans.findByIdOptional(m.planId).orElseThrow();
        m.endedAt = now;
        m.updatedAt = now;
        outbox.write(
                Topics.LOYALTY_TRANSACTIONS,
                EventTypes.MEMBERSHIP_CHANGED,
                MembershipChanged.SCHEMA_VERSION,
                m.memberId.toString(),
                new MembershipChanged(
                        MembershipChanged.LAPSED,
                        plan.code,
                        plan.price,
                        plan.currency,
                        plan.period,
                        m.startedAt,
                        m.currentPeriodStart,
                        m.currentPeriodEnd,
                        null,
                        m.cancelledAt != null,
                        m.currentPeriodEnd));
        registry.counter("loyalty.points.memberships", "change", "lapsed").increment();
    }

    /** A new membership, or a lapsed one started over (its lapse announced first if the job has not yet). */
    private PaidMembership restart(
            Member member,
            Optional<PaidMembership> existing,
            MembershipPlan plan,
            Payment payment,
            Instant now,
            String actor,
            String kind) {
        Instant end = periodEnd(plan, now, payment.periodEnd());
        recordPeriod(member, plan, payment.paymentId(), kind, now, end, now, actor);
        PaidMembership m;
        if (existing.isPresent()) {
            m = existing.get();
            if (m.endedAt == null) {
                announceLapse(m, now);
            }
        } else {
            m = new PaidMembership();
            m.memberId = member.id;
        }
        m.planId = plan.id;
        m.startedAt = now;
        m.currentPeriodStart = now;
        m.currentPeriodEnd = end;
        m.cancelledAt = null;
        m.cancelReason = null;
        m.endedAt = null;
        m.updatedAt = now;
        if (existing.isEmpty()) {
            memberships.persist(m);
        }
        memberships.getEntityManager().flush();
        return m;
    }

    private void recordPeriod(
            Member member,
            MembershipPlan plan,
            String paymentId,
            String kind,
            Instant start,
            Instant end,
            Instant now,
            String actor) {
        if (!memberships.insertPeriod(member.id, plan.id, paymentId, kind, plan.multiplier, start, end, now, actor)) {
            // another member's start or renewal took the payment id a moment ago
            throw paymentIdReused(paymentId);
        }
        member.paidPeriods = true;
    }

    /**
     * The end of a period starting at {@code start}: the one given (the payment provider's), after the start and at
     * most two of the plan's periods later; by default one period later (calendar months and years in the program's
     * zone: from 31 January, one month is the end of February).
     */
    Instant periodEnd(MembershipPlan plan, Instant start, Instant given) {
        ZonedDateTime from = start.atZone(config.zone());
        Instant one = ("YEAR".equals(plan.period) ? from.plusYears(1) : from.plusMonths(1)).toInstant();
        if (given == null) {
            return one;
        }
        if (!given.isAfter(start)) {
            throw Problems.unprocessable(
                    "invalid-period-end",
                    "Invalid period end",
                    "periodEnd " + given + " must be after the period's start " + start);
        }
        Instant max = ("YEAR".equals(plan.period) ? from.plusYears(2) : from.plusMonths(2)).toInstant();
        if (given.isAfter(max)) {
            throw Problems.unprocessable(
                    "invalid-period-end",
                    "Invalid period end",
                    "periodEnd " + given + " is more than two periods (" + plan.period + ") after " + start);
        }
        return given;
    }

    private Optional<MembershipView> replay(Member member, String paymentId, String kind) {
        return memberships.periodByPayment(paymentId).map(p -> {
            if (!p.memberId().equals(member.id) || !p.kind().equals(kind)) {
                throw paymentIdReused(paymentId);
            }
            PaidMembership m = memberships.findByIdOptional(member.id).orElseThrow();
            return view(m, true);
        });
    }

    private boolean plansEqual(String code, UUID planId) {
        return plans.findByCode(code).map(p -> p.id.equals(planId)).orElse(false);
    }

    /** The plan with this code; a retired one only for a renewal that keeps it. */
    private MembershipPlan plan(String code, boolean mustBeActive) {
        if (code == null || code.isBlank()) {
            throw Problems.unprocessable("unknown-plan", "Unknown membership plan", "plan is required");
        }
        MembershipPlan plan = plans.findByCode(code.strip())
                .orElseThrow(() -> Problems.unprocessable(
                        "unknown-plan", "Unknown membership plan", "no membership plan has the code " + code));
        if (mustBeActive && !plan.active()) {
            throw Problems.unprocessable(
                    "plan-retired", "Membership plan retired", "plan " + plan.code + " takes no new members");
        }
        return plan;
    }

    private Member lock(UUID memberId) {
        Member member = members.lockById(memberId).orElseThrow(() -> memberNotFound(memberId));
        if (member.erasedAt != null) {
            throw memberNotFound(memberId);
        }
        return member;
    }

    private void publish(PaidMembership m, MembershipPlan plan, String change, String paymentId, Instant now) {
        outbox.write(
                Topics.LOYALTY_TRANSACTIONS,
                EventTypes.MEMBERSHIP_CHANGED,
                MembershipChanged.SCHEMA_VERSION,
                m.memberId.toString(),
                new MembershipChanged(
                        change,
                        plan.code,
                        plan.price,
                        plan.currency,
                        plan.period,
                        m.startedAt,
                        m.currentPeriodStart,
                        m.currentPeriodEnd,
                        paymentId,
                        m.cancelledAt != null,
                        now));
    }

    private void audit(String actor, UUID memberId, Snapshot before, PaidMembership m, Instant now, String reason) {
        audit.record(
                actor,
                AuditAction.MEMBERSHIP_CHANGED,
                AuditTarget.MEMBER,
                memberId.toString(),
                before,
                snapshot(m, now),
                reason);
    }

    private Snapshot snapshot(PaidMembership m, Instant now) {
        String plan = plans.findByIdOptional(m.planId).map(p -> p.code).orElse(null);
        return new Snapshot(m.statusAt(now).name(), plan, m.startedAt, m.currentPeriodEnd, m.cancelledAt);
    }

    private MembershipView view(PaidMembership m, boolean replayed) {
        MembershipPlan plan = plans.findByIdOptional(m.planId).orElseThrow();
        return new MembershipView(
                m.memberId,
                m.statusAt(Instant.now()),
                MembershipPlanService.PlanView.of(plan),
                m.startedAt,
                m.currentPeriodStart,
                m.currentPeriodEnd,
                m.cancelledAt,
                replayed);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static RuntimeException memberNotFound(UUID id) {
        return Problems.notFound("member-not-found", "Member not found", "no member with id " + id);
    }

    private static RuntimeException noMembership(UUID id) {
        return Problems.notFound("no-membership", "No paid membership", "member " + id + " has no paid membership");
    }

    private static RuntimeException paymentIdReused(String paymentId) {
        return Problems.conflict(
                "payment-id-reused",
                "Payment id already used",
                "payment " + paymentId + " paid for another membership start or renewal");
    }
}
