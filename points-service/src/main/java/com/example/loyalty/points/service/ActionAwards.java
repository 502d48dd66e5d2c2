package com.example.loyalty.points.service;

import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.PointsAwarded;
import com.example.loyalty.events.Topics;
import com.example.loyalty.messaging.outbox.OutboxWriter;
import com.example.loyalty.points.config.PointsConfig;
import com.example.loyalty.points.domain.LedgerKind;
import com.example.loyalty.points.domain.Member;
import com.example.loyalty.points.domain.PointAction;
import com.example.loyalty.points.repository.ActionAwardRepository;
import com.example.loyalty.points.repository.ActionRuleRepository.Version;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Awards of the actions that earn fixed points (docs/action-points.md). An action happening at t earns the points of
 * the rule version valid at t ({@link ActionRules}), then the caps per member and action of the calendar day, month and
 * year of t (in {@code points.zone}) take what they do not leave room for: the award is recorded with what was left,
 * possibly 0 ({@code action_award}, which the caps count; a revoked award still counts). Every method runs in the
 * caller's transaction with the member row locked by the caller, so the caps hold under concurrent awards.
 */
@ApplicationScoped
public class ActionAwards {

    private final ActionRules rules;
    private final ActionAwardRepository awards;
    private final Ledger ledger;
    private final OutboxWriter outbox;
    private final PointsConfig config;
    private final MeterRegistry registry;

    public ActionAwards(
            ActionRules rules,
            ActionAwardRepository awards,
            Ledger ledger,
            OutboxWriter outbox,
            PointsConfig config,
            MeterRegistry registry) {
        this.rules = rules;
        this.awards = awards;
        this.ledger = ledger;
        this.outbox = outbox;
        this.config = config;
        this.registry = registry;
    }

    /**
     * What an action of the member at {@code occurredAt} earns: {@code due} by the rule version valid then
     * ({@code ruleVersionId}, null when none is: 0 points), {@code credited} after the caps.
     */
    public record Quote(
            PointAction action, Instant occurredAt, LocalDate day, long due, long credited, UUID ruleVersionId) {

        public boolean capped() {
            return credited < due;
        }
    }

    /** How an award went. */
    public enum Outcome {
        /** Credited in full. */
        AWARDED,
        /** Recorded with less than its points, possibly 0: a cap was reached. */
        CAPPED,
        /** Recorded with no points: the rule valid then gives none. */
        NO_POINTS,
        /** The member has an award of the action under this key already: nothing done. */
        ALREADY_AWARDED
    }

    /** The result of {@link #award}. */
    public record Result(Outcome outcome, Quote quote) {}

    /** The quote of an action at {@code occurredAt} (never later than now) for the locked member; records nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Quote quote(Member member, PointAction action, Instant occurredAt) {
        Instant now = Instant.now();
        Instant at = (occurredAt == null || occurredAt.isAfter(now) ? now : occurredAt).truncatedTo(ChronoUnit.MICROS);
        LocalDate day = LocalDate.ofInstant(at, config.zone());
        Optional<Version> version = rules.at(action, at);
        long due = version.map(Version::points).orElse(0L);
        if (due == 0) {
            return new Quote(action, at, day, 0, 0, version.map(Version::id).orElse(null));
        }
        Version v = version.get();
        // one statement for all of the rule's caps: what the day, its month and its year credited (the periods nest)
        boolean monthly = v.monthlyCap() != null;
        boolean yearly = v.yearlyCap() != null;
        ActionAwardRepository.Credited sums = v.dailyCap() == null && !monthly && !yearly
                ? new ActionAwardRepository.Credited(0, 0, 0)
                : awards.credited(member.id, action, day, monthly, yearly);
        long credited = capped(due, v.dailyCap(), sums.day(), v.monthlyCap(), sums.month(), v.yearlyCap(), sums.year());
        return new Quote(action, at, day, due, credited, v.id());
    }

    /**
     * What of {@code due} the caps leave room for: the least of what each cap (null: none) has left after what the
     * member was credited in its period, never below 0.
     */
    static long capped(
            long due,
            Long dailyCap,
            long dayCredited,
            Long monthlyCap,
            long monthCredited,
            Long yearlyCap,
            long yearCredited) {
        long room = due;
        if (dailyCap != null) {
            room = Math.min(room, dailyCap - dayCredited);
        }
        if (monthlyCap != null) {
            room = Math.min(room, monthlyCap - monthCredited);
        }
        if (yearlyCap != null) {
            room = Math.min(room, yearlyCap - yearCredited);
        }
        return Math.max(0, room);
    }

    /** Records the quoted award under {@code key}; false when the member has one for the action and key already. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean record(Member member, Quote q, String key) {
        return awards.insert(new ActionAwardRepository.Award(
                member.id,
                q.action(),
                key,
                q.occurredAt(),
                q.day(),
                q.due(),
                q.credited(),
                q.ruleVersionId(),
                Instant.now()));
    }

    /**
     * Credits what the quote credits (nothing for 0): a ledger {@code EARN} entry through {@link Ledger#credit}, and a
     * {@code PointsAwarded} event through the outbox.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void credit(Member member, Quote q, String referenceType, String referenceId, String reason) {
        if (q.credited() <= 0) {
            return;
        }
        ledger.credit(member, LedgerKind.EARN, q.credited(), referenceType, referenceId, reason, Ledger.Hold.NONE);
        outbox.write(
                Topics.LOYALTY_TRANSACTIONS,
                EventTypes.POINTS_AWARDED,
                PointsAwarded.SCHEMA_VERSION,
                member.id.toString(),
                new PointsAwarded(q.credited(), referenceType, referenceId, reason, member.balance));
        registry.counter("loyalty.points.awarded", "reason", q.action().name().toLowerCase(Locale.ROOT))
                .increment(q.credited());
    }

    /**
     * Quotes, records under {@code key} and credits an action of the locked member in one go (birthday, referral).
     *
     * @param label what the member's ledger says, e.g. "birthday"; a capped award adds "(capped: n of m)"
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Result award(
            Member member,
            PointAction action,
            String key,
            Instant occurredAt,
            String referenceType,
            String referenceId,
            String label) {
        Quote q = quote(member, action, occurredAt);
        if (!record(member, q, key)) {
            return new Result(Outcome.ALREADY_AWARDED, q);
        }
        credit(member, q, referenceType, referenceId, reason(label, q));
        return new Result(outcome(q), q);
    }

    /** The ledger reason: the label, and "(capped: n of m)" when a cap took some. */
    public static String reason(String label, Quote q) {
        return label + (q.capped() ? " (capped: " + q.credited() + " of " + q.due() + ")" : "");
    }

    public static Outcome outcome(Quote q) {
        return q.due() == 0 ? Outcome.NO_POINTS : q.capped() ? Outcome.CAPPED : Outcome.AWARDED;
    }
}
