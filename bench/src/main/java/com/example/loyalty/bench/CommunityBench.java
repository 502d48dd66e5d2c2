package com.example.loyalty.bench;

import com.example.loyalty.bench.db.Pgbench;
import com.example.loyalty.bench.db.Sql;
import com.example.loyalty.bench.http.Http;
import com.example.loyalty.bench.http.Keycloak;
import com.example.loyalty.bench.http.RawHttp;
import com.example.loyalty.bench.load.ClosedLoop;
import com.example.loyalty.bench.load.CpuMeter;
import com.example.loyalty.bench.load.PathResult;
import com.example.loyalty.bench.load.Settle;
import com.example.loyalty.bench.report.JfrProfile;
import com.example.loyalty.bench.report.StatementStats;
import com.example.loyalty.launcher.Stack;
import com.example.loyalty.launcher.StackConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The community at scale: starts its own stack, seeds {@code --posts} posts (default 1,000,000) over {@code --spaces}
 * spaces straight into community-service's database, then drives (1) feed page reads (newest, most active and
 * unanswered, first pages and the pages after them by cursor) and (2) posting, through the gateway and straight to the
 * service, with pgbench TPC-B on the same PostgreSQL as the reference for posting. Targets (issue 10): a feed page's
 * p99 at most 20 ms with a million posts, posting at least 0.25x TPC-B. A second reference, (3), runs the post's own
 * transaction by hand with pgbench ({@code community/post-transaction.sql}): how fast the database alone could post,
 * with no JVM on the path and none of the events' consumers.
 */
@Command(
        name = "community",
        mixinStandardHelpOptions = true,
        description = "Benchmark: community feed reads at a million posts, and posting against pgbench TPC-B and "
                + "against the post's own transaction by hand.")
public final class CommunityBench implements Callable<Integer> {

    /**
     * Members per client. The gateway holds one member to 50 requests a second (a phone); a client's members take
     * turns, so the whole stack's speed is measured, not one member's limit.
     */
    static final int MEMBERS_PER_CLIENT = 6;

    @Mixin
    BenchStack bench;

    @Option(names = "--posts", defaultValue = "1000000", description = "Posts to seed (default ${DEFAULT-VALUE}).")
    int posts;

    @Option(
            names = "--spaces",
            defaultValue = "100",
            description = "Spaces they spread over (default ${DEFAULT-VALUE}).")
    int spaces;

    @Option(
            names = "--clients",
            defaultValue = "16",
            description = "Closed-loop clients, also pgbench's (default ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--warmup", defaultValue = "10s", description = "Warm-up per path (default ${DEFAULT-VALUE}).")
    String warmup;

    @Option(
            names = "--duration",
            defaultValue = "20s",
            description = "Timed window per path (default ${DEFAULT-VALUE}).")
    String duration;

    @Option(
            names = "--warm-round",
            defaultValue = "120s",
            description = "Unmeasured traffic before the first measured run (default ${DEFAULT-VALUE}).")
    String warmRound;

    @Option(
            names = "--profile",
            description = "After the measurements, run the feed and the posting straight to the service once more with "
                    + "JFR (community-service; for posting also the consumers of its events, points-service and "
                    + "metrics-service) and print the hot spots of each window (bench/target/profiles); for posting "
                    + "also PostgreSQL's statements by time (pg_stat_statements, loaded for the whole run).")
    boolean profile;

    @Option(
            names = "--skip-pgbench",
            description =
                    "Do not run pgbench (the posting ratio and the post's transaction by hand are then left out).")
    boolean skipPgbench;

    private static final int PAGE = 20;
    private static final int PAGES_PER_WALK = 5;
    private static final String[] SORTS = {"newest", "active", "unanswered"};

