package com.example.loyalty.points.service;

import com.example.loyalty.common.web.Problems;
import com.example.loyalty.points.config.PointsConfig;
import com.example.loyalty.points.domain.AuditAction;
import com.example.loyalty.points.domain.AuditTarget;
import com.example.loyalty.points.domain.PointAction;
import com.example.loyalty.points.repository.ActionRuleRepository;
import com.example.loyalty.points.repository.ActionRuleRepository.Version;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The versioned rules of the actions that earn fixed points (docs/action-points.md): per action, versions of
 * {points, dailyCap, monthlyCap, yearlyCap} valid from a time up to the next version. An action happening at time t
 * earns by the version valid at t. A marketer's change makes a new version from now or a later time, never before: the
 * version in force then ends there, and versions scheduled after it (never in force yet) are replaced.
 */
@ApplicationScoped
public class ActionRules {

    private static final Logger LOG = Logger.getLogger(ActionRules.class);

    /** Where the bootstrapped versions begin: before anything any program recorded. */
    static final Instant BEGINNING = Instant.parse("1970-01-01T00:00:00Z");
    /** Who made the bootstrapped versions. */
    static final String BOOTSTRAP = "bootstrap";
    /** The most points one action may earn. */
    public static final long MAX_POINTS = 1_000_000;
    /** The largest cap. */
    public static final long MAX_CAP = 1_000_000_000;
    /** How far ahead a version may be scheduled. */
    static final Duration MAX_AHEAD = Duration.ofDays(3660);

    private final ActionRuleRepository rules;
    private final AuditLog audit;
    private final PointsConfig config;

    public ActionRules(ActionRuleRepository rules, AuditLog audit, PointsConfig config) {
        this.rules = rules;
        this.audit = audit;
        this.config = config;
    }

    /** Points and caps of a version (caps null: none). */
    public record Terms(long points, Long dailyCap, Long monthlyCap, Long yearlyCap) {}

    /** An action with its version in force now (null if none) and those scheduled after it. */
    public record ActionView(PointAction action, Version current, List<Version> scheduled) {}

    /** What a change did: the new version, and the versions it ended or replaced (as they were before). */
    public record Change(Version version, List<Version> endedOrReplaced) {}

    /** What the audit log keeps of a version. */
    record Snapshot(
            UUID id, long points, Long dailyCap, Long monthlyCap, Long yearlyCap, Instant validFrom, Instant validTo) {
        static Snapshot of(Version v) {
            return new Snapshot(
                    v.id(), v.points(), v.dailyCap(), v.monthlyCap(), v.yearlyCap(), v.validFrom(), v.validTo());
        }
    }

