package com.example.loyalty.points.service;

import com.example.loyalty.common.web.Problems;
import com.example.loyalty.points.config.PointsConfig;
import com.example.loyalty.points.domain.AuditAction;
import com.example.loyalty.points.domain.AuditTarget;
import com.example.loyalty.points.domain.EarningRule;
import com.example.loyalty.points.domain.EarningRuleVersion;
import com.example.loyalty.points.domain.RuleKind;
import com.example.loyalty.points.domain.RuleState;
import com.example.loyalty.points.repository.EarningRuleRepository;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Marketers' earning rules: create, change, pause, resume, end; versioned, never retroactive, audited
 * (docs/earning-rules.md). Every change locks the rule, cuts the version in force at the change's time (never earlier
 * than now) and adds the next version; versions scheduled from that time on are cancelled (they were never in force).
 */
@ApplicationScoped
public class EarningRuleService {

    /** Most a single rule's multiplier may be (the product of all multipliers is bounded separately). */
    static final BigDecimal MAX_MULTIPLIER = new BigDecimal("10");

    static final int MAX_RATE = 1_000_000;
    static final long MAX_CAP = 1_000_000_000L;
    static final int MAX_AUDIENCE_TIERS = 20;
    /** How far ahead a rule may be scheduled or end. */
    static final Duration MAX_AHEAD = Duration.ofDays(366L * 100);

    static final Set<String> CHANNELS = Set.of("STORE", "ONLINE", "APP");
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");
    private static final Pattern KEY = Pattern.compile("[\\p{Alnum}][\\p{Alnum}._:/ -]{0,63}");

    private final EarningRuleRepository rules;
    private final EarningRuleCache cache;
    private final TierService tiers;
    private final AuditLog audit;
    private final PointsConfig config;
    private final TransactionSynchronizationRegistry transactions;

    public EarningRuleService(
            EarningRuleRepository rules,
            EarningRuleCache cache,
            TierService tiers,
            AuditLog audit,
            PointsConfig config,
            TransactionSynchronizationRegistry transactions) {
        this.rules = rules;
        this.cache = cache;
        this.tiers = tiers;
        this.audit = audit;
        this.config = config;
        this.transactions = transactions;
    }

    /** What a rule does, as a marketer defines it; fields that do not belong to its kind must be null. */
    public record RuleDefinition(
            RuleKind kind,
            String name,
            Instant validFrom,
            Instant validTo,
            String currency,
            Integer rate,
            String channel,
            String category,
            String sku,
            BigDecimal multiplier,
            Long bonusPoints,
            List<String> audienceTiers,
            String audienceSegment,
            Long maxPointsPerPurchase,
            Long maxPointsPerMemberDay) {}

    /** Where a rule stands now. */
    public enum Status {
        /** Its window has not begun (or its first version starts later). */
        SCHEDULED,
        /** It applies now. */
        ACTIVE,
        PAUSED,
        /** Ended by a marketer, or its window closed. */
        ENDED
    }

    /**
     * A rule with its status now, the version in force now (else the latest) and, when asked for, every version.
     */
    public record RuleView(
            UUID id,
            RuleKind kind,
            String name,
            Status status,
            Instant createdAt,
            String createdBy,
            RuleVersionView current,
            List<RuleVersionView> versions) {}

    /** What the audit log keeps of a change: the rule and the version. */
    public record Audited(UUID ruleId, RuleKind kind, RuleVersionView version) {}

    private enum Op {
        CHANGE(AuditAction.RULE_CHANGED),
        PAUSE(AuditAction.RULE_PAUSED),
        RESUME(AuditAction.RULE_RESUMED),
        END(AuditAction.RULE_ENDED);

        final AuditAction action;

        Op(AuditAction action) {
            this.action = action;
        }
    }

