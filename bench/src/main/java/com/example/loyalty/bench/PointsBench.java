package com.example.loyalty.bench;

import com.example.loyalty.bench.db.Invariants;
import com.example.loyalty.bench.db.Pgbench;
import com.example.loyalty.bench.db.PointsSeeder;
import com.example.loyalty.bench.http.Http;
import com.example.loyalty.bench.http.Keycloak;
import com.example.loyalty.bench.http.RawHttp;
import com.example.loyalty.bench.load.ClosedLoop;
import com.example.loyalty.bench.load.PathResult;
import com.example.loyalty.bench.report.Report;
import com.example.loyalty.launcher.Stack;
import com.example.loyalty.launcher.StackConfig;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The till and the app against the database, side by side: starts its own stack, seeds members, runs pgbench TPC-B and
 * select-only on the stack's own PostgreSQL with the same client count, then drives every points path (and the survey
 * answer and metric read) through the gateway and straight to the service, with a warm-up and a timed window each,
 * and prints tps, p50, p99, errors and the ratio to the matching pgbench figure, the targets, and whether
 * anything was lost. The same numbers go to {@code bench/results/points-<time>.json}.
 */
@Command(
        name = "points",
        mixinStandardHelpOptions = true,
        description = "Benchmark: earn, look-up, /members/me, redemption, survey answer and metric read, "
                + "through the gateway and straight to the service, against pgbench on the same PostgreSQL.")
public final class PointsBench implements Callable<Integer> {

    static final List<String> ALL_PATHS =
            List.of("earn", "earn-hot", "lookup", "me", "redeem", "survey-answer", "survey-metric");

    @Mixin
    BenchStack bench;

    @Option(
            names = "--members",
            split = ",",
            defaultValue = "100000",
            description = "Members to seed; a list (e.g. 10000,1000000) runs every path at each size and compares the "
                    + "cost per earn and per look-up between the smallest and the largest (default ${DEFAULT-VALUE}).")
    List<Long> members;

    @Option(
            names = "--clients",
            defaultValue = "16",
            description = "Closed-loop clients, also pgbench's (default ${DEFAULT-VALUE}).")
    int clients;

    @Option(
            names = "--warmup",
            defaultValue = "10s",
            description = "Warm-up per path, not counted (default ${DEFAULT-VALUE}).")
    String warmup;

    @Option(
            names = "--duration",
            defaultValue = "20s",
            description = "Timed window per path (default ${DEFAULT-VALUE}).")
    String duration;

    @Option(
            names = "--paths",
            split = ",",
            description = "Only these paths (default: all of " + "earn, earn-hot, lookup, "
                    + "me, redeem, survey-answer, survey-metric).")
    List<String> paths;

    @Option(
            names = "--via",
            split = ",",
            defaultValue = "gateway,direct",
            description = "gateway, direct or both (default ${DEFAULT-VALUE}).")
    List<String> via;

    @Option(names = "--pgbench-scale", defaultValue = "10", description = "pgbench scale (default ${DEFAULT-VALUE}).")
    int pgbenchScale;

    @Option(
            names = "--survey-users",
            defaultValue = "120",
            description = "Keycloak members answering surveys (default ${DEFAULT-VALUE}).")
    int surveyUsers;

    @Option(
            names = "--surveys",
            defaultValue = "300",
            description = "Surveys each of them can answer once (default ${DEFAULT-VALUE}).")
    int surveys;

    @Option(
            names = "--app-users",
            defaultValue = "300",
            description = "Keycloak members calling /members/me (default ${DEFAULT-VALUE}).")
    int appUsers;

    @Option(
            names = "--profile",
            split = ",",
            description = "After every measurement, run these paths (e.g. earn,lookup) once more through the gateway "
                    + "under JFR, of the service, the gateway and for an earn the event consumers, and print their hot "
                    + "spots. Not in the table: JFR sets the JITs compiling again, which slows every JVM for minutes.")
    List<String> profile = List.of();

    @Option(
            names = "--attach",
            description = "Use the stack already running with the same --port-offset and state in bench/target/stack "
                    + "(started by ./loyalty up --port-offset 15000 --state-dir bench/target/stack) instead of "
                    + "starting a fresh one: for quick rounds while tuning; bench members are seeded on top.")
    boolean attach;