    /**
     * Gives every action without a rule its first version, valid since {@link #BEGINNING}: the survey award and the
     * community points and caps the settings ({@code points.survey-award.*}, {@code points.community-award.*}) held
     * before action rules, birthday and referral off (0 points) until a marketer turns them on. An action with a rule
     * keeps it: the settings only bootstrap.
     */
    void bootstrap(@Observes StartupEvent start) {
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            seeds().forEach((action, terms) -> {
                if (rules.insertRule(action, now)) {
                    rules.insert(new Version(
                            UUID.randomUUID(),
                            action,
                            terms.points(),
                            terms.dailyCap(),
                            terms.monthlyCap(),
                            terms.yearlyCap(),
                            BEGINNING,
                            null,
                            now,
                            BOOTSTRAP,
                            "bootstrapped from the settings"));
                    LOG.infof("action rule %s bootstrapped: %s", action, terms);
                }
            });
        });
    }

    /** The first version of each action. */
    Map<PointAction, Terms> seeds() {
        Map<PointAction, Terms> seeds = new EnumMap<>(PointAction.class);
        seeds.put(PointAction.BIRTHDAY, new Terms(0, null, null, null));
        seeds.put(PointAction.REFERRAL_REFERRER, new Terms(0, null, null, null));
        seeds.put(PointAction.REFERRAL_NEW_MEMBER, new Terms(0, null, null, null));
        seeds.put(
                PointAction.SURVEY_ANSWERED,
                new Terms(Math.max(0, config.surveyAward().points()), null, null, null));
        PointsConfig.CommunityAward community = config.communityAward();
        Long daily = community.dailyCap();
        Long monthly = community.monthlyCap();
        seeds.put(PointAction.POST_CREATED, new Terms(community.points().postCreated(), daily, monthly, null));
        seeds.put(PointAction.ANSWER_ACCEPTED, new Terms(community.points().answerAccepted(), daily, monthly, null));
        seeds.put(PointAction.REVIEW_POSTED, new Terms(community.points().reviewPosted(), daily, monthly, null));
        seeds.put(
                PointAction.REACTION_RECEIVED, new Terms(community.points().reactionReceived(), daily, monthly, null));
        seeds.put(PointAction.EVENT_ATTENDED, new Terms(community.points().eventAttended(), daily, monthly, null));
        return seeds;
    }

    /** The version of {@code action} valid at {@code at}; empty: the action earns nothing then. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Version> at(PointAction action, Instant at) {
        return rules.at(action, at);
    }

    /** Every action, with its version in force now and those scheduled. */
    @Transactional
    public List<ActionView> list() {
        Instant now = Instant.now();
        List<Version> all = rules.currentAndScheduled(now);
        List<ActionView> out = new ArrayList<>();
        for (PointAction action : PointAction.values()) {
            Version current = null;
            List<Version> scheduled = new ArrayList<>();
            for (Version v : all) {
                if (v.action() != action) {
                    continue;
                }
                if (!v.validFrom().isAfter(now)) {
                    current = v;
                } else {
                    scheduled.add(v);
                }
            }
            out.add(new ActionView(action, current, List.copyOf(scheduled)));
        }
        return out;
    }

    /**
     * A new version of {@code action} from {@code validFrom} (null: now), which must not lie in the past: the version
     * in force then ends at it, versions scheduled from it on are replaced (they never applied). Audited.
     *
     * @throws io.quarkiverse.resteasy.problem.HttpProblem 422 when the terms break a rule or validFrom is in the past
     */
    @Transactional
    public Change change(PointAction action, Terms terms, Instant validFrom, String actor, String reason) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant from = validFrom == null ? now : validFrom.truncatedTo(ChronoUnit.MICROS);
        List<String> problems = new ArrayList<>(problems(terms));
        if (from.isBefore(now)) {
            problems.add("validFrom " + from + " lies in the past: a rule never changes before now");
        } else if (from.isAfter(now.plus(MAX_AHEAD))) {
            problems.add("validFrom lies more than " + MAX_AHEAD.toDays() + " days ahead");
        }
        if (!problems.isEmpty()) {
            throw Problems.unprocessable("invalid-action-rule", "Invalid action rule", String.join("; ", problems));
        }
        rules.lock(action);
        List<Version> affected = rules.inForceFrom(action, from);
        for (Version v : affected) {
            // the one in force at `from` ends there; one scheduled at or after it is replaced before it began
            rules.end(v.id(), v.validFrom().isBefore(from) ? from : v.validFrom());
        }
        Version created = new Version(
                UUID.randomUUID(),
                action,
                terms.points(),
                terms.dailyCap(),
                terms.monthlyCap(),
                terms.yearlyCap(),
                from,
                null,
                now,
                actor,
                reason);
        rules.insert(created);
        audit.record(
                actor,
                AuditAction.ACTION_RULE_CHANGED,
                AuditTarget.ACTION_RULE,
                action.name(),
                affected.stream().map(Snapshot::of).toList(),
                Snapshot.of(created),
                reason);
        return new Change(created, affected);
    }

    /**
     * What is wrong with the terms: points from 0 to {@link #MAX_POINTS}; each cap from 0 to {@link #MAX_CAP} and at
     * least the points (a cap below them would never let one action earn in full); a day's cap at most the month's, the
     * month's at most the year's.
     */
    static List<String> problems(Terms t) {
        List<String> problems = new ArrayList<>();
        if (t.points() < 0 || t.points() > MAX_POINTS) {
            problems.add("points must be 0 to " + MAX_POINTS);
        }
        check(problems, "dailyCap", t.dailyCap(), t.points());
        check(problems, "monthlyCap", t.monthlyCap(), t.points());
        check(problems, "yearlyCap", t.yearlyCap(), t.points());
        if (t.dailyCap() != null && t.monthlyCap() != null && t.dailyCap() > t.monthlyCap()) {
            problems.add("dailyCap must not exceed monthlyCap");
        }
        if (t.monthlyCap() != null && t.yearlyCap() != null && t.monthlyCap() > t.yearlyCap()) {
            problems.add("monthlyCap must not exceed yearlyCap");
        }
        if (t.dailyCap() != null && t.yearlyCap() != null && t.dailyCap() > t.yearlyCap()) {
            problems.add("dailyCap must not exceed yearlyCap");
        }
        return problems;
    }

    private static void check(List<String> problems, String name, Long cap, long points) {
        if (cap == null) {
            return;
        }
        if (cap < 0 || cap > MAX_CAP) {
            problems.add(name + " must be 0 to " + MAX_CAP + " (or null: no cap)");
        } else if (cap < points) {
            problems.add(name + " " + cap + " is below the points " + points);
        }
    }
}
