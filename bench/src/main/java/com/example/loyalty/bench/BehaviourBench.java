package com.example.loyalty.bench;

import com.example.loyalty.bench.db.Sql;
import com.example.loyalty.bench.http.Http;
import com.example.loyalty.bench.http.Keycloak;
import com.example.loyalty.bench.load.ClosedLoop;
import com.example.loyalty.bench.load.CpuMeter;
import com.example.loyalty.bench.load.PathResult;
import com.example.loyalty.bench.load.Settle;
import com.example.loyalty.bench.report.JfrProfile;
import com.example.loyalty.launcher.Stack;
import com.example.loyalty.launcher.StackConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Behavioural loyalty at scale: seeds members and their purchases straight into metrics-service's
 * {@code member_purchase}, then at each size (1) times the RFM recompute of the service against hand-written SQL
 * statements computing the same scores and segments on the same PostgreSQL (one writing them as the service does,
 * upserted into a table like {@code member_rfm}; one into a bare unlogged table, the floor), (2) drives the member profile read through
 * the gateway and straight to the service, and (3) prints the cost per member at each size.
 */
@Command(
        name = "behaviour",
        mixinStandardHelpOptions = true,
        description = "Benchmark: RFM recompute against hand-written SQL, member profile reads, cost per member.")
public final class BehaviourBench implements Callable<Integer> {

    @Mixin
    BenchStack bench;

    @Option(
            names = "--members",
            split = ",",
            defaultValue = "10000,1000000",
            description = "Member counts to measure at, ascending (default ${DEFAULT-VALUE}).")
    List<Integer> members;

    @Option(
            names = "--purchases-per-member",
            defaultValue = "20",
            description = "Mean purchases per member (1 to 2x-1, uniformly; default ${DEFAULT-VALUE}).")
    int purchasesPerMember;

    @Option(names = "--clients", defaultValue = "16", description = "Profile-read clients (default ${DEFAULT-VALUE}).")
    int clients;

    @Option(
            names = "--warmup",
            defaultValue = "60s",
            description = "Profile-read warm-up (default ${DEFAULT-VALUE}: seven JVMs on two cores need a minute to "
                    + "compile a path).")
    String warmup;

    @Option(names = "--duration", defaultValue = "20s", description = "Profile-read window (default ${DEFAULT-VALUE}).")
    String duration;

    @Option(
            names = "--profile",
            description = "After the measurements, read profiles straight from metrics-service once more with JFR on "
                    + "it (warm-up and window as above) and print its hot spots of the window (bench/target/profiles).")
    boolean profile;

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    /** The references' memory per sort and hash: what the service's recompute sets (metrics.behaviour.rfm-recompute-work-mem, default 256MB). */
    private static final String WORK_MEM = "256MB";

    /** The marketers reading profiles, one login per client. */
    private static final String CONSOLES = "bench-console-";