    @Option(
            names = "--skip-pgbench",
            description = "Do not run pgbench (the ratios are then left out): for quick rounds while tuning.")
    boolean skipPgbench;

    @Option(
            names = "--warmup-round",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description =
                    "Before measuring any path, run every path in 10-second slices for at least --warmup-round-min "
                            + "and then until its throughput is steady (two slices within 10 %%), at most --warmup-round-max "
                            + "each (default ${DEFAULT-VALUE}).")
    boolean warmupRound;

    @Option(
            names = "--warmup-round-min",
            defaultValue = "60s",
            description = "The least the warm-up round runs one path (default ${DEFAULT-VALUE}).")
    String warmupRoundMin;

    @Option(
            names = "--warmup-round-max",
            defaultValue = "120s",
            description = "The longest the warm-up round runs one path (default ${DEFAULT-VALUE}).")
    String warmupRoundMax;

    private Map<String, Long> pids = Map.of();

    /** Clients of the path being run when not {@link #clients} (the one-client hop probe); 0: {@link #clients}. */
    private int loadClients;

    /** The one-client runs of the gateway-hop probe: path to {gateway, direct}. */
    private final Map<String, PathResult[]> hopProbes = new LinkedHashMap<>();

    private boolean inWarmupRound;

    /** How long a profiled path runs under JFR before its samples count: the JITs' recompiling settles meanwhile. */
    private static final Duration PROFILE_WARMUP = Duration.ofSeconds(90);

    /** Set while the profiled runs go, after every measurement (a JVM under JFR is not the one measured). */
    private boolean profiling;

    private final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();

    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final LongAdder purchasesAcknowledged = new LongAdder();
    private final AtomicLong answerCursor = new AtomicLong();

