package com.example.loyalty.points.service;

import com.example.loyalty.points.config.PointsConfig;
import com.example.loyalty.points.domain.AuditAction;
import com.example.loyalty.points.domain.AuditTarget;
import com.example.loyalty.points.domain.Member;
import com.example.loyalty.points.domain.PointAction;
import com.example.loyalty.points.repository.BirthdayRepository;
import com.example.loyalty.points.repository.MemberRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Credits the BIRTHDAY action's points on the member's birthday, in the program's zone ({@code points.zone}): once per
 * member per year (the award's key is the year), by the rule valid when the job credits it, within the rule's caps.
 * Members born on 29 February are credited on 28 February in years without a 29th. Each member in a transaction of its
 * own with the member locked, so a run that stops half-way, a second run, or two instances at once credit nobody
 * twice. While the rule gives 0 points (off, as bootstrapped), a run does nothing and records nothing.
 *
 * <p>Runs on {@code points.birthday.schedule} (hourly; {@code off} in tests, which call {@link #run}); an admin can run
 * it at once ({@code POST /api/points/admin/birthdays/run}).
 */
@ApplicationScoped
public class BirthdayJob {

    private static final Logger LOG = Logger.getLogger(BirthdayJob.class);
    public static final String REFERENCE_TYPE = "BIRTHDAY";
    static final int BATCH = 500;

    private final BirthdayRepository birthdays;
    private final MemberRepository members;
    private final ActionRules rules;
    private final ActionAwards awards;
    private final PointsConfig config;
    private final AuditLog audit;

    public BirthdayJob(
            BirthdayRepository birthdays,
            MemberRepository members,
            ActionRules rules,
            ActionAwards awards,
            PointsConfig config,
            AuditLog audit) {
        this.audit = audit;
        this.birthdays = birthdays;
        this.members = members;
        this.rules = rules;
        this.awards = awards;
        this.config = config;
    }

    /** What a run did: the day it credited, how many members got points, how many points. */
    public record Run(LocalDate day, int members, long points) {}

    @Scheduled(
            identity = "points-birthday",
            cron = "${points.birthday.schedule:0 20 * * * ?}",
            timeZone = "${points.zone:Asia/Tokyo}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Run run = run(Instant.now());
        if (run.members() > 0) {
            LOG.infof("birthday run %s: %d points for %d members", run.day(), run.points(), run.members());
        }
    }

    /** An admin runs the job now; recorded in the audit log (BIRTHDAYS_AWARDED) with what it did. */
    public Run runNow(String actor) {
        Run run = run(Instant.now());
        QuarkusTransaction.requiringNew()
                .run(() -> audit.record(
                        actor,
                        AuditAction.BIRTHDAYS_AWARDED,
                        AuditTarget.ACTION_RULE,
                        PointAction.BIRTHDAY.name(),
                        null,
                        run,
                        "birthday job run by hand"));
        return run;
    }

    /** Credits the birthdays of the day {@code now} falls on, by the rule valid at {@code now}. */
    public Run run(Instant now) {
        LocalDate day = LocalDate.ofInstant(now, config.zone());
        boolean on = QuarkusTransaction.requiringNew()
                .call(() -> rules.at(PointAction.BIRTHDAY, now)
                        .map(v -> v.points() > 0)
                        .orElse(false));
        if (!on) {
            return new Run(day, 0, 0);
        }
        String year = String.valueOf(day.getYear());
        int credited = 0;
        long points = 0;
        UUID after = null;
        while (true) {
            UUID from = after;
            List<UUID> batch = QuarkusTransaction.requiringNew().call(() -> birthdays.due(day, from, BATCH));
            for (UUID id : batch) {
                long got = QuarkusTransaction.requiringNew().call(() -> credit(id, day, year, now));
                if (got > 0) {
                    credited++;
                    points += got;
                }
            }
            if (batch.size() < BATCH) {
                break;
            }
            after = batch.get(batch.size() - 1);
        }
        return new Run(day, credited, points);
    }

    /** Credits one member, locked, if it is still their birthday and they have no award this year; the points. */
    private long credit(UUID memberId, LocalDate day, String year, Instant now) {
        Member member = members.lockById(memberId).orElse(null);
        if (member == null || member.erasedAt != null || member.birthday == null || !isBirthday(member.birthday, day)) {
            return 0;
        }
        ActionAwards.Result result =
                awards.award(member, PointAction.BIRTHDAY, year, now, REFERENCE_TYPE, year, "birthday");
        return result.outcome() == ActionAwards.Outcome.ALREADY_AWARDED
                ? 0
                : result.quote().credited();
    }

    /** True when {@code day} is the birthday of someone born on {@code birthday}: 29 February on 28 February too. */
    static boolean isBirthday(LocalDate birthday, LocalDate day) {
        MonthDay born = MonthDay.from(birthday);
        if (born.equals(MonthDay.from(day))) {
            return true;
        }
        return born.equals(MonthDay.of(2, 29))
                && !day.isLeapYear()
                && MonthDay.from(day).equals(MonthDay.of(2, 28));
    }
}