    /**
     * The reference: the same scores and segments as the service's recompute (ceil(5k/n) quintiles with ties equal,
     * members without a purchase in the window at F = M = 1, the segment table in its order), written by hand as one
     * query; {@link #REFERENCE} and {@link #LIKE_FOR_LIKE} write its rows.
     */
    private static final String REFERENCE_SELECT = """
            with per_member as (
                select member_id,
                       (date '%1$s' - max((occurred_at at time zone 'Asia/Tokyo')::date)) as recency,
                       count(*) filter (where occurred_at >= timestamp '%2$s' at time zone 'Asia/Tokyo') as frequency,
                       coalesce(sum(amount) filter (where occurred_at >= timestamp '%2$s' at time zone 'Asia/Tokyo'), 0)
                           as monetary
                from member_purchase
                where currency = 'JPY' and occurred_at < timestamp '%3$s' at time zone 'Asia/Tokyo'
                group by member_id),
            scored as (
                select member_id, recency, frequency, monetary,
                       ceil(5.0 * cume_dist() over (order by recency desc))::int as r,
                       case when frequency = 0 then 1
                            else ceil(5.0 * cume_dist() over (partition by frequency > 0 order by frequency))::int end as f,
                       case when frequency = 0 then 1
                            else ceil(5.0 * cume_dist() over (partition by frequency > 0 order by monetary))::int end as m
                from per_member)
            select member_id, recency, frequency, monetary, r, f, m,
                   case when r >= 4 and f >= 4 and m >= 4 then 'CHAMPIONS'
                        when r = 1 and f >= 4 and m >= 4 then 'CANT_LOSE_THEM'
                        when r >= 2 and f >= 3 and m >= 3 then 'LOYAL'
                        when r <= 2 and f >= 2 and m >= 2 then 'AT_RISK'
                        when r >= 4 and f = 1 and m = 1 then 'NEW'
                        when r between 3 and 4 and f = 1 and m = 1 then 'PROMISING'
                        when r >= 3 and f <= 3 and m <= 3 then 'POTENTIAL_LOYALIST'
                        when r between 2 and 3 and f between 2 and 3 and m between 2 and 3 then 'NEED_ATTENTION'
                        when r between 2 and 3 and f <= 2 and m <= 2 then 'ABOUT_TO_SLEEP'
                        when r <= 2 and f <= 2 and m <= 2 then 'HIBERNATING'
                        when r = 1 and f = 1 and m = 1 then 'LOST'
                        else 'OTHERS' end as segment
            from scored""";

    /** The scores into a new unlogged table without an index: the least a statement can write. */
    private static final String REFERENCE = "create unlogged table bench_rfm_reference as " + REFERENCE_SELECT;

    /**
     * The same scores written as the service writes them: upserted into a logged table made like {@code member_rfm}
     * (its primary key, segment index, checks and fill factor), the former segment kept, so the second run updates every row. It
     * leaves out what only the service does: pruning members without purchases and announcing changed segments.
     */
    private static final String LIKE_FOR_LIKE = """
            insert into bench_rfm_like as t (member_id, currency, as_of, recency_days, frequency, monetary, r, f, m,
                                             segment, previous_segment, computed_at)
            select member_id, 'JPY', date '%1$s', recency, frequency, monetary, r, f, m, segment, null, now()
            from (""" + REFERENCE_SELECT + """
            ) s
            on conflict (member_id, currency) do update set
                as_of = excluded.as_of, recency_days = excluded.recency_days, frequency = excluded.frequency,
                monetary = excluded.monetary, r = excluded.r, f = excluded.f, m = excluded.m,
                segment = excluded.segment, previous_segment = t.segment, computed_at = excluded.computed_at""";