    public static void main(String[] args) {
        System.exit(new CommandLine(new PointsBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        List<Long> sizes = members.stream().sorted().toList();
        StackConfig config = bench.config();
        if (attach) {
            for (var e : new com.example.loyalty.launcher.state.PidFile(
                            config.stateDir().resolve("run.pids"))
                    .read()) {
                pids = new java.util.HashMap<>(pids);
                pids.put(e.name(), e.pid());
            }
            report(run(config, sizes));
            return 0;
        }
        try (Stack started = bench.start(config)) {
            pids = started.pids();
            report(run(config, sizes));
        }
        return 0;
    }

    private void report(Report report) {
        System.out.println(report.table());
        bench.writeJson("points", report.json());
    }

    private Report run(StackConfig config, List<Long> sizes) throws Exception {
        Report report = new Report("points");
        Duration warm = Duration.parse("PT" + warmup.toUpperCase());
        Duration window = Duration.parse("PT" + duration.toUpperCase());
        String pointsDb = config.jdbcUrl("points");
        report.environment(
                "machine",
                Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + ", Java "
                        + System.getProperty("java.version"));
        report.environment("postgresql", settings(pointsDb));
        report.environment("clients", clients);
        report.environment("warm-up / window", warm.toSeconds() + " s / " + window.toSeconds() + " s per path");

        // 1. the reference: pgbench on the same server, same clients
        Pgbench pgbench = Pgbench.on(config.postgresPort(), "pgbench");
        report.environment("pgbench", pgbench.version() + ", scale " + pgbenchScale + ", prepared statements");
        Pgbench.Run tpcb = new Pgbench.Run("TPC-B", clients, Double.NaN, Double.NaN);
        Pgbench.Run selectOnly = new Pgbench.Run("select-only", clients, Double.NaN, Double.NaN);
        if (!skipPgbench) {
            Pgbench.freshDatabase(config.jdbcUrl("postgres"), "pgbench");
            System.out.printf("pgbench: init scale %d ...%n", pgbenchScale);
            pgbench.init(pgbenchScale);
            tpcb = pgbench.tpcb(clients, window);
            selectOnly = pgbench.selectOnly(clients, window);
            report.pgbench(tpcb);
            report.pgbench(selectOnly);
        }
        System.out.printf("pgbench: TPC-B %.0f tps, select-only %.0f tps%n", tpcb.tps(), selectOnly.tps());

        // 2. who calls: tills and consoles (a login each), app users and survey respondents from Keycloak
        Keycloak keycloak = new Keycloak(config);
        String gateway = config.gatewayUrl();
        List<String> appTokens = keycloak.users("bench-app-", appUsers, "member");
        for (String token : appTokens) {
            Http.postJson(gateway + "/api/points/members/me", token, Map.of()).expect(200, 201);
        }
        List<String> surveyTokens =
                needed("survey-answer") ? keycloak.users("bench-answer-", surveyUsers, "member") : List.of();
        List<String> surveyIds = needed("survey-answer") || needed("survey-metric")
                ? surveys(gateway, keycloak.token("marketer1", "marketer1"), needed("survey-answer") ? surveys : 1)
                : List.of();

        // 3. every path at every size
        PointsSeeder seeder = new PointsSeeder(pointsDb);
        for (long size : sizes) {
            System.out.printf("seeding members up to %,d ...%n", size);
            System.out.printf("  seeded in %.1f s%n", seeder.seedUpTo(size));
            if (size != sizes.get(0)) {
                // the tokens of the first size have expired by now (Keycloak access tokens live 5 minutes)
                appTokens = keycloak.logins("bench-app-", appTokens.size());
                surveyTokens = keycloak.logins("bench-answer-", surveyTokens.size());
            }
            // one login per till and per console, as a chain with a login per store: each is limited on its own; till c
            // works at store storeOf(c), the only store its staff login may record at
            List<String> staff = tills(keycloak, "bench-till-", clients);
            List<String> marketer = keycloak.users("bench-console-", clients, "marketer");
            Target gw = new Target("gateway", "localhost", config.gatewayPort());
            Target points = new Target("direct", "localhost", config.pointsPort());
            Target surveysDirect = new Target("direct", "localhost", config.surveysPort());
            Target metrics = new Target("direct", "localhost", config.metricsPort());
            com.example.loyalty.bench.load.Settle settle = new com.example.loyalty.bench.load.Settle(
                    config.kafkaBootstrapServers(),
                    List.of(config.jdbcUrl("points"), config.jdbcUrl("surveys"), config.jdbcUrl("metrics")));
            if (warmupRound && size == sizes.get(0)) {
                // the JIT of seven JVMs on two cores takes minutes, not one path's warm-up: with a fixed 10 s, the
                // first paths measured ran at a sixth of their steady rate (earn through the gateway 92 tps after
                // 10 s, 601 tps after 60 s). So every path runs until two 10-second slices agree.
                Duration min = Duration.parse("PT" + warmupRoundMin.toUpperCase());
                Duration max = Duration.parse("PT" + warmupRoundMax.toUpperCase());
                System.out.printf(
                        "warm-up round: every path for %d s, then until steady (two 10 s slices within 10 %%), at most"
                                + " %d s ...%n",
                        min.toSeconds(), max.toSeconds());
                inWarmupRound = true;
                for (String path : selectedPaths()) {
                    for (Target target : targets(path, gw, points, surveysDirect, metrics)) {
                        double last = -1;
                        long spent = 0;
                        while (true) {
                            PathResult slice = runPath(
                                    path,
                                    target,
                                    size,
                                    staff,
                                    marketer,
                                    appTokens,
                                    surveyTokens,
                                    surveyIds,
                                    Duration.ofSeconds(1),
                                    Duration.ofSeconds(10));
                            spent += 11;
                            // the JIT ramps up slowly on two cores: two early slices may agree while it is far from
                            // done
                            boolean steady = spent >= min.toSeconds()
                                    && last > 0
                                    && Math.abs(slice.tps() - last) <= 0.1 * Math.max(slice.tps(), last);
                            if (steady || spent >= max.toSeconds()) {
                                System.out.printf(
                                        "  %-14s %-8s %s after %3d s at %.0f tps%n",
                                        path, target.via(), steady ? "steady" : "NOT steady", spent, slice.tps());
                                break;
                            }
                            last = slice.tps();
                        }
                    }
                }
            }
            inWarmupRound = false;
            for (String path : selectedPaths()) {
                for (Target target : targets(path, gw, points, surveysDirect, metrics)) {
                    double waited = settle.await(Duration.ofMinutes(5));
                    if (waited > 1) {
                        System.out.printf("  (waited %.0f s for the consumers to catch up)%n", waited);
                    }
                    PathResult r = runPath(
                            path, target, size, staff, marketer, appTokens, surveyTokens, surveyIds, warm, window);
                    boolean write = Set.of("earn", "earn-hot", "redeem", "survey-answer")
                            .contains(path);
                    report.row(new Report.Row(
                            size, r, write ? "TPC-B" : "select-only", write ? tpcb.tps() : selectOnly.tps()));
                    System.out.printf(
                            "  %-14s %-8s %8.0f tps  p50 %6.2f ms  p99 %7.2f ms  errors %d%n",
                            path, target.via(), r.tps(), r.p50Ms(), r.p99Ms(), r.errors());
                    System.out.println("    " + Report.cpuLine(r));
                }
            }
        }

        // 3b. the latency the gateway adds, without the queueing of a saturated machine: with 16 clients on two busy
        // cores, the gap between the gateway's p50 and the direct one is mostly Little's law (16 clients / the lower
        // throughput that the gateway's own CPU leaves), so one client alternates between both
        long largest = sizes.get(sizes.size() - 1);
        Target gw = new Target("gateway", "localhost", config.gatewayPort());
        Target pointsDirect = new Target("direct", "localhost", config.pointsPort());
        List<String> probed = Stream.of("lookup", "earn", "me")
                .filter(p -> selectedPaths().contains(p) && via.contains("gateway") && via.contains("direct"))
                .toList();
        if (!probed.isEmpty()) {
            Callers callers = Callers.login(keycloak, clients, Math.min(appTokens.size(), clients), 0);
            loadClients = 1;
            try {
                for (String path : probed) {
                    PathResult[] pair = new PathResult[2];
                    for (int i = 0; i < 2; i++) {
                        pair[i] = runPath(
                                path,
                                i == 0 ? gw : pointsDirect,
                                largest,
                                callers,
                                surveyIds,
                                Duration.ofSeconds(3),
                                Duration.ofSeconds(10));
                    }
                    hopProbes.put(path, pair);
                    System.out.printf(
                            "  hop probe %-8s 1 client: gateway p50 %.2f ms, direct p50 %.2f ms (%+.2f ms), errors %d / %d%n",
                            path,
                            pair[0].p50Ms(),
                            pair[1].p50Ms(),
                            pair[0].p50Ms() - pair[1].p50Ms(),
                            pair[0].errors(),
                            pair[1].errors());
                }
            } finally {
                loadClients = 0;
            }
        }

        // 3c. the profiles, last: starting and stopping JFR in five JVMs sets their JIT compiling again for minutes on
        // two cores (a run that profiled the earn measured it at a quarter of its rate, and every path after it too),
        // so the profiled runs come after every measurement and are not part of the table
        if (!profile.isEmpty()) {
            Callers callers = Callers.login(
                    keycloak,
                    clients,
                    Math.min(appTokens.size(), clients),
                    profile.contains("survey-answer") ? surveyTokens.size() : 0);
            profiling = true;
            try {
                for (String path : profile) {
                    PathResult r = runPath(path, gw, largest, callers, surveyIds, PROFILE_WARMUP, window);
                    System.out.printf(
                            "  profiled %-14s %-8s %8.0f tps under JFR (not a measurement)%n",
                            path, "gateway", r.tps());
                }
            } finally {
                profiling = false;
            }
        }

        // 4. nothing lost
        Map<String, String> outboxes = new LinkedHashMap<>();
        for (String db : List.of("points", "surveys", "metrics")) {
            outboxes.put(db, config.jdbcUrl(db));
        }
        report.checks(new Invariants(pointsDb, outboxes)
                .check("bench-" + run + "-", purchasesAcknowledged.sum(), Duration.ofMinutes(2)));
        targets(report, tpcb, selectOnly, sizes);
        return report;
    }

    private record Target(String via, String host, int port) {}

    /**
     * Fresh tokens of the callers created before (access tokens live 5 minutes), for the runs after the measurements:
     * tills, consoles, app users and survey respondents.
     */
    private record Callers(List<String> staff, List<String> marketer, List<String> app, List<String> survey) {
        static Callers login(Keycloak keycloak, int clients, int appUsers, int respondents) {
            return new Callers(
                    keycloak.logins("bench-till-", clients),
                    keycloak.logins("bench-console-", clients),
                    keycloak.logins("bench-app-", appUsers),
                    keycloak.logins("bench-answer-", respondents));
        }
    }

    private PathResult runPath(
            String path, Target t, long size, Callers c, List<String> surveyIds, Duration warm, Duration window) {
        return runPath(path, t, size, c.staff(), c.marketer(), c.app(), c.survey(), surveyIds, warm, window);
    }

    private List<Target> targets(String path, Target gw, Target points, Target surveys, Target metrics) {
        List<Target> t = new ArrayList<>();
        if (via.contains("gateway")) {
            t.add(gw);
        }
        if (via.contains("direct") && !path.equals("earn-hot") && !path.equals("survey-answer")) {
            t.add(
                    switch (path) {
                        case "survey-metric" -> metrics;
                        default -> points;
                    });
        }
        return t;
    }

    private PathResult runPath(
            String path,
            Target t,
            long size,
            List<String> staff,
            List<String> marketer,
            List<String> appTokens,
            List<String> surveyTokens,
            List<String> surveyIds,
            Duration warm,
            Duration window) {
        ClosedLoop.Window profile = profiling
                ? profiling(
                        path + "-" + t.via() + "-" + size,
                        profiled(path, t.via().equals("gateway")))
                : ClosedLoop.Window.NONE;
        ClosedLoop.Window hooks = measuringCpu(profile);
        // every call its own transaction ids: the warm-up round runs a path several times, then it is measured
        String prefix = "bench-" + run + "-" + path + "-" + t.via() + "-" + size + "-" + calls.incrementAndGet() + "-";
        return switch (path) {
            case "earn" ->
                load(
                        path,
                        t,
                        warm,
                        window,
                        hooks,
                        (http, c, n) -> earn(
                                http, staff.get(c), storeOf(c), prefix + c + "-" + n, PointsSeeder.card(random(size))));
            case "earn-hot" ->
                load(
                        path,
                        t,
                        warm,
                        window,
                        hooks,
                        (http, c, n) ->
                                earn(http, staff.get(c), storeOf(c), prefix + c + "-" + n, PointsSeeder.card(1)));
            case "lookup" ->
                load(
                        path,
                        t,
                        warm,
                        window,
                        hooks,
                        (http, c, n) -> http.get(
                                "/api/points/members?card=" + PointsSeeder.card(random(size)), staff.get(c), false));
            case "me" ->
                load(
                        path,
                        t,
                        warm,
                        window,
                        hooks,
                        (http, c, n) -> http.get(
                                "/api/points/members/me",
                                appTokens.get(
                                        (int) ((c + n * (loadClients > 0 ? loadClients : clients)) % appTokens.size())),
                                false));
            case "redeem" ->
                load(
                        path,
                        t,
                        warm,
                        window,
                        hooks,
                        (http, c, n) -> http.postJson(
                                "/api/points/redemptions",
                                staff.get(c),
                                json(
                                        "{\"idempotencyKey\":\"%s\",\"cardCode\":\"%s\",\"points\":10,\"reason\":\"bench\"}",
                                        prefix + c + "-" + n, PointsSeeder.card(random(size))),
                                false));
            case "survey-answer" ->
                load(path, t, warm, window, hooks, (http, c, n) -> answer(http, surveyTokens, surveyIds));
            case "survey-metric" ->
                load(
                        path,
                        t,
                        warm,
                        window,
                        hooks,
                        (http, c, n) -> http.get("/api/metrics/surveys/" + surveyIds.get(0), marketer.get(c), false));
            default -> throw new CommandLine.ParameterException(new CommandLine(this), "unknown path " + path);
        };
    }

    private PathResult load(
            String path,
            Target t,
            Duration warm,
            Duration window,
            ClosedLoop.Window hooks,
            ClosedLoop.Request request) {
        int n = loadClients > 0 ? loadClients : clients;
        return ClosedLoop.run(path, t.via(), t.host(), t.port(), n, warm, window, request, hooks);
    }

    /** CPU of every process of the stack in the timed window (and {@code inner}'s hooks). */
    private ClosedLoop.Window measuringCpu(ClosedLoop.Window inner) {
        return com.example.loyalty.bench.load.CpuMeter.measuring(pids, inner);
    }

    /**
     * The processes profiled for a path: the service that answers it, the gateway when it is in the way, and for an
     * earn the consumers of its events too (metrics, survey and community services), which share the machine's CPU.
     */
    static List<String> profiled(String path, boolean gateway) {
        List<String> names = new ArrayList<>();
        names.add(
                path.equals("survey-answer")
                        ? "survey-service"
                        : path.equals("survey-metric") ? "metrics-service" : "points-service");
        if (gateway) {
            names.add("gateway");
        }
        if (path.startsWith("earn")) {
            names.addAll(List.of("metrics-service", "survey-service", "community-service"));
        }
        return names;
    }

    /** JFR of {@code processes} around a path's run (see {@link JfrProfile#recording}). */
    private ClosedLoop.Window profiling(String label, List<String> processes) {
        return com.example.loyalty.bench.report.JfrProfile.recording(
                pids, processes, label, bench.repo().resolve("bench/target/profiles"));
    }

    private RawHttp.Answer earn(RawHttp http, String staff, String store, String transactionId, String card) {
        RawHttp.Answer a = http.postJson(
                "/api/points/purchases",
                staff,
                json(
                        "{\"transactionId\":\"%s\",\"cardCode\":\"%s\",\"amount\":%d,\"currency\":\"JPY\","
                                + "\"storeId\":\"%s\",\"channel\":\"STORE\"}",
                        transactionId, card, 500 + ThreadLocalRandom.current().nextInt(20_000), store),
                false);
        if (a.status() == 201) {
            purchasesAcknowledged.increment();
        }
        return a;
    }

    /** Each (respondent, survey) pair answers once: one answer per member per wave. */
    private RawHttp.Answer answer(RawHttp http, List<String> tokens, List<String> surveyIds) {
        long k = answerCursor.getAndIncrement();
        if (k >= (long) tokens.size() * surveyIds.size()) {
            throw new IllegalStateException("out of (respondent, survey) pairs: raise --survey-users or --surveys");
        }
        String token = tokens.get((int) (k % tokens.size()));
        String survey = surveyIds.get((int) (k / tokens.size()));
        return http.postJson(
                "/api/surveys/" + survey + "/responses",
                token,
                json("{\"answers\":{\"nps\":%d},\"channel\":\"APP\"}", (int) (k % 11)),
                false);
    }

    private static long random(long size) {
        return 1 + ThreadLocalRandom.current().nextLong(size);
    }

    private static byte[] json(String format, Object... args) {
        return String.format(format, args).getBytes(StandardCharsets.UTF_8);
    }

    private boolean needed(String path) {
        return selectedPaths().contains(path);
    }

    private List<String> selectedPaths() {
        return paths == null || paths.isEmpty() ? ALL_PATHS : paths;
    }

    /** The store till {@code c} works at: S001, S002, ... */
    static String storeOf(int c) {
        return String.format("S%03d", c + 1);
    }

    /** Tokens of {@code count} staff users, the c-th working at {@link #storeOf storeOf(c)}. */
    private static List<String> tills(Keycloak keycloak, String prefix, int count) {
        System.out.printf("creating %d Keycloak users %s* (staff, one store each) ...%n", count, prefix);
        String admin = keycloak.adminToken();
        JsonNode role = keycloak.role(admin, "staff");
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (i % 25 == 24) {
                admin = keycloak.adminToken(); // master-realm tokens live 60 s
            }
            String user = prefix + i;
            keycloak.createStaff(admin, role, user, storeOf(i));
            tokens.add(keycloak.token(user, user));
        }
        return tokens;
    }

    private static List<String> surveys(String gateway, String marketer, int count) {
        System.out.printf("publishing %d NPS surveys ...%n", count);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = Http.postJson(
                            gateway + "/api/surveys",
                            marketer,
                            Map.of(
                                    "title", Map.of("en", "Bench NPS " + i),
                                    "anonymous", false,
                                    "questions",
                                            List.of(Map.of(
                                                    "id",
                                                    "nps",
                                                    "type",
                                                    "NPS",
                                                    "required",
                                                    true,
                                                    "text",
                                                    Map.of("en", "How likely are you to recommend us?")))))
                    .expect(201)
                    .json()
                    .get("id")
                    .asText();
            Http.postJson(gateway + "/api/surveys/" + id + "/publish", marketer, Map.of())
                    .expect(200);
            ids.add(id);
        }
        return ids;
    }