    /**
     * Creates a rule; its first version is in force from now, its window starts at {@code validFrom} (now when
     * absent).
     *
     * @throws HttpProblem 422 invalid-rule (see {@link #validate}), rule-starts-in-past
     */
    @Transactional
    public RuleView create(RuleDefinition d, String actor) {
        Instant now = now();
        if (d.kind() == null) {
            throw invalid("kind is required");
        }
        Instant validFrom = start(d.validFrom(), now, "validFrom");
        RuleDefinition def = normalise(d, validFrom);
        validate(def, now);
        EarningRule rule = new EarningRule();
        rule.id = UUID.randomUUID();
        rule.kind = def.kind();
        rule.name = def.name();
        rule.createdAt = now;
        rule.createdBy = actor;
        rules.persist(rule);
        EarningRuleVersion v = version(rule, 1, RuleState.ACTIVE, now, def, actor);
        rules.persist(v);
        rules.flush();
        invalidateAfterCommit();
        RuleVersionView view = RuleVersionView.of(v, rule.createdAt, rule.kind);
        audit.record(
                actor,
                AuditAction.RULE_CREATED,
                AuditTarget.EARNING_RULE,
                rule.id.toString(),
                null,
                new Audited(rule.id, rule.kind, view),
                null);
        return view(rule, List.of(view), now, false);
    }

    /**
     * A new version with the definition {@code d} (its kind may be left out), in force from {@code effectiveAt} (now
     * when absent). The window's start defaults to the previous version's. A paused rule stays paused.
     *
     * @throws HttpProblem 404 unknown rule; 409 rule-ended; 422 invalid-rule, change-in-past
     */
    @Transactional
    public RuleView change(UUID id, RuleDefinition d, Instant effectiveAt, String actor, String reason) {
        return transition(id, Op.CHANGE, d, effectiveAt, actor, reason);
    }

    /** Pauses the rule from {@code effectiveAt} (now when absent); 409 rule-not-active unless it is active then. */
    @Transactional
    public RuleView pause(UUID id, Instant effectiveAt, String actor, String reason) {
        return transition(id, Op.PAUSE, null, effectiveAt, actor, reason);
    }

    /** Resumes a paused rule from {@code effectiveAt} (now when absent); 409 rule-not-paused unless paused then. */
    @Transactional
    public RuleView resume(UUID id, Instant effectiveAt, String actor, String reason) {
        return transition(id, Op.RESUME, null, effectiveAt, actor, reason);
    }

    /** Ends the rule for good from {@code effectiveAt} (now when absent); 409 rule-ended when it has ended then. */
    @Transactional
    public RuleView end(UUID id, Instant effectiveAt, String actor, String reason) {
        return transition(id, Op.END, null, effectiveAt, actor, reason);
    }