    public static void main(String[] args) {
        System.exit(new CommandLine(new BehaviourBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        StackConfig config = bench.config();
        try (Stack stack = bench.start(config)) {
            run(config, stack.pids());
        }
        return 0;
    }

    private void run(StackConfig config, Map<String, Long> pids) throws Exception {
        Keycloak keycloak = new Keycloak(config);
        String metricsDb = config.jdbcUrl("metrics");
        String direct = config.serviceUrl(config.metricsPort());
        LocalDate asOf = LocalDate.now(TOKYO);
        ObjectMapper json = new ObjectMapper();
        ArrayNode rows = json.createArrayNode();
        List<String> lines = new ArrayList<>();
        int seeded = 0;
        for (int size : members.stream().sorted().toList()) {
            System.out.printf("seeding members %,d to %,d with their purchases ...%n", seeded + 1, size);
            double seedSeconds = seed(metricsDb, seeded, size, asOf);
            seeded = size;
            long purchases = Sql.scalar(metricsDb, "select count(*) from member_purchase");
            System.out.printf("  %,d purchases in all, seeded in %.1f s%n", purchases, seedSeconds);

            // 1. the recompute: the first scores every member (and announces every segment), the second is the
            // steady state (segments unchanged); the references are hand-written statements, bare and like for like
            String marketer = keycloak.token("marketer1", "marketer1");
            double first = recompute(direct, marketer, asOf);
            marketer = keycloak.token("marketer1", "marketer1");
            double again = recompute(direct, marketer, asOf);
            long recomputed = System.nanoTime();
            double reference = reference(metricsDb, asOf);
            double[] likeForLike = likeForLike(metricsDb, asOf);
            // read after the references, and 11 s after the recompute at least: an idle backend reports its
            // statistics within 10 s
            Thread.sleep(Math.max(0, 11_000 - (System.nanoTime() - recomputed) / 1_000_000));
            String hot = hotUpdates(metricsDb);
            System.out.printf(
                    "  RFM recompute: first %.2f s, again %.2f s; hand-written SQL: into a bare unlogged table %.2f s "
                            + "(%.2fx), upserted like member_rfm first %.2f s, again %.2f s (%.2fx)%n",
                    first, again, reference, again / reference, likeForLike[0], likeForLike[1], again / likeForLike[1]);
            System.out.println("  member_rfm after both recomputes: " + hot);

            // 2. profile reads, through the gateway and straight to the service, once the first recompute's
            // SegmentChanged events (one per member) are relayed and consumed: points-service and survey-service
            // working off a million of them took the gateway run's CPU (its p99 41.9 ms, 14.6 ms in another run)
            double waited = new Settle(
                            config.kafkaBootstrapServers(),
                            List.of(config.jdbcUrl("points"), config.jdbcUrl("surveys"), metricsDb))
                    .await(Duration.ofMinutes(15));
            if (waited > 1) {
                System.out.printf("  (waited %.0f s for the segment changes to be relayed and consumed)%n", waited);
            }
            List<String> ids = memberIds(metricsDb, 10_000);
            // one marketer login per client, as a team of marketers: the gateway limits each login on its own
            List<String> tokens = keycloak.users(CONSOLES, clients, "marketer");
            Duration warm = Duration.parse("PT" + warmup.toUpperCase());
            Duration window = Duration.parse("PT" + duration.toUpperCase());
            ClosedLoop.Request profile = (http, c, n) -> http.get(
                    "/api/metrics/members/"
                            + ids.get(ThreadLocalRandom.current().nextInt(ids.size())) + "/profile",
                    tokens.get(c),
                    false);
            PathResult viaGateway = ClosedLoop.run(
                    "profile",
                    "gateway",
                    "localhost",
                    config.gatewayPort(),
                    clients,
                    warm,
                    window,
                    profile,
                    CpuMeter.measuring(pids, ClosedLoop.Window.NONE));
            PathResult straight = ClosedLoop.run(
                    "profile",
                    "direct",
                    "localhost",
                    config.metricsPort(),
                    clients,
                    warm,
                    window,
                    profile,
                    CpuMeter.measuring(pids, ClosedLoop.Window.NONE));
            for (PathResult r : List.of(viaGateway, straight)) {
                System.out.printf(
                        "  profile %-8s %7.0f reads/s  p50 %6.2f ms  p99 %7.2f ms  errors %d%n"
                                + "          CPU ms per read %s%n",
                        r.via(), r.tps(), r.p50Ms(), r.p99Ms(), r.errors(), PathResult.describe(r.cpuPerRequest()));
            }

            ObjectNode row = rows.addObject();
            row.put("members", size);
            row.put("purchases", purchases);
            row.put("recomputeFirstSeconds", first);
            row.put("recomputeSeconds", again);
            row.put("referenceSeconds", reference);
            row.put("ratioToReference", again / reference);
            row.put("likeForLikeFirstSeconds", likeForLike[0]);
            row.put("likeForLikeSeconds", likeForLike[1]);
            row.put("ratioToLikeForLike", again / likeForLike[1]);
            row.put("microsPerMember", again * 1e6 / size);
            row.put("profileGatewayP99Ms", viaGateway.p99Ms());
            row.put("profileGatewayTps", viaGateway.tps());
            row.put("profileGatewayErrors", viaGateway.errors());
            row.put("profileDirectErrors", straight.errors());
            row.put("profileDirectP99Ms", straight.p99Ms());
            row.put("profileDirectTps", straight.tps());
            ObjectNode cpu = row.putObject("profileCpuMillisPerRead");
            viaGateway.cpuPerRequest().forEach((process, ms) -> cpu.put("gateway run " + process, ms));
            straight.cpuPerRequest().forEach((process, ms) -> cpu.put("direct run " + process, ms));
            lines.add(String.format(
                    "%,10d members %,12d purchases  recompute %7.2f s (first %7.2f s)  SQL like for like %7.2f s "
                            + "%.2fx, bare %7.2f s %.2fx  %6.1f µs/member  profile p99 %6.2f ms (gateway) %6.2f ms "
                            + "(direct)",
                    size,
                    purchases,
                    again,
                    first,
                    likeForLike[1],
                    again / likeForLike[1],
                    reference,
                    again / reference,
                    again * 1e6 / size,
                    viaGateway.p99Ms(),
                    straight.p99Ms()));
        }

        System.out.println();
        System.out.println(
                "== behaviour benchmark (" + (bench.durable() ? "durable" : "non-durable") + " PostgreSQL) ==");
        lines.forEach(System.out::println);
        System.out.println();
        System.out.println("targets");
        for (JsonNode row : rows) {
            target(
                    "RFM recompute within 1.2x of hand-written SQL, "
                            + String.format("%,d", row.get("members").asInt()),
                    row.get("ratioToLikeForLike").asDouble() <= 1.2,
                    String.format(
                            "%.2fx the same upsert by hand (%.2fx a bare unlogged table)",
                            row.get("ratioToLikeForLike").asDouble(),
                            row.get("ratioToReference").asDouble()));
            target(
                    "profile read p99 <= 20 ms (gateway), "
                            + String.format("%,d", row.get("members").asInt()),
                    row.get("profileGatewayP99Ms").asDouble() <= 20
                            && row.get("profileGatewayErrors").asLong() == 0,
                    String.format(
                            "%.2f ms, %d errors",
                            row.get("profileGatewayP99Ms").asDouble(),
                            row.get("profileGatewayErrors").asLong()));
        }
        if (rows.size() > 1) {
            double small = rows.get(0).get("microsPerMember").asDouble();
            double large = rows.get(rows.size() - 1).get("microsPerMember").asDouble();
            double change = (large / small - 1) * 100;
            target(
                    "recompute cost per member flat within +-20%",
                    Math.abs(change) <= 20, String.format("%+.0f%% (%.1f -> %.1f µs/member)", change, small, large));
        }
        if (profile) {
            profileReads(config, pids, keycloak, metricsDb);
        }
        ObjectNode report = json.createObjectNode();
        report.put("scenario", "behaviour");
        report.put("durable", bench.durable());
        report.put("cores", Runtime.getRuntime().availableProcessors());
        report.set("rows", rows);
        bench.writeJson("behaviour", report);
    }

    /** Profile reads straight to metrics-service under JFR; prints the hot spots of the window's samples. */
    private void profileReads(StackConfig config, Map<String, Long> pids, Keycloak keycloak, String metricsDb)
            throws Exception {
        List<String> ids = memberIds(metricsDb, 10_000);
        List<String> tokens = keycloak.logins(CONSOLES, clients);
        PathResult r = ClosedLoop.run(
                "profile",
                "direct",
                "localhost",
                config.metricsPort(),
                clients,
                Duration.parse("PT" + warmup.toUpperCase()),
                Duration.parse("PT" + duration.toUpperCase()),
                (http, c, n) -> http.get(
                        "/api/metrics/members/"
                                + ids.get(ThreadLocalRandom.current().nextInt(ids.size())) + "/profile",
                        tokens.get(c),
                        false),
                JfrProfile.recording(
                        pids,
                        List.of("metrics-service"),
                        "profile-read",
                        bench.repo().resolve("bench/target/profiles")));
        System.out.printf(
                "profiled: profile direct %7.0f reads/s  p50 %6.2f ms  p99 %7.2f ms  errors %d%n",
                r.tps(), r.p50Ms(), r.p99Ms(), r.errors());
    }

    private static void target(String name, boolean met, String measured) {
        System.out.printf("  %-4s %-60s measured %s%n", met ? "MET" : "MISS", name, measured);
    }

    /**
     * Members {@code from + 1} to {@code to}, each with 1 to {@code 2 * purchasesPerMember - 1} purchases in JPY over
     * the 18 months before {@code asOf}, as imported history: one statement, server-side.
     */
    private double seed(String url, int from, int to, LocalDate asOf) throws Exception {
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                Statement s = c.createStatement()) {
            s.execute("insert into member_purchase (transaction_id, member_id, occurred_at, amount, currency, history) "
                    + "select 'bench-' || i || '-' || p, md5('bench-member-' || i)::uuid, "
                    + "timestamp '" + asOf + "' at time zone 'Asia/Tokyo' - (random() * 547 + 1) * interval '1 day', "
                    + "(500 + random() * 20000)::bigint, 'JPY', true "
                    + "from generate_series(" + (from + 1) + ", " + to + ") as i, "
                    + "lateral generate_series(1, 1 + (abs(hashint4(i)) % " + (2 * purchasesPerMember - 1) + ")) as p");
            s.execute("analyze member_purchase");
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double recompute(String direct, String token, LocalDate asOf) {
        long t0 = System.nanoTime();
        Http.postJson(direct + "/api/metrics/rfm/recompute?asOf=" + asOf, token, Map.of())
                .expect(200);
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double reference(String url, LocalDate asOf) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                Statement s = c.createStatement()) {
            s.execute("drop table if exists bench_rfm_reference");
            s.execute("set work_mem = '" + WORK_MEM + "'");
            long t0 = System.nanoTime();
            s.execute(String.format(
                    REFERENCE,
                    asOf,
                    asOf.minusMonths(12).plusDays(1).atStartOfDay(),
                    asOf.plusDays(1).atStartOfDay()));
            double seconds = (System.nanoTime() - t0) / 1e9;
            s.execute("drop table bench_rfm_reference");
            return seconds;
        }
    }

    /**
     * The like-for-like reference, twice into a fresh table made like {@code member_rfm}: the first run inserts every
     * row (as the service's first recompute), the second updates every row (as its steady state).
     */
    private static double[] likeForLike(String url, LocalDate asOf) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                Statement s = c.createStatement()) {
            s.execute("drop table if exists bench_rfm_like");
            s.execute("create table bench_rfm_like (like member_rfm including all)");
            // its storage parameters too (a fill factor), which LIKE leaves behind
            String options;
            try (ResultSet rs = s.executeQuery(
                    "select array_to_string(reloptions, ', ') from pg_class where oid = 'member_rfm'::regclass")) {
                rs.next();
                options = rs.getString(1);
            }
            if (options != null && !options.isEmpty()) {
                s.execute("alter table bench_rfm_like set (" + options + ")");
            }
            s.execute("set work_mem = '" + WORK_MEM + "'");
            String sql = String.format(
                    LIKE_FOR_LIKE,
                    asOf,
                    asOf.minusMonths(12).plusDays(1).atStartOfDay(),
                    asOf.plusDays(1).atStartOfDay());
            double[] seconds = new double[2];
            for (int run = 0; run < 2; run++) {
                long t0 = System.nanoTime();
                s.execute(sql);
                seconds[run] = (System.nanoTime() - t0) / 1e9;
            }
            s.execute("drop table bench_rfm_like");
            return seconds;
        }
    }

    /** How many of member_rfm's row updates so far were HOT (the new version on its page, no index touched). */
    private static String hotUpdates(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select n_tup_upd, n_tup_hot_upd from pg_stat_user_tables where relname = 'member_rfm'")) {
            return rs.next()
                    ? String.format("%,d row updates, %,d of them HOT", rs.getLong(1), rs.getLong(2))
                    : "no statistics";
        }
    }

    private static List<String> memberIds(String url, int limit) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select member_id from member_rfm order by random() limit " + limit)) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }
}