    private void targets(Report report, Pgbench.Run tpcb, Pgbench.Run selectOnly, List<Long> sizes) {
        long largest = sizes.get(sizes.size() - 1);
        Function<String, Optional<PathResult>> gateway = p -> find(report, largest, p, "gateway");
        Function<String, Optional<PathResult>> direct = p -> find(report, largest, p, "direct");
        gateway.apply("earn")
                .ifPresent(r -> report.target(new Report.Target(
                        "earn through the gateway",
                        ">= 0.5x TPC-B, p99 <= 50 ms",
                        String.format("%.2fx, p99 %.1f ms", r.tps() / tpcb.tps(), r.p99Ms()),
                        r.tps() >= 0.5 * tpcb.tps() && r.p99Ms() <= 50 && r.errors() == 0)));
        gateway.apply("earn-hot")
                .ifPresent(r -> report.target(new Report.Target(
                        "hot member (one card, every client)",
                        ">= 150 tps, exact",
                        String.format("%.0f tps, %d errors", r.tps(), r.errors()),
                        r.tps() >= 150 && r.errors() == 0)));
        gateway.apply("lookup")
                .ifPresent(r -> report.target(new Report.Target(
                        "look-up by card through the gateway",
                        ">= 0.2x select-only, p99 <= 20 ms",
                        String.format("%.2fx, p99 %.1f ms", r.tps() / selectOnly.tps(), r.p99Ms()),
                        r.tps() >= 0.2 * selectOnly.tps() && r.p99Ms() <= 20 && r.errors() == 0)));
        gateway.apply("survey-answer")
                .ifPresent(r -> report.target(new Report.Target(
                        "survey answers through the gateway",
                        ">= 0.25x TPC-B",
                        String.format("%.2fx", r.tps() / tpcb.tps()),
                        r.tps() >= 0.25 * tpcb.tps() && r.errors() == 0)));
        for (String p : List.of("lookup", "earn", "me")) {
            PathResult[] probe = hopProbes.get(p);
            if (probe != null) {
                double hop = probe[0].p50Ms() - probe[1].p50Ms();
                report.target(new Report.Target(
                        "gateway hop, " + p + " (1 client)",
                        "<= 1 ms p50 over direct",
                        String.format("%+.2f ms", hop),
                        hop <= 1.0 && probe[0].errors() == 0 && probe[1].errors() == 0));
            }
        }
        if (sizes.size() > 1) {
            long smallest = sizes.get(0);
            for (String p : List.of("earn", "lookup")) {
                Optional<PathResult> small = find(report, smallest, p, "direct");
                Optional<PathResult> large = find(report, largest, p, "direct");
                if (small.isPresent() && large.isPresent()) {
                    double ratio = small.get().tps() / large.get().tps();
                    report.target(new Report.Target(
                            String.format("cost per %s, %,d vs %,d members", p, largest, smallest),
                            "within +-20%",
                            String.format("%+.0f%%", (ratio - 1) * 100),
                            ratio >= 0.8 && ratio <= 1.25));
                }
            }
        }
    }

    private static Optional<PathResult> find(Report report, long members, String path, String via) {
        return report.rows().stream()
                .filter(r -> r.members() == members
                        && r.result().path().equals(path)
                        && r.result().via().equals(via))
                .map(Report.Row::result)
                .findFirst();
    }

    private static String settings(String url) {
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                Statement s = c.createStatement()) {
            List<String> parts = new ArrayList<>();
            for (String name :
                    List.of("server_version", "fsync", "synchronous_commit", "full_page_writes", "shared_buffers")) {
                try (ResultSet rs = s.executeQuery("show " + name)) {
                    rs.next();
                    parts.add(name + "=" + rs.getString(1));
                }
            }
            return String.join(", ", parts);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