    public static void main(String[] args) {
        System.exit(new CommandLine(new CommunityBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        StackConfig config = bench.config().withStatementStats(profile);
        try (Stack stack = bench.start(config)) {
            run(config, stack.pids());
        }
        return 0;
    }

    private void run(StackConfig config, Map<String, Long> pids) throws Exception {
        Keycloak keycloak = new Keycloak(config);
        String gateway = config.gatewayUrl();
        String communityDb = config.jdbcUrl("community");
        Duration warm = Duration.parse("PT" + warmup.toUpperCase());
        Duration window = Duration.parse("PT" + duration.toUpperCase());

        // members who read and post, enrolled in points and known to the community: several per client, each within
        // the gateway's limit for one member (50 requests a second), as a feed is read by many members, not a few fast
        List<String> users = members(keycloak, gateway, clients * MEMBERS_PER_CLIENT);

        System.out.printf("seeding %,d posts over %d spaces ...%n", posts, spaces);
        double seedSeconds = seed(communityDb);
        List<String> spaceIds =
                strings(communityDb, "select id from space where name like 'Bench space %' order by name");
        System.out.printf("  seeded in %.1f s%n", seedSeconds);

        Pgbench.Run tpcb = new Pgbench.Run("TPC-B", clients, Double.NaN, Double.NaN);
        if (!skipPgbench) {
            Pgbench.freshDatabase(config.jdbcUrl("postgres"), "pgbench");
            Pgbench pgbench = Pgbench.on(config.postgresPort(), "pgbench");
            System.out.printf("pgbench %s: TPC-B, %d clients ...%n", pgbench.version(), clients);
            pgbench.init(10);
            tpcb = pgbench.tpcb(clients, window);
            System.out.printf("  TPC-B %.0f tps%n", tpcb.tps());
        }

        // fresh tokens for the timed part (seeding and pgbench take minutes)
        List<String> tokens = new ArrayList<>();
        for (String user : users) {
            tokens.add(keycloak.token(user, user));
        }

        // 1. feed pages: each client walks a random space's feed in a random order for five pages, then starts over
        String[] cursors = new String[clients];
        String[] walks = new String[clients];
        int[] depth = new int[clients];
        int[] reader = new int[clients];
        ClosedLoop.Request feed = (http, c, n) -> {
            if (walks[c] == null || depth[c] >= PAGES_PER_WALK || cursors[c] == null) {
                walks[c] = "/api/community/spaces/"
                        + spaceIds.get(ThreadLocalRandom.current().nextInt(spaceIds.size()))
                        + "/posts?limit=" + PAGE + "&sort="
                        + SORTS[ThreadLocalRandom.current().nextInt(SORTS.length)];
                depth[c] = 0;
                cursors[c] = null;
                // the next walk is the next of the client's members paging through a feed
                reader[c] = (reader[c] + 1) % MEMBERS_PER_CLIENT;
            }
            String path = cursors[c] == null
                    ? walks[c]
                    : walks[c] + "&cursor=" + URLEncoder.encode(cursors[c], StandardCharsets.UTF_8);
            RawHttp.Answer answer = http.get(path, tokens.get(c * MEMBERS_PER_CLIENT + reader[c]), true);
            depth[c]++;
            cursors[c] = answer.status() == 200 ? nextCursor(answer) : null;
            return answer;
        };
        // the JVMs' JIT needs minutes of traffic on these paths before they run at their steady speed (a profile of a
        // fresh community-service showed the C2 compiler still taking a third of its CPU after three minutes)
        System.out.printf("warming up: %s of feed reads and posts through the gateway ...%n", warmRound);
        Duration warmHalf = Duration.parse("PT" + warmRound.toUpperCase()).dividedBy(2);
        ClosedLoop.run("feed", "warm-up", "localhost", config.gatewayPort(), clients, Duration.ZERO, warmHalf, feed);
        PathResult feedGateway = ClosedLoop.run(
                "feed",
                "gateway",
                "localhost",
                config.gatewayPort(),
                clients,
                warm,
                window,
                feed,
                CpuMeter.measuring(pids, ClosedLoop.Window.NONE));
        PathResult feedDirect = ClosedLoop.run(
                "feed",
                "direct",
                "localhost",
                config.communityPort(),
                clients,
                warm,
                window,
                feed,
                CpuMeter.measuring(pids, ClosedLoop.Window.NONE));

        // 2. posting: each client posts discussions into random spaces
        ClosedLoop.Request post = (http, c, n) -> http.postJson(
                "/api/community/spaces/"
                        + spaceIds.get(ThreadLocalRandom.current().nextInt(spaceIds.size())) + "/posts",
                tokens.get(c * MEMBERS_PER_CLIENT + (int) (n % MEMBERS_PER_CLIENT)),
                ("{\"kind\":\"DISCUSSION\",\"title\":\"Bench post " + c + "-" + n
                                + "\",\"body\":\"Which beans do you brew this week? Client " + c + ", post " + n
                                + ".\",\"tags\":[\"bench\"]}")
                        .getBytes(StandardCharsets.UTF_8),
                false);
        ClosedLoop.run("post", "warm-up", "localhost", config.gatewayPort(), clients, Duration.ZERO, warmHalf, post);
        PathResult postGateway = ClosedLoop.run(
                "post",
                "gateway",
                "localhost",
                config.gatewayPort(),
                clients,
                warm,
                window,
                post,
                CpuMeter.measuring(pids, ClosedLoop.Window.NONE));
        PathResult postDirect = ClosedLoop.run(
                "post",
                "direct",
                "localhost",
                config.communityPort(),
                clients,
                warm,
                window,
                post,
                CpuMeter.measuring(pids, ClosedLoop.Window.NONE));

        // 3. the same transaction by hand: the post's seven statements straight from pgbench, no JVM on the path
        Pgbench.Run postSql = new Pgbench.Run("post transaction", clients, Double.NaN, Double.NaN);
        Pgbench.Run tpcbAfter = new Pgbench.Run("TPC-B", clients, Double.NaN, Double.NaN);
        if (!skipPgbench) {
            // after the events of the posting runs are relayed and consumed, so pgbench has the machine to itself
            double waited = new Settle(
                            config.kafkaBootstrapServers(),
                            List.of(communityDb, config.jdbcUrl("points"), config.jdbcUrl("metrics")))
                    .await(Duration.ofMinutes(5));
            System.out.printf(
                    "pgbench: the post's transaction by hand, %d clients (%.0f s after the posting, when the "
                            + "consumers had caught up) ...%n",
                    clients, waited);
            postSql = postTransactionByHand(communityDb, config.postgresPort(), window);
            System.out.printf("  %.0f tps%n", postSql.tps());
            // TPC-B once more beside it: the machine's speed moves by a quarter within minutes, and the two pgbench
            // runs back to back compare the post's transaction with TPC-B on the same machine
            tpcbAfter = Pgbench.on(config.postgresPort(), "pgbench").tpcb(clients, window);
            System.out.printf("  TPC-B again %.0f tps%n", tpcbAfter.tps());
        }

        if (profile) {
            Path profiles = bench.repo().resolve("bench/target/profiles");
            // through the gateway too: what the service spends on a proxied request, beside a direct one
            PathResult feedProfiledGateway = ClosedLoop.run(
                    "feed",
                    "gateway",
                    "localhost",
                    config.gatewayPort(),
                    clients,
                    warm,
                    window,
                    feed,
                    JfrProfile.recording(
                            pids, List.of("community-service", "gateway"), "community-feed-gateway", profiles));
            PathResult feedProfiled = ClosedLoop.run(
                    "feed",
                    "direct",
                    "localhost",
                    config.communityPort(),
                    clients,
                    warm,
                    window,
                    feed,
                    JfrProfile.recording(pids, List.of("community-service"), "community-feed", profiles));
            PathResult postProfiled = ClosedLoop.run(
                    "post",
                    "direct",
                    "localhost",
                    config.communityPort(),
                    clients,
                    warm,
                    window,
                    post,
                    JfrProfile.recording(
                                    pids,
                                    List.of("community-service", "points-service", "metrics-service"),
                                    "community-post",
                                    profiles)
                            .and(StatementStats.recording(
                                    communityDb, List.of("community", "points", "metrics"), "community-post", 30)));
            for (PathResult r : List.of(feedProfiledGateway, feedProfiled, postProfiled)) {
                System.out.printf(
                        "profiled: %s %s %.0f tps, p99 %.2f ms, errors %d%n",
                        r.path(), r.via(), r.tps(), r.p99Ms(), r.errors());
            }
        }

        ObjectMapper json = new ObjectMapper();
        ArrayNode rows = json.createArrayNode();
        System.out.println();
        System.out.printf(
                "== community benchmark (%s PostgreSQL, %,d posts, %d clients) ==%n",
                bench.durable() ? "durable" : "non-durable",
                Sql.scalar(communityDb, "select count(*) from post"),
                clients);
        System.out.printf(
                "%-6s %-8s %9s %9s %9s %7s %s%n", "path", "via", "tps", "p50 ms", "p99 ms", "errors", "vs pgbench");
        for (PathResult r : List.of(feedGateway, feedDirect, postGateway, postDirect)) {
            boolean write = r.path().equals("post");
            String ratio = write && !Double.isNaN(tpcb.tps()) ? String.format("%.2fx TPC-B", r.tps() / tpcb.tps()) : "";
            System.out.printf(
                    "%-6s %-8s %9.0f %9.2f %9.2f %7d %s%n",
                    r.path(), r.via(), r.tps(), r.p50Ms(), r.p99Ms(), r.errors(), ratio);
            System.out.println("       CPU ms per request " + PathResult.describe(r.cpuPerRequest()));
            if (r.errors() > 0) {
                System.out.printf("       statuses %s, first error: %s%n", r.statuses(), r.firstError());
            }
            ObjectNode row = rows.addObject();
            row.put("path", r.path());
            row.put("via", r.via());
            row.put("clients", r.clients());
            row.put("tps", r.tps());
            row.put("p50Ms", r.p50Ms());
            row.put("p99Ms", r.p99Ms());
            row.put("errors", r.errors());
            ObjectNode cpuMs = row.putObject("cpuMillisPerRequest");
            r.cpuPerRequest().forEach(cpuMs::put);
            if (write && !Double.isNaN(tpcb.tps())) {
                row.put("ratioToTpcb", r.tps() / tpcb.tps());
            }
        }
        if (!Double.isNaN(postSql.tps())) {
            System.out.printf(
                    "post transaction by hand (pgbench, community database) %.0f tps = %.2fx TPC-B run right after "
                            + "it (%.0f tps); posting through the gateway is %.2fx of it, straight to the service %.2fx%n",
                    postSql.tps(),
                    postSql.tps() / tpcbAfter.tps(),
                    tpcbAfter.tps(),
                    postGateway.tps() / postSql.tps(),
                    postDirect.tps() / postSql.tps());
        }
        System.out.println();
        System.out.println("targets");
        target(
                "feed page p99 <= 20 ms (gateway)",
                feedGateway.p99Ms() <= 20 && feedGateway.errors() == 0,
                String.format("%.2f ms", feedGateway.p99Ms()));
        if (!Double.isNaN(tpcb.tps())) {
            target(
                    "posting >= 0.25x pgbench TPC-B (gateway)",
                    postGateway.tps() >= 0.25 * tpcb.tps() && postGateway.errors() == 0,
                    String.format(
                            "%.2fx (%.0f vs %.0f tps)", postGateway.tps() / tpcb.tps(), postGateway.tps(), tpcb.tps()));
        }

        ObjectNode report = json.createObjectNode();
        report.put("scenario", "community");
        report.put("durable", bench.durable());
        report.put("cores", Runtime.getRuntime().availableProcessors());
        report.put("posts", posts);
        report.put("spaces", spaces);
        report.put("seedSeconds", seedSeconds);
        report.put("pgbenchTpcbTps", tpcb.tps());
        report.put("pgbenchPostTransactionTps", postSql.tps());
        report.put("pgbenchTpcbAfterTps", tpcbAfter.tps());
        report.set("rows", rows);
        bench.writeJson("community", report);
    }

    /**
     * Runs {@code community/post-transaction.sql} with pgbench on the community database: the bench's members (those
     * with a login) and spaces numbered in two lookup tables, events into a copy of the outbox that no relay reads.
     */
    private Pgbench.Run postTransactionByHand(String communityDb, int port, Duration window) throws Exception {
        try (Connection c = DriverManager.getConnection(communityDb, "postgres", "postgres");
                Statement s = c.createStatement()) {
            s.execute("create table if not exists bench_outbox (like outbox_event including all)");
            s.execute("drop table if exists bench_poster");
            s.execute("create table bench_poster as select (row_number() over (order by subject) - 1)::int as n, "
                    + "subject from community_member where subject is not null and merged_into is null "
                    + "and banned_at is null and erased_at is null");
            s.execute("alter table bench_poster add primary key (n)");
            s.execute("drop table if exists bench_space");
            s.execute("create table bench_space as select (row_number() over (order by id) - 1)::int as n, id "
                    + "from space where name like 'Bench space %'");
            s.execute("alter table bench_space add primary key (n)");
            // time-ordered like the service's ids (TimeOrderedIds): milliseconds first, then random bits
            s.execute("create or replace function bench_time_ordered_id() returns uuid language sql volatile as $$ "
                    + "select (lpad(to_hex((extract(epoch from clock_timestamp()) * 1000)::bigint), 12, '0') "
                    + "|| substr(md5(random()::text), 1, 20))::uuid $$");
            s.execute("analyze bench_poster, bench_space");
        }
        long posters = Sql.scalar(communityDb, "select count(*) from bench_poster");
        long benchSpaces = Sql.scalar(communityDb, "select count(*) from bench_space");
        String script;
        try (InputStream in = CommunityBench.class.getResourceAsStream("/community/post-transaction.sql")) {
            script = new String(
                    Objects.requireNonNull(in, "community/post-transaction.sql").readAllBytes(),
                    StandardCharsets.UTF_8);
        }
        return Pgbench.on(port, "community")
                .script("post transaction", script, Map.of("members", posters, "spaces", benchSpaces), clients, window);
    }

    private static String nextCursor(RawHttp.Answer answer) {
        try {
            JsonNode next = Http.JSON.readTree(answer.body()).get("nextCursor");
            return next == null || next.isNull() ? null : next.asText();
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static void target(String name, boolean met, String measured) {
        System.out.printf("  %-4s %-60s measured %s%n", met ? "MET" : "MISS", name, measured);
    }

    /** {@code count} Keycloak members, enrolled in points, known to the community; their user names (= passwords). */
    private static List<String> members(Keycloak keycloak, String gateway, int count) throws InterruptedException {
        System.out.printf("creating %d Keycloak members and enrolling them ...%n", count);
        String admin = keycloak.adminToken();
        JsonNode role = keycloak.role(admin, "member");
        List<String> users = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String user = "community-bench-" + i;
            users.add(user);
            keycloak.createMember(admin, role, user);
            String token = keycloak.token(user, user);
            Http.postJson(gateway + "/api/points/members/me", token, Map.of("displayName", "Bench member " + i))
                    .expect(200, 201);
            tokens.add(token);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        for (String token : tokens) {
            while (Http.get(gateway + "/api/community/members/me", token).status() != 200) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the community did not learn of the bench members' enrolment");
                }
                Thread.sleep(250);
            }
        }
        return users;
    }

    /**
     * The spaces and posts, server-side: posts spread round-robin over the spaces and over 10,000 authors, one every
     * 30 seconds back from now; a third are questions, half of those still unanswered.
     */
    private double seed(String url) throws Exception {
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                Statement s = c.createStatement()) {
            s.execute("insert into community_member (member_id, display_name, tier, known_since, updated_at) "
                    + "select md5('community-bench-author-' || g)::uuid, 'Author ' || g, 'REGULAR', now(), now() "
                    + "from generate_series(1, 10000) g on conflict do nothing");
            s.execute("insert into space (id, name, description, created_by, created_at, updated_at) "
                    + "select md5('community-bench-space-' || g)::uuid, 'Bench space ' || lpad(g::text, 4, '0'), "
                    + "'seeded by bench/community', 'bench', now(), now() from generate_series(1, " + spaces + ") g");
            s.execute(
                    "insert into post (id, space_id, author_subject, author_member_id, kind, title, body, created_at, "
                            + "last_activity_at, comment_count, answer_count) "
                            + "select md5('community-bench-post-' || g)::uuid, "
                            + "md5('community-bench-space-' || (1 + g % " + spaces + "))::uuid, 'bench', "
                            + "md5('community-bench-author-' || (1 + g % 10000))::uuid, "
                            + "case when g % 3 = 0 then 'QUESTION' else 'DISCUSSION' end, 'Seeded post ' || g, "
                            + "'A seeded post about coffee, number ' || g, "
                            + "now() - g * interval '30 seconds', now() - g * interval '30 seconds' + (g % 7) * interval '1 hour', "
                            + "case when g % 6 = 0 then 0 else g % 4 end, case when g % 6 = 0 then 0 else g % 4 end "
                            + "from generate_series(1, " + posts + ") g");
            s.execute("vacuum analyze post");
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static List<String> strings(String url, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