    private RuleView transition(UUID id, Op op, RuleDefinition d, Instant effectiveAt, String actor, String reason) {
        EarningRule rule = rules.lock(id).orElseThrow(() -> unknown(id));
        // "now" once the rule is ours: a change that waited for another one takes effect after it, never before
        Instant now = now();
        Instant at = start(effectiveAt, now, "effectiveAt");
        List<EarningRuleVersion> versions = rules.versionsOf(List.of(id));
        EarningRuleVersion current = versions.stream()
                .filter(v -> !cancelled(v) && inForce(v, at))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("rule " + id + " has no version in force at " + at));
        RuleState state;
        RuleDefinition def;
        switch (op) {
            case CHANGE -> {
                if (current.state == RuleState.ENDED) {
                    throw ended(id, at);
                }
                if (d.kind() != null && d.kind() != rule.kind) {
                    throw invalid("a rule's kind never changes: this one is " + rule.kind);
                }
                Instant validFrom = d.validFrom() != null ? d.validFrom() : current.validFrom;
                def = normalise(withKind(d, rule.kind), validFrom);
                validate(def, now);
                state = current.state;
            }
            case PAUSE -> {
                if (current.state != RuleState.ACTIVE) {
                    throw Problems.conflict(
                            "rule-not-active",
                            "Rule not active",
                            "rule " + id + " is " + current.state + " at " + at
                                    + ": only an active rule can be paused");
                }
                def = definitionOf(current, rule.kind);
                state = RuleState.PAUSED;
            }
            case RESUME -> {
                if (current.state != RuleState.PAUSED) {
                    throw Problems.conflict(
                            "rule-not-paused",
                            "Rule not paused",
                            "rule " + id + " is " + current.state + " at " + at
                                    + ": only a paused rule can be resumed");
                }
                def = definitionOf(current, rule.kind);
                state = RuleState.ACTIVE;
            }
            case END -> {
                if (current.state == RuleState.ENDED) {
                    throw ended(id, at);
                }
                def = definitionOf(current, rule.kind);
                state = RuleState.ENDED;
            }
            default -> throw new IllegalStateException(op.name());
        }
        RuleVersionView before = RuleVersionView.of(current, rule.createdAt, rule.kind);
        // the version in force at the change stops then; versions scheduled from then on were never in force
        for (EarningRuleVersion v : versions) {
            if (cancelled(v)) {
                continue;
            }
            if (!v.effectiveFrom.isBefore(at)) {
                v.effectiveTo = v.effectiveFrom;
            } else if (v.effectiveTo == null || v.effectiveTo.isAfter(at)) {
                v.effectiveTo = at;
            }
        }
        int next = versions.stream().mapToInt(v -> v.version).max().orElse(0) + 1;
        EarningRuleVersion v = version(rule, next, state, at, def, actor);
        rules.persist(v);
        rule.name = v.name;
        rules.flush();
        invalidateAfterCommit();
        RuleVersionView after = RuleVersionView.of(v, rule.createdAt, rule.kind);
        audit.record(
                actor,
                op.action,
                AuditTarget.EARNING_RULE,
                rule.id.toString(),
                new Audited(rule.id, rule.kind, before),
                new Audited(rule.id, rule.kind, after),
                reason);
        List<RuleVersionView> all = new ArrayList<>();
        for (EarningRuleVersion each : versions) {
            all.add(RuleVersionView.of(each, rule.createdAt, rule.kind));
        }
        all.add(after);
        return view(rule, all, now, false);
    }

    /** A rule with every version. */
    @Transactional
    public RuleView get(UUID id) {
        EarningRule rule = rules.findByIdOptional(id).orElseThrow(() -> unknown(id));
        List<RuleVersionView> versions = rules.versionsOf(List.of(id)).stream()
                .map(v -> RuleVersionView.of(v, rule.createdAt, rule.kind))
                .toList();
        return view(rule, versions, now(), true);
    }

    /** The newest rules first (at most {@code limit}), of {@code kind} and in {@code status} when given. */
    @Transactional
    public List<RuleView> list(RuleKind kind, Status status, int limit) {
        Instant now = now();
        List<EarningRule> found = rules.newest(kind, status == null ? limit : Math.max(limit, 1000));
        Map<UUID, List<RuleVersionView>> versions = new java.util.HashMap<>();
        Map<UUID, EarningRule> byId = found.stream().collect(Collectors.toMap(r -> r.id, r -> r));
        for (EarningRuleVersion v : rules.versionsOf(byId.keySet())) {
            EarningRule r = byId.get(v.ruleId);
            versions.computeIfAbsent(v.ruleId, k -> new ArrayList<>()).add(RuleVersionView.of(v, r.createdAt, r.kind));
        }
        return found.stream()
                .map(r -> view(r, versions.getOrDefault(r.id, List.of()), now, false))
                .filter(v -> status == null || v.status() == status)
                .limit(limit)
                .toList();
    }

    private static RuleView view(EarningRule rule, List<RuleVersionView> versions, Instant now, boolean withVersions) {
        List<RuleVersionView> sorted = versions.stream()
                .sorted(Comparator.comparingInt(RuleVersionView::version))
                .toList();
        RuleVersionView current = sorted.stream()
                .filter(v -> !v.cancelled() && v.inForceAt(now))
                .findFirst()
                .orElse(null);
        Status status;
        if (current == null) {
            // nothing in force yet (cannot happen for a chain that starts at creation) or any more
            current = sorted.get(sorted.size() - 1);
            status = current.effectiveFrom().isAfter(now) ? Status.SCHEDULED : Status.ENDED;
        } else {
            status = status(current, now);
        }
        return new RuleView(
                rule.id,
                rule.kind,
                rule.name,
                status,
                rule.createdAt,
                rule.createdBy,
                current,
                withVersions ? sorted : null);
    }

    static Status status(RuleVersionView v, Instant now) {
        return switch (v.state()) {
            case PAUSED -> Status.PAUSED;
            case ENDED -> Status.ENDED;
            case ACTIVE ->
                v.validFrom().isAfter(now)
                        ? Status.SCHEDULED
                        : v.validTo() != null && !now.isBefore(v.validTo()) ? Status.ENDED : Status.ACTIVE;
        };
    }

    private static boolean cancelled(EarningRuleVersion v) {
        return v.effectiveTo != null && v.effectiveTo.equals(v.effectiveFrom);
    }

    private static boolean inForce(EarningRuleVersion v, Instant at) {
        return !v.effectiveFrom.isAfter(at) && (v.effectiveTo == null || at.isBefore(v.effectiveTo));
    }

    private EarningRuleVersion version(
            EarningRule rule, int number, RuleState state, Instant effectiveFrom, RuleDefinition d, String actor) {
        EarningRuleVersion v = new EarningRuleVersion();
        v.id = UUID.randomUUID();
        v.ruleId = rule.id;
        v.version = number;
        v.state = state;
        v.effectiveFrom = effectiveFrom;
        v.validFrom = d.validFrom();
        v.validTo = d.validTo();
        v.name = d.name();
        v.currency = d.currency();
        v.rate = d.rate();
        v.channel = d.channel();
        v.category = d.category();
        v.sku = d.sku();
        v.multiplier = d.multiplier();
        v.bonusPoints = d.bonusPoints();
        v.audienceTiers =
                d.audienceTiers() == null || d.audienceTiers().isEmpty() ? null : String.join(",", d.audienceTiers());
        v.audienceSegment = d.audienceSegment();
        v.maxPointsPerPurchase = d.maxPointsPerPurchase();
        v.maxPointsPerMemberDay = d.maxPointsPerMemberDay();
        v.createdAt = now();
        v.createdBy = actor;
        return v;
    }

    private static RuleDefinition definitionOf(EarningRuleVersion v, RuleKind kind) {
        return new RuleDefinition(
                kind,
                v.name,
                v.validFrom,
                v.validTo,
                v.currency,
                v.rate,
                v.channel,
                v.category,
                v.sku,
                v.multiplier,
                v.bonusPoints,
                List.copyOf(RuleVersionView.tiers(v.audienceTiers)),
                v.audienceSegment,
                v.maxPointsPerPurchase,
                v.maxPointsPerMemberDay);
    }

    private static RuleDefinition withKind(RuleDefinition d, RuleKind kind) {
        return new RuleDefinition(
                kind,
                d.name(),
                d.validFrom(),
                d.validTo(),
                d.currency(),
                d.rate(),
                d.channel(),
                d.category(),
                d.sku(),
                d.multiplier(),
                d.bonusPoints(),
                d.audienceTiers(),
                d.audienceSegment(),
                d.maxPointsPerPurchase(),
                d.maxPointsPerMemberDay());
    }

    /** Trims and upper-cases what is compared by name; the window's start as given. */
    private static RuleDefinition normalise(RuleDefinition d, Instant validFrom) {
        List<String> tiers = d.audienceTiers() == null
                ? null
                : new ArrayList<>(new LinkedHashSet<>(d.audienceTiers().stream()
                        .map(t -> t == null ? null : t.trim().toUpperCase(Locale.ROOT))
                        .toList()));
        return new RuleDefinition(
                d.kind(),
                d.name() == null ? null : d.name().trim(),
                truncate(validFrom),
                truncate(d.validTo()),
                upper(d.currency()),
                d.rate(),
                upper(d.channel()),
                trim(d.category()),
                trim(d.sku()),
                d.multiplier(),
                d.bonusPoints(),
                tiers,
                upper(d.audienceSegment()),
                d.maxPointsPerPurchase(),
                d.maxPointsPerMemberDay());
    }

    /**
     * The rules of a definition (422 invalid-rule): a name; the fields of its kind and no others; a multiplier above 0,
     * at most 10, with at most 3 decimals; bonus points from 0 to {@code points.rules.max-bonus-points}; a window that
     * ends after it starts; a currency the till accepts; known tiers.
     */
    void validate(RuleDefinition d, Instant now) {
        List<String> problems = new ArrayList<>();
        if (d.name() == null || d.name().isEmpty()) {
            problems.add("name is required");
        } else if (d.name().length() > 200) {
            problems.add("name is longer than 200 characters");
        }
        RuleKind kind = d.kind();
        Set<String> allowed = switch (kind) {
            case BASE_RATE -> Set.of("currency", "rate");
            case CHANNEL -> Set.of("channel", "multiplier");
            case CATEGORY -> Set.of("category", "multiplier");
            case SKU -> Set.of("sku", "multiplier");
            case CAMPAIGN ->
                Set.of(
                        "multiplier",
                        "bonusPoints",
                        "audience",
                        "channel",
                        "currency",
                        "maxPointsPerPurchase",
                        "maxPointsPerMemberDay");
        };
        Map<String, Object> given = new java.util.LinkedHashMap<>();
        given.put("currency", d.currency());
        given.put("rate", d.rate());
        given.put("channel", d.channel());
        given.put("category", d.category());
        given.put("sku", d.sku());
        given.put("multiplier", d.multiplier());
        given.put("bonusPoints", d.bonusPoints());
        given.put(
                "audience",
                (d.audienceTiers() != null && !d.audienceTiers().isEmpty()) || d.audienceSegment() != null
                        ? "audience"
                        : null);
        given.put("maxPointsPerPurchase", d.maxPointsPerPurchase());
        given.put("maxPointsPerMemberDay", d.maxPointsPerMemberDay());
        for (var e : given.entrySet()) {
            if (e.getValue() != null && !allowed.contains(e.getKey())) {
                problems.add(e.getKey() + " does not apply to a " + kind + " rule");
            }
        }
        switch (kind) {
            case BASE_RATE -> {
                if (d.currency() == null) {
                    problems.add("currency is required");
                }
                if (d.rate() == null) {
                    problems.add("rate is required (minor units of the currency per point)");
                }
            }
            case CHANNEL -> require(problems, d.channel(), "channel");
            case CATEGORY -> require(problems, d.category(), "category");
            case SKU -> require(problems, d.sku(), "sku");
            case CAMPAIGN -> {
                if (d.multiplier() == null && (d.bonusPoints() == null || d.bonusPoints() == 0)) {
                    problems.add("a campaign needs a multiplier or bonus points (or both)");
                }
                if (d.validTo() == null) {
                    problems.add("a campaign needs validTo: it runs in a time window");
                }
                if (d.audienceTiers() != null && !d.audienceTiers().isEmpty() && d.audienceSegment() != null) {
                    problems.add("a campaign is for some tiers or for a segment, not both");
                }
            }
        }
        if (kind != RuleKind.BASE_RATE && kind != RuleKind.CAMPAIGN && d.multiplier() == null) {
            problems.add("multiplier is required");
        }
        if (d.multiplier() != null) {
            if (d.multiplier().signum() <= 0 || d.multiplier().compareTo(MAX_MULTIPLIER) > 0) {
                problems.add("multiplier must be above 0 and at most " + MAX_MULTIPLIER);
            } else if (d.multiplier().stripTrailingZeros().scale() > 3) {
                problems.add("multiplier has more than 3 decimals");
            }
        }
        if (d.bonusPoints() != null
                && (d.bonusPoints() < 0 || d.bonusPoints() > config.rules().maxBonusPoints())) {
            problems.add("bonusPoints must be from 0 to " + config.rules().maxBonusPoints());
        }
        if (d.rate() != null && (d.rate() <= 0 || d.rate() > MAX_RATE)) {
            problems.add("rate must be from 1 to " + MAX_RATE);
        }
        if (d.currency() != null && !config.earn().rates().containsKey(d.currency())) {
            problems.add("currency " + d.currency() + " is not accepted at the till; accepted: "
                    + new java.util.TreeSet<>(config.earn().rates().keySet())
                    + " (points.earn.rates.<currency>)");
        }
        if (d.channel() != null && !CHANNELS.contains(d.channel())) {
            problems.add("channel must be one of STORE, ONLINE, APP");
        }
        key(problems, d.category(), "category");
        key(problems, d.sku(), "sku");
        cap(problems, d.maxPointsPerPurchase(), "maxPointsPerPurchase");
        cap(problems, d.maxPointsPerMemberDay(), "maxPointsPerMemberDay");
        if (d.audienceTiers() != null && !d.audienceTiers().isEmpty()) {
            if (d.audienceTiers().size() > MAX_AUDIENCE_TIERS) {
                problems.add("audience names at most " + MAX_AUDIENCE_TIERS + " tiers");
            }
            Set<String> known = tiers.ladder().steps().stream()
                    .map(TierLadderView.Step::code)
                    .collect(Collectors.toSet());
            for (String t : d.audienceTiers()) {
                if (t == null || !known.contains(t)) {
                    problems.add("audience tier " + t + " is not on the ladder " + known);
                }
            }
        }
        if (d.audienceSegment() != null && !NAME.matcher(d.audienceSegment()).matches()) {
            problems.add("audience segment must be a name such as CHAMPIONS (1-32 letters, digits or _)");
        }
        if (d.validTo() != null && !d.validTo().isAfter(d.validFrom())) {
            problems.add("validTo must be after validFrom");
        }
        Instant latest = now.plus(MAX_AHEAD);
        if (d.validFrom().isAfter(latest) || (d.validTo() != null && d.validTo().isAfter(latest))) {
            problems.add("validFrom and validTo lie at most 100 years ahead");
        }
        if (!problems.isEmpty()) {
            throw invalid(String.join("; ", problems));
        }
    }

    private static void require(List<String> problems, String value, String field) {
        if (value == null || value.isEmpty()) {
            problems.add(field + " is required");
        }
    }

    private static void key(List<String> problems, String value, String field) {
        if (value != null && !KEY.matcher(value).matches()) {
            problems.add(field + " must be 1-64 letters, digits, spaces or ._:/- (starting with a letter or digit)");
        }
    }

    private static void cap(List<String> problems, Long value, String field) {
        if (value != null && (value <= 0 || value > MAX_CAP)) {
            problems.add(field + " must be from 1 to " + MAX_CAP);
        }
    }

    /**
     * When a rule starts or a change takes effect: now when absent; a time up to {@code points.rules.start-grace} ago
     * is now; earlier is refused, so no rule ever changes what already happened.
     */
    private Instant start(Instant given, Instant now, String field) {
        if (given == null) {
            return now;
        }
        if (given.isBefore(now)) {
            if (given.isBefore(now.minus(config.rules().startGrace()))) {
                throw Problems.unprocessable(
                        "rule-in-past",
                        "Rule in the past",
                        field + " " + given + " lies in the past: rules never change retroactively; a rule or "
                                + "change starts now or later");
            }
            return now;
        }
        if (given.isAfter(now.plus(MAX_AHEAD))) {
            throw invalid(field + " lies more than 100 years ahead");
        }
        return truncate(given);
    }

    private void invalidateAfterCommit() {
        cache.invalidateAfterCommit(transactions);
    }

    /** Microseconds, as the database keeps times, so a time read back equals the one written. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static Instant truncate(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
    }

    private static String upper(String s) {
        return s == null || s.isBlank() ? null : s.trim().toUpperCase(Locale.ROOT);
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static HttpProblem invalid(String detail) {
        return Problems.unprocessable("invalid-rule", "Invalid earning rule", detail);
    }

    private static HttpProblem ended(UUID id, Instant at) {
        return Problems.conflict(
                "rule-ended", "Rule ended", "rule " + id + " has ended by " + at + ": it changes no more");
    }

    private static HttpProblem unknown(UUID id) {
        return Problems.notFound("unknown-rule", "Unknown rule", "no earning rule " + id);
    }
}
