package com.example.loyalty.points.service;

import com.example.loyalty.points.config.PointsConfig;
import com.example.loyalty.points.domain.LedgerEntry;
import com.example.loyalty.points.domain.LedgerKind;
import com.example.loyalty.points.domain.LotConsumption;
import com.example.loyalty.points.domain.Member;
import com.example.loyalty.points.domain.PointLot;
import com.example.loyalty.points.repository.LedgerRepository;
import com.example.loyalty.points.repository.LotConsumptionRepository;
import com.example.loyalty.points.repository.LotRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The only place a balance changes. Every method appends ledger entries and moves the member's balance by the same
 * amount, in the caller's transaction, with the member row already locked by the caller (every lot and the debt are
 * changed under that lock too). Rules (docs/points-accounting.md):
 * <ul>
 * <li><b>Lots.</b> Every credit forms a lot: its points, when they become spendable ({@code available_at}; a purchase's
 * are pending for {@code points.lots.pending-days}) and when they expire ({@code points.expiry.*}). The balance is
 * always the sum of what is left of the member's lots; what is left of the pending ones is {@link #pending}, the rest is
 * {@link #available}.</li>
 * <li><b>Debits</b> ({@link #debit}) take available points only, from the soonest-expiring lot first (never-expiring
 * last, then the oldest), and record what they took from each lot ({@code lot_consumption}), so that
 * {@link #restore undoing one} gives back the very same lots. A debit beyond what is available fails loudly.</li>
 * <li><b>Reversals</b> ({@link #reverse}: a return, a revoked award) take the points of the credit they undo, wherever
 * they are: that credit's own lot first (pending or not), then available lots as a debit does, then pending ones; what
 * the balance cannot give any more (spent) becomes the member's debt. The balance never goes below zero.</li>
 * <li><b>Debt</b> is paid first by every later credit: the credit's entry, then a {@code REVERSE} "debt repaid" entry
 * taking the debt (or as much of it as the credit brought) from the credit's lot. A member with debt has a zero
 * balance.</li>
 * <li><b>Expiry</b> ({@link #expire}) takes what is left of the lots whose date has come, in one {@code EXPIRE}
 * entry.</li>
 * </ul>
 * Every entry is counted, when its transaction commits, in {@code loyalty.points.ledger} (points moved, by
 * {@code kind} and {@code direction} credit or debit; Prometheus {@code loyalty_points_ledger_total}): the earn rate
 * is its {@code kind="earn"} series. All series exist from the start, at 0.
 */
@Startup // created at start so that its counters are there, at 0, from the first scrape
@ApplicationScoped
public class Ledger {

    /** Reference type of an entry that repays debt; its reference is the id of the credit entry that paid. */
    public static final String DEBT_REFERENCE = "DEBT";

    public static final String DEBT_REPAID = "debt repaid";
    /** Reference type of an expiry entry; its reference is the id of the expiry run. */
    public static final String EXPIRY_REFERENCE = "EXPIRY";

    /** Lots read at a time while a debit collects its points. */
    static final int LOT_PAGE = 100;

    /** Whether a credit is held before it can be spent. */
    public enum Hold {
        /** Spendable at once: awards, adjustments. */
        NONE,
        /** Pending for the return window ({@code points.lots.pending-days}): a purchase's points. */
        RETURN_WINDOW
    }

    /** A credit: its entry, its lot, and how much of it went to pay the member's debt. */
    public record Credit(LedgerEntry entry, PointLot lot, long debtRepaid) {}

    /**
     * A reversal: the entry taking points back (null when the balance had none to give), the points taken back and the
     * shortfall added to the member's debt; {@code taken + shortfall} is what was to be reversed.
     */
    public record Reversal(LedgerEntry entry, long taken, long shortfall) {}

    /** An expiry: its entry, the points and lots expired, and the latest expiry date among those lots. */
    public record Expiry(LedgerEntry entry, long points, int lots, Instant expiredAt) {}

    /** A member's points: the balance is {@code available + pending}; debt is owed (and then the balance is 0). */
    public record Balances(long balance, long available, long pending, long debt) {}

    /** A debit asked for more points than the member has available. Nothing was changed. */
    public static final class InsufficientPointsException extends IllegalStateException {
        private final long requested;
        private final long available;

        public InsufficientPointsException(UUID memberId, long requested, long available) {
            super("member " + memberId + " has " + available + " points available, a debit needs " + requested);
            this.requested = requested;
            this.available = available;
        }

        public long requested() {
            return requested;
        }

        public long available() {
            return available;
        }
    }

    private final LedgerRepository entries;
    private final LotRepository lots;
    private final LotConsumptionRepository consumptions;
    private final ExpiryPolicy expiryPolicy;
    private final Duration returnWindow;
    private final Counter debtIncurred;
    private final Counter debtRepaid;
    /** Points moved by committed entries: [kind][0] credits, [kind][1] debits. */
    private final Counter[][] moved = new Counter[LedgerKind.values().length][2];

    private final TransactionSynchronizationRegistry transactions;

    public Ledger(
            LedgerRepository entries,
            LotRepository lots,
            LotConsumptionRepository consumptions,
            PointsConfig config,
            MeterRegistry registry,
            TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
        this.entries = entries;
        this.lots = lots;
        this.consumptions = consumptions;
        this.expiryPolicy = ExpiryPolicy.of(config);
        this.returnWindow = Duration.ofDays(config.lots().pendingDays());
        this.debtIncurred = Counter.builder("loyalty.points.debt")
                .tag("change", "incurred")
                .description("points reversals could not take back (spent already), owed by members")
                .register(registry);
        this.debtRepaid = Counter.builder("loyalty.points.debt")
                .tag("change", "repaid")
                .description("points of debt paid by later credits")
                .register(registry);
        for (LedgerKind kind : LedgerKind.values()) {
            for (int d = 0; d < 2; d++) {
                moved[kind.ordinal()][d] = Counter.builder("loyalty.points.ledger")
                        .tag("kind", kind.name().toLowerCase(Locale.ROOT))
                        .tag("direction", d == 0 ? "credit" : "debit")
                        .description("points moved by committed ledger entries, by kind and direction")
                        .register(registry);
            }
        }
    }

    /**
     * Credits ({@code points > 0}, spendable at once, see {@link #credit}) or debits ({@code points < 0}, see
     * {@link #debit}: available points only, else {@link InsufficientPointsException}). For adjustments and awards.
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = InsufficientPointsException.class)
    public LedgerEntry append(
            Member member, LedgerKind kind, long points, String referenceType, String referenceId, String reason) {
        if (points > 0) {
            return credit(member, kind, points, referenceType, referenceId, reason, Hold.NONE)
                    .entry();
        }
        if (points < 0) {
            return debit(member, kind, Math.negateExact(points), referenceType, referenceId, reason);
        }
        throw new IllegalArgumentException("a ledger entry moves at least one point");
    }

    /**
     * Credits {@code points} as a new lot (expiring by {@code points.expiry.*}, pending for the return window when
     * {@code hold} says so), then pays the member's debt from it first.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Credit credit(
            Member member,
            LedgerKind kind,
            long points,
            String referenceType,
            String referenceId,
            String reason,
            Hold hold) {
        requirePositive(points);
        Instant now = Instant.now();
        LedgerEntry entry = write(member, kind, points, referenceType, referenceId, reason, now);
        PointLot lot = new PointLot();
        lot.id = UUID.randomUUID();
        lot.memberId = member.id;
        lot.entryId = entry.id;
        lot.points = points;
        lot.remaining = points;
        lot.earnedAt = now;
        lot.availableAt = hold == Hold.RETURN_WINDOW ? now.plus(returnWindow) : now;
        lot.expiresAt = expiryPolicy.expiresAt(now);
        lots.persist(lot);
        long repaid = repayDebt(member, entry, List.of(lot), now);
        return new Credit(entry, lot, repaid);
    }

    /**
     * Takes {@code points} (positive) of the member's available points, soonest-expiring lot first, in one entry of
     * {@code -points}.
     *
     * @throws InsufficientPointsException if fewer points are available: nothing changed, and the caller's
     *     transaction may go on (it is not marked for rollback)
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = InsufficientPointsException.class)
    public LedgerEntry debit(
            Member member, LedgerKind kind, long points, String referenceType, String referenceId, String reason) {
        requirePositive(points);
        Instant now = Instant.now();
        long available = available(member, now);
        if (points > available) {
            throw new InsufficientPointsException(member.id, points, available);
        }
        LedgerEntry entry = write(member, kind, -points, referenceType, referenceId, reason, now);
        long left = takeFrom(entry, points, limit -> lots.spendable(member.id, now, limit));
        if (left > 0) {
            throw new IllegalStateException("the available lots of member " + member.id + " hold " + left
                    + " points less than their available balance");
        }
        return entry;
    }

    /**
     * Takes back {@code points} (positive) that a credit gave: from its lot {@code firstLot} first (null: none known),
     * then from available lots soonest-expiring first, then from pending ones; a {@code REVERSE} entry for what the
     * balance holds, and the rest (points spent already) added to the member's debt.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Reversal reverse(
            Member member, long points, String referenceType, String referenceId, String reason, UUID firstLot) {
        requirePositive(points);
        Instant now = Instant.now();
        long take = Math.min(points, member.balance);
        long shortfall = points - take;
        LedgerEntry entry = null;
        if (take > 0) {
            entry = write(member, LedgerKind.REVERSE, -take, referenceType, referenceId, reason, now);
            long left = take;
            if (firstLot != null) {
                PointLot own = lots.findById(firstLot);
                if (own != null && own.memberId.equals(member.id) && own.remaining > 0) {
                    left = takeFrom(entry, left, List.of(own));
                }
            }
            left = takeFrom(entry, left, limit -> lots.spendable(member.id, now, limit));
            left = takeFrom(entry, left, limit -> lots.pending(member.id, now, limit));
            if (left > 0) {
                throw new IllegalStateException(
                        "the lots of member " + member.id + " hold " + left + " points less than the balance");
            }
        }
        if (shortfall > 0) {
            member.debt = Math.addExact(member.debt, shortfall);
            debtIncurred.increment(shortfall);
        }
        return new Reversal(entry, take, shortfall);
    }

    /**
     * Undoes the debit {@code debitEntryId}: gives its points back to the very lots it took them from (with their own
     * expiry dates; one whose date has passed meanwhile expires at the next run of the expiry job), in one
     * {@code REVERSE} entry, then pays the member's debt from them first. A debit from before lots (it recorded no lots)
     * is given back as a new lot, spendable at once.
     *
     * @return the entry giving the points back
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public LedgerEntry restore(
            Member member, LedgerEntry debit, String referenceType, String referenceId, String reason) {
        if (debit.points >= 0 || !debit.memberId.equals(member.id)) {
            throw new IllegalArgumentException("entry " + debit.id + " is no debit of member " + member.id);
        }
        List<LotConsumption> taken = consumptions.unrestored(debit.id);
        long points = taken.stream().mapToLong(c -> c.points).sum();
        if (taken.isEmpty()) {
            return credit(member, LedgerKind.REVERSE, -debit.points, referenceType, referenceId, reason, Hold.NONE)
                    .entry();
        }
        if (points != -debit.points) {
            throw new IllegalStateException("debit " + debit.id + " of " + debit.points + " took " + points
                    + " points from lots that it has not given back");
        }
        Instant now = Instant.now();
        LedgerEntry entry = write(member, LedgerKind.REVERSE, points, referenceType, referenceId, reason, now);
        List<PointLot> restored = new ArrayList<>(taken.size());
        for (LotConsumption c : taken) {
            PointLot lot = lots.findById(c.lotId);
            lot.remaining = Math.addExact(lot.remaining, c.points);
            if (lot.remaining > lot.points) {
                throw new IllegalStateException("lot " + lot.id + " would hold more than it was credited");
            }
            c.restoredBy = entry.id;
            restored.add(lot);
        }
        restored.sort(SOONEST_EXPIRING_FIRST);
        repayDebt(member, entry, restored, now);
        return entry;
    }

    /**
     * Expires what is left of the member's lots whose date has come at {@code now}, in one {@code EXPIRE} entry
     * referring to the run {@code runId}; empty when none is due.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Expiry> expire(Member member, Instant now, String runId) {
        List<PointLot> due = lots.due(member.id, now);
        long points = due.stream().mapToLong(l -> l.remaining).sum();
        if (points == 0) {
            return Optional.empty();
        }
        Instant latest = due.stream()
                .map(l -> l.expiresAt)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        String reason = due.size() == 1 ? "points expired (1 lot)" : "points expired (" + due.size() + " lots)";
        LedgerEntry entry = write(member, LedgerKind.EXPIRE, -points, EXPIRY_REFERENCE, runId, reason, now);
        takeFrom(entry, points, due);
        return Optional.of(new Expiry(entry, points, due.size(), latest));
    }

    /** The member's balance split into available and pending at {@code now}, and their debt. */
    public Balances balances(Member member, Instant now) {
        long pending = lots.pendingPoints(member.id, now);
        return new Balances(member.balance, member.balance - pending, pending, member.debt);
    }

    /** Points the member can spend at {@code now}. */
    public long available(Member member, Instant now) {
        return member.balance - lots.pendingPoints(member.id, now);
    }

    /** Points of the member still pending at {@code now} (not spendable yet, but part of the balance). */
    public long pending(Member member, Instant now) {
        return lots.pendingPoints(member.id, now);
    }

    /** The lot a credit entry formed, if any (entries from before lots formed none). */
    public Optional<PointLot> lotOf(LedgerEntry credit) {
        return lots.creditedBy(credit.id);
    }

    private static final Comparator<PointLot> SOONEST_EXPIRING_FIRST = Comparator.comparing(
                    (PointLot l) -> l.expiresAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(l -> l.earnedAt)
            .thenComparing(l -> l.id);

    /** Pays as much of the member's debt as {@code from} holds, from those lots in order, in one entry. */
    private long repayDebt(Member member, LedgerEntry credit, List<PointLot> from, Instant now) {
        if (member.debt == 0) {
            return 0;
        }
        long holds = from.stream().mapToLong(l -> l.remaining).sum();
        long repay = Math.min(member.debt, holds);
        if (repay == 0) {
            return 0;
        }
        LedgerEntry entry =
                write(member, LedgerKind.REVERSE, -repay, DEBT_REFERENCE, credit.id.toString(), DEBT_REPAID, now);
        takeFrom(entry, repay, from);
        member.debt -= repay;
        debtRepaid.increment(repay);
        return repay;
    }

    /** Takes up to {@code points} from the lots pages give, in order, recording each; returns what is still missing. */
    private long takeFrom(LedgerEntry entry, long points, Function<Integer, List<PointLot>> pages) {
        long left = points;
        while (left > 0) {
            List<PointLot> page = pages.apply(LOT_PAGE);
            if (page.isEmpty()) {
                break;
            }
            left = takeFrom(entry, left, page);
        }
        return left;
    }

    /** Takes up to {@code points} from {@code from}, in order, recording each; returns what is still missing. */
    private long takeFrom(LedgerEntry entry, long points, List<PointLot> from) {
        long left = points;
        for (PointLot lot : from) {
            if (left == 0) {
                break;
            }
            long take = Math.min(left, lot.remaining);
            if (take <= 0) {
                continue;
            }
            lot.remaining -= take;
            LotConsumption c = new LotConsumption();
            c.entryId = entry.id;
            c.lotId = lot.id;
            c.points = take;
            consumptions.persist(c);
            left -= take;
        }
        return left;
    }

    /**
     * Moves all of {@code from}'s points to {@code to} (a member merge): a {@code MERGE} entry off the one and onto the
     * other, each naming the other member. The lots behind the points are not touched here: the caller moves them to
     * {@code to} with the rest of the member's rows (MemberMerge), so what is left of them stays what the two balances
     * add up to.
     *
     * @return the points moved (0: nothing to move, no entry)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long transferAll(Member from, Member to, String referenceType, Instant now) {
        long points = from.balance;
        if (points == 0) {
            return 0;
        }
        write(from, LedgerKind.MERGE, -points, referenceType, to.id.toString(), "merged into member " + to.id, now);
        write(to, LedgerKind.MERGE, points, referenceType, from.id.toString(), "member " + from.id + " merged in", now);
        return points;
    }

    private LedgerEntry write(
            Member member,
            LedgerKind kind,
            long points,
            String referenceType,
            String referenceId,
            String reason,
            Instant now) {
        long balance = Math.addExact(member.balance, points);
        if (balance < 0) {
            throw new IllegalStateException("balance of member " + member.id + " would become " + balance);
        }
        member.balance = balance;
        LedgerEntry entry = new LedgerEntry();
        entry.id = UUID.randomUUID();
        entry.memberId = member.id;
        entry.kind = kind;
        entry.points = points;
        entry.balanceAfter = balance;
        entry.referenceType = Objects.requireNonNull(referenceType, "referenceType");
        entry.referenceId = Objects.requireNonNull(referenceId, "referenceId");
        entry.reason = reason;
        entry.createdAt = now;
        entries.persist(entry);
        countOnCommit(kind, points);
        return entry;
    }

    /** Counts the entry's points once its transaction commits (a rolled-back entry moved nothing). */
    private void countOnCommit(LedgerKind kind, long points) {
        Counter counter = moved[kind.ordinal()][points > 0 ? 0 : 1];
        double amount = Math.abs((double) points);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    counter.increment(amount);
                }
            }
        });
    }

    private static void requirePositive(long points) {
        if (points <= 0) {
            throw new IllegalArgumentException("points must be positive: " + points);
        }
    }
}
