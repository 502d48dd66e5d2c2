package com.example.loyalty.points.service;

import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.PointsExpired;
import com.example.loyalty.events.Topics;
import com.example.loyalty.messaging.outbox.OutboxWriter;
import com.example.loyalty.points.config.PointsConfig;
import com.example.loyalty.points.domain.Member;
import com.example.loyalty.points.repository.LotRepository;
import com.example.loyalty.points.repository.MemberRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Expires lots at their date: what is left of a member's due lots goes off the balance in one {@code EXPIRE} ledger
 * entry per member and run (reference {@code EXPIRY} / the run's id), announced by a {@code PointsExpired} event through
 * the outbox.
 * <ul>
 * <li><b>Each member in a transaction of its own</b>, read in batches of {@code points.expiry.batch-size} members: a
 * crash loses at most the member in flight, and the next run (or the same one started again) goes on from what is still
 * due; nothing is done twice, as an expired lot has nothing left.</li>
 * <li><b>Two instances at once</b> share the work: a member is taken with {@code FOR UPDATE SKIP LOCKED}, so one
 * instance passes over a member the other is expiring. A member passed over (or busy with a purchase or a redemption
 * at that moment) is done at the end of the run, waiting for the lock; by then the lots another instance expired have
 * nothing left, so each lot expires exactly once.</li>
 * <li><b>When.</b> {@code points.expiry.schedule} (a Quartz cron in {@code points.zone}, hourly by default; {@code off}
 * disables it, as in tests, which call {@link #run} directly). A run still going when the next is due is not
 * overlapped on the same instance.</li>
 * </ul>
 */
@ApplicationScoped
public class ExpiryJob {

    private static final Logger LOG = Logger.getLogger(ExpiryJob.class);

    private final MemberRepository members;
    private final LotRepository lots;
    private final Ledger ledger;
    private final OutboxWriter outbox;
    private final PointsConfig config;
    private final Counter pointsExpired;
    private final Counter membersExpired;

    public ExpiryJob(
            MemberRepository members,
            LotRepository lots,
            Ledger ledger,
            OutboxWriter outbox,
            PointsConfig config,
            MeterRegistry registry) {
        this.members = members;
        this.lots = lots;
        this.ledger = ledger;
        this.outbox = outbox;
        this.config = config;
        this.pointsExpired = Counter.builder("loyalty.points.expired")
                .description("points expired")
                .register(registry);
        this.membersExpired = Counter.builder("loyalty.points.expiries")
                .description("members whose points expired, once per member and run")
                .register(registry);
    }

    /** What a run did. */
    public record Run(String runId, int members, long points, int lots) {}

    @Scheduled(
            identity = "points-expiry",
            cron = "${points.expiry.schedule:0 5 * * * ?}",
            timeZone = "${points.zone:Asia/Tokyo}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Run run = run(Instant.now());
        if (run.members() > 0) {
            LOG.infof(
                    "expiry run %s: %d points of %d lots expired for %d members",
                    run.runId(), run.points(), run.lots(), run.members());
        }
    }

    /** Expires every lot due at {@code now}. */
    public Run run(Instant now) {
        String runId = UUID.randomUUID().toString();
        int batchSize = config.expiry().batchSize();
        List<UUID> passedOver = new ArrayList<>();
        int expiredMembers = 0;
        long points = 0;
        int lotCount = 0;
        UUID after = null;
        while (true) {
            UUID from = after;
            List<UUID> batch =
                    QuarkusTransaction.requiringNew().call(() -> lots.membersWithDueLots(now, from, batchSize));
            for (UUID memberId : batch) {
                Optional<Optional<Ledger.Expiry>> done = QuarkusTransaction.requiringNew()
                        .call(() -> members.tryLock(memberId)
                                ? Optional.of(expire(memberId, now, runId))
                                : Optional.<Optional<Ledger.Expiry>>empty());
                if (done.isEmpty()) {
                    passedOver.add(memberId);
                } else if (done.get().isPresent()) {
                    expiredMembers++;
                    points += done.get().get().points();
                    lotCount += done.get().get().lots();
                }
            }
            if (batch.size() < batchSize) {
                break;
            }
            after = batch.get(batch.size() - 1);
        }
        for (UUID memberId : passedOver) {
            // busy a moment ago (another instance's run, a purchase, a redemption): wait for the lock this time
            Optional<Ledger.Expiry> expiry = QuarkusTransaction.requiringNew().call(() -> expire(memberId, now, runId));
            if (expiry.isPresent()) {
                expiredMembers++;
                points += expiry.get().points();
                lotCount += expiry.get().lots();
            }
        }
        return new Run(runId, expiredMembers, points, lotCount);
    }

    /** Expires the member's due lots, in the caller's transaction; locks the member (held already after tryLock). */
    private Optional<Ledger.Expiry> expire(UUID memberId, Instant now, String runId) {
        Optional<Member> locked = members.lockById(memberId);
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        Member member = locked.get();
        Optional<Ledger.Expiry> expiry = ledger.expire(member, now, runId);
        expiry.ifPresent(e -> {
            outbox.write(
                    Topics.LOYALTY_TRANSACTIONS,
                    EventTypes.POINTS_EXPIRED,
                    PointsExpired.SCHEMA_VERSION,
                    member.id.toString(),
                    new PointsExpired(e.points(), e.expiredAt(), e.lots(), member.balance));
            pointsExpired.increment(e.points());
            membersExpired.increment();
        });
        return expiry;
    }
}
