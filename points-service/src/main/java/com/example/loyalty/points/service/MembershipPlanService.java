package com.example.loyalty.points.service;

import com.example.loyalty.common.persistence.Transactions;
import com.example.loyalty.common.web.Problems;
import com.example.loyalty.points.domain.AuditAction;
import com.example.loyalty.points.domain.AuditTarget;
import com.example.loyalty.points.domain.MembershipPlan;
import com.example.loyalty.points.repository.MembershipPlanRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The paid-membership plans marketers and admins manage; every change is recorded in the audit log in the transaction
 * of the change (MEMBERSHIP_PLAN_CREATED, _CHANGED, _RETIRED). A plan's code never changes (staff and the payment
 * provider name plans by it). A new price or multiplier applies to periods paid from then on: a period paid before
 * keeps the multiplier it was paid at.
 */
@ApplicationScoped
public class MembershipPlanService {

    /** Most a multiplier may be. */
    public static final BigDecimal MAX_MULTIPLIER = BigDecimal.TEN;

    private final MembershipPlanRepository plans;
    private final AuditLog audit;

    public MembershipPlanService(MembershipPlanRepository plans, AuditLog audit) {
        this.plans = plans;
        this.audit = audit;
    }

    /** A plan as a marketer describes it; {@code active} null: unchanged (active for a new plan). */
    public record Definition(
            String code,
            String name,
            long price,
            String currency,
            String period,
            BigDecimal multiplier,
            List<String> perks,
            Boolean active) {}

    /** A plan as the API shows it. */
    public record PlanView(
            UUID id,
            String code,
            String name,
            long price,
            String currency,
            String period,
            BigDecimal multiplier,
            List<String> perks,
            boolean active,
            Instant retiredAt,
            Instant createdAt,
            Instant updatedAt,
            String updatedBy) {

        public static PlanView of(MembershipPlan p) {
            return new PlanView(
                    p.id,
                    p.code,
                    p.name,
                    p.price,
                    p.currency,
                    p.period,
                    p.multiplier,
                    List.copyOf(p.perks),
                    p.active(),
                    p.retiredAt,
                    p.createdAt,
                    p.updatedAt,
                    p.updatedBy);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PlanView> catalogue(boolean withRetired) {
        return plans.catalogue(withRetired).stream().map(PlanView::of).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PlanView get(UUID id, boolean withRetired) {
        return plans.findByIdOptional(id)
                .filter(p -> withRetired || p.active())
                .map(PlanView::of)
                .orElseThrow(() -> notFound(id));
    }

    @Transactional
    public PlanView create(Definition d, String actor) {
        validate(d);
        if (Boolean.FALSE.equals(d.active())) {
            throw invalid("a new plan is active; retire it with a PUT");
        }
        String code = d.code().strip().toUpperCase(Locale.ROOT);
        if (plans.findByCode(code).isPresent()) {
            throw codeTaken(code);
        }
        Instant now = Instant.now();
        MembershipPlan plan = new MembershipPlan();
        plan.id = UUID.randomUUID();
        plan.code = code;
        apply(plan, d, now);
        plan.createdAt = now;
        plan.createdBy = actor;
        plan.updatedAt = now;
        plan.updatedBy = actor;
        plans.persist(plan);
        Transactions.flushOrThrow(plans.getEntityManager(), () -> codeTaken(code));
        PlanView after = PlanView.of(plan);
        audit.record(
                actor,
                AuditAction.MEMBERSHIP_PLAN_CREATED,
                AuditTarget.MEMBERSHIP_PLAN,
                plan.id.toString(),
                null,
                after,
                null);
        return after;
    }

    /**
     * Replaces a plan's fields (not its code); {@code active: false} retires it (no new memberships on it), true
     * brings it back. A PUT that changes nothing records nothing.
     */
    @Transactional
    public PlanView update(UUID id, Definition d, String actor) {
        validate(d);
        MembershipPlan plan = plans.lockById(id).orElseThrow(() -> notFound(id));
        if (!plan.code.equalsIgnoreCase(d.code().strip())) {
            throw invalid("a plan's code never changes (it is " + plan.code + "); create another plan");
        }
        PlanView before = PlanView.of(plan);
        boolean retire = plan.active() && Boolean.FALSE.equals(d.active());
        Instant now = Instant.now();
        apply(plan, d, now);
        PlanView changed = PlanView.of(plan);
        if (sameContent(before, changed)) {
            return before;
        }
        plan.updatedAt = now;
        plan.updatedBy = actor;
        plans.getEntityManager().flush();
        PlanView after = PlanView.of(plan);
        audit.record(
                actor,
                retire ? AuditAction.MEMBERSHIP_PLAN_RETIRED : AuditAction.MEMBERSHIP_PLAN_CHANGED,
                AuditTarget.MEMBERSHIP_PLAN,
                id.toString(),
                before,
                after,
                null);
        return after;
    }

    private static void apply(MembershipPlan plan, Definition d, Instant now) {
        plan.name = d.name().strip();
        plan.price = d.price();
        plan.currency = d.currency().toUpperCase(Locale.ROOT);
        plan.period = d.period().toUpperCase(Locale.ROOT);
        plan.multiplier = d.multiplier().setScale(3);
        plan.perks = d.perks() == null
                ? List.of()
                : d.perks().stream().map(String::strip).toList();
        if (d.active() != null && d.active() != plan.active()) {
            plan.retiredAt = d.active() ? null : now;
        }
    }

    private static boolean sameContent(PlanView a, PlanView b) {
        return a.name().equals(b.name())
                && a.price() == b.price()
                && a.currency().equals(b.currency())
                && a.period().equals(b.period())
                && a.multiplier().compareTo(b.multiplier()) == 0
                && a.perks().equals(b.perks())
                && a.active() == b.active();
    }

    /** What Bean Validation cannot say: a known currency, a multiplier in (0, 10] with three decimals at most. */
    static void validate(Definition d) {
        try {
            Currency.getInstance(d.currency().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("currency " + d.currency() + " is not an ISO 4217 currency");
        }
        BigDecimal m = d.multiplier();
        if (m.signum() <= 0 || m.compareTo(MAX_MULTIPLIER) > 0) {
            throw invalid("multiplier must be above 0 and at most 10, was " + m.toPlainString());
        }
        if (m.stripTrailingZeros().scale() > 3) {
            throw invalid("multiplier has at most 3 decimals, was " + m.toPlainString());
        }
        if (d.price() <= 0) {
            throw invalid("price must be above 0 (minor units of the currency)");
        }
    }

    static RuntimeException notFound(UUID id) {
        return Problems.notFound(
                "membership-plan-not-found", "Membership plan not found", "no membership plan with id " + id);
    }

    private static RuntimeException codeTaken(String code) {
        return Problems.conflict(
                "membership-plan-code-taken", "Membership plan code taken", "another plan has the code " + code);
    }

    private static RuntimeException invalid(String detail) {
        return Problems.unprocessable("invalid-membership-plan", "Invalid membership plan", detail);
    }
}
