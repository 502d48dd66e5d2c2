package com.example.loyalty.e2e;

import com.example.loyalty.launcher.StackConfig;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * A load of the kind the tills and the app make, through the gateway with real tokens: staff record purchases at
 * store S001 for the load's members (70 %), members redeem a few of their own points (20 %) and answer the open survey
 * (10 %). Every request carries its idempotency key (the till's transaction id, the redemption's key, the member and
 * the survey wave), and a request that got no answer, a 5xx or a timeout is sent again with the same key (after the
 * {@code Retry-After} the answer asked for) until it is answered or {@link Settings#retryFor} has passed, as a till
 * does. What was acknowledged, what was given up and every status seen are kept for the {@link Invariants}.
 *
 * <p>Paced, not flooding: {@link Settings#ratePerSecond} requests a second over {@link Settings#threads} workers; a
 * worker that waits out an outage sends nothing else meanwhile, so the rate drops while something is away.
 */
final class LoadClient implements AutoCloseable {

    /** A member of the load: Keycloak user (password = user name), points-service member id and card. */
    record Member(String user, String id, String cardCode) {}

    enum Kind {
        EARN,
        REDEEM,
        ANSWER
    }

    /**
     * One business request and its idempotency key: the transaction id (earn), the redemption key (redeem), or the
     * survey id (answer: one per member per wave).
     */
    record Op(Kind kind, String key, Member member, long amount) {}

    record Settings(int threads, double ratePerSecond, Duration retryFor) {
        static Settings of(int threads, double ratePerSecond) {
            return new Settings(threads, ratePerSecond, Duration.ofMinutes(3));
        }
    }

    /** A request answered with a status the load did not expect (not a retryable one): the load's errors. */
    record Unexpected(Op op, int status, String body) {}

    /** Latency of one answered request (the attempt that was answered), by when it was sent. */
    record Sample(long sentAtMillis, long micros) {}

    private static final Duration TOKEN_REFRESH = Duration.ofMinutes(5);

    private final StackConfig config;
    private final List<Member> members;
    private final Settings settings;
    private final String run;
    private final HttpClient http;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> credit = new ConcurrentHashMap<>();
    private final AtomicReference<Survey> survey = new AtomicReference<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong sequence = new AtomicLong();
    private ExecutorService workers;

    private final ConcurrentLinkedQueue<Op> acknowledged = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Op> givenUp = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Unexpected> unexpected = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    private final Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> surveysAnswered = new ConcurrentHashMap<>();
    private final Set<String> surveysCreated = ConcurrentHashMap.newKeySet();

    private record Token(String value, Instant obtained) {}

    private record Survey(String id, Set<String> claimed) {}

    LoadClient(StackConfig config, List<Member> members, Settings settings) {
        this.config = config;
        this.members = List.copyOf(members);
        this.settings = settings;
        this.run = UUID.randomUUID().toString().substring(0, 8);
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        members.forEach(m -> credit.put(m.id(), new AtomicLong()));
    }

    /**
     * Creates {@code count} Keycloak members for a load (prefix + a random tag), enrols each in points-service, and
     * returns them.
     */
    static List<Member> enrolMembers(StackConfig config, String prefix, int count) {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        List<Member> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String user = prefix + "-" + tag + "-" + i;
            KeycloakUsers.create(config, user, "member");
            JsonPath me = LoyaltyStack.as(user)
                    .body(Map.of())
                    .post("/api/points/members/me")
                    .then()
                    .statusCode(201)
                    .extract()
                    .jsonPath();
            list.add(new Member(user, me.getString("id"), me.getString("cardCode")));
        }
        return list;
    }

    /** Logs every member, staff1 and marketer1 in now, so that the load needs no login for the next minutes. */
    void logInAll() {
        for (String user : users()) {
            token(user, true);
        }
    }

    private List<String> users() {
        List<String> users = new ArrayList<>(List.of("staff1", "marketer1"));
        members.forEach(m -> users.add(m.user()));
        return users;
    }

    /** Starts the workers. */
    void start() {
        logInAll();
        if (survey.get() == null) {
            newSurvey();
        }
        running.set(true);
        workers = Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "load-" + sequence.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        long intervalNanos = (long) (settings.threads() * 1e9 / settings.ratePerSecond());
        for (int i = 0; i < settings.threads(); i++) {
            long offset = intervalNanos * i / settings.threads();
            workers.submit(() -> work(intervalNanos, offset));
        }
    }

    /**
     * Stops sending new requests and waits until every request under way is answered or given up (at most
     * {@link Settings#retryFor} plus a minute).
     */
    void stop() throws InterruptedException {
        running.set(false);
        if (workers != null) {
            workers.shutdown();
            if (!workers.awaitTermination(settings.retryFor().toSeconds() + 60, TimeUnit.SECONDS)) {
                workers.shutdownNow();
                throw new AssertionError("the load's workers did not finish");
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private void work(long intervalNanos, long offsetNanos) {
        long next = System.nanoTime() + offsetNanos;
        while (running.get()) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException e) {
                    return;
                }
            }
            next = Math.max(next + intervalNanos, System.nanoTime() - intervalNanos);
            if (!running.get()) {
                return;
            }
            try {
                perform(nextOp());
            } catch (RuntimeException e) {
                count("client:" + e.getClass().getSimpleName());
                unexpected.add(new Unexpected(null, -1, String.valueOf(e)));
            }
        }
    }

    private Op nextOp() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Member member = members.get(random.nextInt(members.size()));
        int dice = random.nextInt(100);
        if (dice >= 90) {
            Optional<Op> answer = claimAnswer(member);
            if (answer.isPresent()) {
                return answer.get();
            }
        } else if (dice >= 70) {
            long points = 1 + random.nextInt(5);
            AtomicLong c = credit.get(member.id());
            if (c.addAndGet(-points) >= 0) {
                return new Op(Kind.REDEEM, "redeem-" + run + "-" + sequence.incrementAndGet(), member, points);
            }
            c.addAndGet(points);
        }
        long yen = 1000L * (1 + random.nextInt(5));
        return new Op(Kind.EARN, "load-" + run + "-" + sequence.incrementAndGet(), member, yen);
    }

    /** The member's answer to the open survey, unless they answered it; a new survey once everyone has. */
    private Optional<Op> claimAnswer(Member member) {
        Survey s = survey.get();
        if (s == null) {
            return Optional.empty();
        }
        if (s.claimed().size() >= members.size()) {
            synchronized (survey) {
                if (survey.get() == s) {
                    newSurvey();
                }
            }
            return Optional.empty();
        }
        if (!s.claimed().add(member.id())) {
            return Optional.empty();
        }
        return Optional.of(new Op(Kind.ANSWER, s.id(), member, 0));
    }

    /** A marketer creates and publishes a one-question NPS survey, the load's next; left as is when that fails. */
    private void newSurvey() {
        String body = "{\"title\":{\"en\":\"Load " + run + "\"},\"anonymous\":false,\"questions\":[{\"id\":\"nps\","
                + "\"type\":\"NPS\",\"required\":true,\"text\":{\"en\":\"How likely are you to recommend us?\"}}]}";
        try {
            HttpResponse<String> created = send("marketer1", "POST", "/api/surveys", body, null);
            if (created.statusCode() != 201) {
                count("survey-setup:" + created.statusCode());
                return;
            }
            String id = JsonPath.from(created.body()).getString("id");
            HttpResponse<String> published = send("marketer1", "POST", "/api/surveys/" + id + "/publish", null, null);
            if (published.statusCode() / 100 != 2) {
                count("survey-setup:" + published.statusCode());
                return;
            }
            surveysCreated.add(id);
            survey.set(new Survey(id, ConcurrentHashMap.newKeySet()));
        } catch (IOException e) {
            count("survey-setup:io");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends {@code op} until it is answered (or given up), retrying with the same key. */
    void perform(Op op) {
        long deadline = System.nanoTime() + settings.retryFor().toNanos();
        int attempt = 0;
        while (true) {
            attempt++;
            long t0 = System.nanoTime();
            long sentAt = System.currentTimeMillis();
            long retryAfterMillis = 500;
            try {
                HttpResponse<String> r = sendOp(op);
                int status = r.statusCode();
                count(String.valueOf(status));
                if (status == 200 || status == 201 || (op.kind() == Kind.ANSWER && status == 409 && attempt > 1)) {
                    samples.add(new Sample(sentAt, (System.nanoTime() - t0) / 1000));
                    acknowledge(op, r);
                    return;
                }
                if (status < 500 && status != 429) {
                    unexpected.add(new Unexpected(op, status, r.body()));
                    giveBack(op);
                    return;
                }
                retryAfterMillis = r.headers()
                        .firstValue("Retry-After")
                        .map(v -> Long.parseLong(v.trim()) * 1000)
                        .orElse(500L);
            } catch (IOException e) {
                count("io:" + e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                givenUp.add(op);
                return;
            } catch (RuntimeException e) {
                count("client:" + e.getClass().getSimpleName());
            }
            if (System.nanoTime() > deadline) {
                givenUp.add(op);
                return;
            }
            try {
                Thread.sleep(Math.min(retryAfterMillis, 2000)
                        + ThreadLocalRandom.current().nextInt(200));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                givenUp.add(op);
                return;
            }
        }
    }

    private void acknowledge(Op op, HttpResponse<String> r) {
        acknowledged.add(op);
        switch (op.kind()) {
            case EARN -> {
                Number earned = JsonPath.from(r.body()).get("pointsEarned");
                if (earned != null) {
                    credit.get(op.member().id()).addAndGet(earned.longValue());
                }
            }
            case ANSWER ->
                surveysAnswered
                        .computeIfAbsent(op.key(), k -> ConcurrentHashMap.newKeySet())
                        .add(op.member().id());
            case REDEEM -> {}
        }
    }

    private void giveBack(Op op) {
        if (op.kind() == Kind.REDEEM) {
            credit.get(op.member().id()).addAndGet(op.amount());
        }
    }

    private HttpResponse<String> sendOp(Op op) throws IOException, InterruptedException {
        return switch (op.kind()) {
            case EARN ->
                send(
                        "staff1",
                        "POST",
                        "/api/points/purchases",
                        "{\"transactionId\":\"" + op.key() + "\",\"cardCode\":\""
                                + op.member().cardCode()
                                + "\",\"amount\":" + op.amount() + ",\"currency\":\"JPY\",\"storeId\":\"S001\","
                                + "\"channel\":\"STORE\",\"occurredAt\":\""
                                + Instant.now().minus(1, ChronoUnit.MINUTES) + "\"}",
                        null);
            case REDEEM ->
                send(
                        op.member().user(),
                        "POST",
                        "/api/points/redemptions",
                        "{\"idempotencyKey\":\"" + op.key() + "\",\"points\":" + op.amount()
                                + ",\"reason\":\"load test\"}",
                        null);
            case ANSWER ->
                send(
                        op.member().user(),
                        "POST",
                        "/api/surveys/" + op.key() + "/responses",
                        "{\"answers\":{\"nps\":" + ThreadLocalRandom.current().nextInt(11)
                                + "},\"channel\":\"APP\",\"storeId\":\"S001\"}",
                        null);
        };
    }

    private HttpResponse<String> send(String user, String method, String path, String json, String ignored)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(config.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token(user, false))
                .header("Accept", "application/json");
        if (json == null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The user's access token: the one held unless it is older than five minutes (tokens live fifteen), then a new
     * login; when that login fails (Keycloak away) the held token goes on being used.
     */
    private String token(String user, boolean fresh) {
        Token held = tokens.get(user);
        if (!fresh && held != null && held.obtained().plus(TOKEN_REFRESH).isAfter(Instant.now())) {
            return held.value();
        }
        try {
            String token = login(config, user);
            tokens.put(user, new Token(token, Instant.now()));
            return token;
        } catch (IOException | RuntimeException e) {
            if (held != null && !fresh) {
                tokens.put(user, new Token(held.value(), Instant.now()));
                return held.value();
            }
            throw new IllegalStateException("cannot log " + user + " in: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A password-grant login of {@code user} at the stack's Keycloak; throws on anything but 200. */
    static String login(StackConfig config, String user) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=loyalty-app&username=" + enc(user) + "&password=" + enc(user);
        HttpResponse<String> r = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .build()
                .send(
                        HttpRequest.newBuilder(URI.create(config.tokenUrl()))
                                .timeout(Duration.ofSeconds(15))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login of " + user + " answered " + r.statusCode() + ": " + r.body());
        }
        return JsonPath.from(r.body()).getString("access_token");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private void count(String what) {
        statuses.computeIfAbsent(what, k -> new LongAdder()).increment();
    }

    // ---- what happened ----

    List<Member> members() {
        return members;
    }

    List<Op> acknowledged() {
        return List.copyOf(acknowledged);
    }

    List<Op> acknowledged(Kind kind) {
        return acknowledged.stream().filter(o -> o.kind() == kind).toList();
    }

    long acknowledgedCount(Kind kind) {
        return acknowledged.stream().filter(o -> o.kind() == kind).count();
    }

    List<Op> givenUp() {
        return List.copyOf(givenUp);
    }

    List<Unexpected> unexpected() {
        return List.copyOf(unexpected);
    }

    /** Every status (or client-side failure) seen, with how often, in order. */
    Map<String, Long> statuses() {
        Map<String, Long> m = new TreeMap<>();
        statuses.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    /** How often a status of 500 (or any 5xx other than 502, 503 and 504) was answered. */
    long serverErrors() {
        return statuses().entrySet().stream()
                .filter(e -> e.getKey().matches("5\\d\\d")
                        && !Set.of("502", "503", "504").contains(e.getKey()))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** The surveys this load created (their ids). */
    Set<String> surveys() {
        return Set.copyOf(surveysCreated);
    }

    /** A one-line account of the load. */
    String summary() {
        return String.format(
                "acknowledged %d earns, %d redemptions, %d answers; given up %d; unexpected %d; statuses %s",
                acknowledgedCount(Kind.EARN),
                acknowledgedCount(Kind.REDEEM),
                acknowledgedCount(Kind.ANSWER),
                givenUp.size(),
                unexpected.size(),
                statuses());
    }
}
