package com.example.loyalty.e2e;

import static com.example.loyalty.e2e.LoyaltyStack.as;
import static com.example.loyalty.e2e.LoyaltyStack.config;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_OK;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.example.loyalty.e2e.AuthorizationMatrix.Caller;
import com.example.loyalty.e2e.AuthorizationMatrix.Row;
import com.example.loyalty.launcher.StackConfig;
import groovy.json.JsonOutput;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Walks the authorisation matrix ({@code src/test/resources/authz/matrix.csv}, see {@link AuthorizationMatrix}) with
 * real Keycloak tokens, once through the gateway and once straight at each service, and checks that the matrix names
 * exactly the operations of the services' live OpenAPI documents: a new endpoint without a row fails the build.
 *
 * <p>Mutating operations are probed without side effects: an allowed caller sends a body that fails validation (400
 * or 422) or aims at an object that does not exist (404), so a wrongly allowed caller shows as 400/404/422 where the
 * matrix says 403. Object-level rows send a valid body at member2's objects as member1: only a hole would change
 * them. Set {@code -Dloyalty.authz.record=<file>} to also write the statuses seen, in the matrix's format.
 */
@ExtendWith(LoyaltyStack.class)
@org.junit.jupiter.api.Order(95)
class AuthorizationMatrixIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    /** No object has this id: allowed callers get 404 where an id is needed. */
    static final String GONE = "7e57a0d0-0000-4000-8000-00000000a022";

    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");
    private static final Pattern BODY_PLACEHOLDER = Pattern.compile("\\$\\{([a-z0-9-]+)}");
    private static final int THREADS = 6;

    private static final Map<String, Integer> SERVICE_PREFIXES = new HashMap<>();

    private static AuthorizationMatrix matrix;
    private static Map<String, String> bodies;
    private static final Map<String, String> OWN = new HashMap<>();
    private static final Map<String, String> OTHERS = new HashMap<>();
    private static final Map<Caller, String> TOKENS = new EnumMap<>(Caller.class);
    private static final AtomicInteger REQUESTS = new AtomicInteger();
    private static final List<String> RECORDED = new ArrayList<>();
    private static HttpClient http;

    /** Where a request goes: through the gateway, or straight to the service that owns the path. */
    enum Target {
        GATEWAY,
        SERVICE
    }

    record Outcome(Row row, Caller caller, Target target, int status, String body) {}

    @BeforeAll
    static void fixtures() {
        long start = System.nanoTime();
        matrix = AuthorizationMatrix.load();
        bodies = loadBodies();
        StackConfig c = config();
        SERVICE_PREFIXES.put("/api/points/", c.pointsPort());
        SERVICE_PREFIXES.put("/api/surveys", c.surveysPort());
        SERVICE_PREFIXES.put("/api/metrics/", c.metricsPort());
        SERVICE_PREFIXES.put("/api/community/", c.communityPort());
        http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1)
                .build();

        for (Caller caller : Caller.values()) {
            if (caller.user != null) {
                TOKENS.put(caller, Tokens.accessToken(c, caller.user));
            } else if (caller == Caller.SERVICE) {
                TOKENS.put(caller, Tokens.serviceToken(c));
            }
        }

        // member1's objects for every caller, member2's for member1-on-member2
        for (String member : List.of("member1", "member2")) {
            var enrolled = as(member)
                    .post("/api/points/members/me")
                    .then()
                    .statusCode(anyOf(is(SC_OK), is(SC_CREATED)))
                    .extract();
            Map<String, String> into = member.equals("member1") ? OWN : OTHERS;
            into.put("member", enrolled.path("id"));
            into.put("card", enrolled.path("cardCode"));
            await().atMost(PATIENCE)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> as(member).get("/api/community/members/me").statusCode() == SC_OK);
        }
        String run = UUID.randomUUID().toString().substring(0, 8);
        String space = as("marketer1")
                .body(Map.of("name", "Authorisation matrix " + run, "description", "Posts the matrix aims at"))
                .post("/api/community/spaces")
                .then()
                .statusCode(SC_CREATED)
                .extract()
                .path("id");
        OWN.put("space", space);
        OTHERS.put("space", space);
        for (String member : List.of("member1", "member2")) {
            Map<String, String> into = member.equals("member1") ? OWN : OTHERS;
            String post = as(member)
                    .body(Map.of("kind", "QUESTION", "title", member + "'s question " + run, "body", "Which beans?"))
                    .post("/api/community/spaces/{id}/posts", space)
                    .then()
                    .statusCode(SC_CREATED)
                    .extract()
                    .path("id");
            String comment = as(member)
                    .body(Map.of("body", member + "'s own answer"))
                    .post("/api/community/posts/{id}/comments", post)
                    .then()
                    .statusCode(SC_CREATED)
                    .extract()
                    .path("id");
            into.put("post", post);
            into.put("comment", comment);
        }
        // the destructive rows aim at member2's objects only as member1-on-member2; everyone else gets no object
        OWN.put("gone", GONE);
        OTHERS.put("gone", GONE);
        OWN.put("gone-post", GONE);
        OTHERS.put("gone-post", OTHERS.get("post"));
        OWN.put("gone-comment", GONE);
        OTHERS.put("gone-comment", OTHERS.get("comment"));
        System.out.printf(
                "[authz] %d rows x %d callers; fixtures in %.1f s%n",
                matrix.rows().size(), Caller.values().length, (System.nanoTime() - start) / 1e9);
    }

    @AfterAll
    static void writeRecording() throws IOException {
        String file = System.getProperty("loyalty.authz.record");
        if (file != null && !RECORDED.isEmpty()) {
            Files.write(Path.of(file), RECORDED);
        }
    }

    @Test
    void everyOperationOfTheOpenApiDocumentsHasARowAndEveryRowAnOperation() {
        StackConfig c = config();
        Set<String> documented = new TreeSet<>();
        for (int port : List.of(c.pointsPort(), c.surveysPort(), c.metricsPort(), c.communityPort())) {
            String json = send(HttpRequest.newBuilder(URI.create(c.serviceUrl(port) + "/q/openapi?format=json"))
                            .header("Accept", "application/json")
                            .GET()
                            .build())
                    .body();
            Map<String, Map<String, Object>> paths = JsonPath.from(json).getMap("paths");
            paths.forEach((path, operations) -> operations.keySet().stream()
                    .filter(m -> Set.of("get", "put", "post", "delete", "patch", "head", "options")
                            .contains(m))
                    .forEach(m -> documented.add(m.toUpperCase(Locale.ROOT) + " " + path)));
        }
        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(matrix.operations());
        Set<String> stale = new TreeSet<>(matrix.operations());
        stale.removeAll(documented);
        System.out.printf(
                "[authz] %d operations documented, %d in the matrix%n",
                documented.size(), matrix.operations().size());
        if (!missing.isEmpty() || !stale.isEmpty()) {
            fail("the authorisation matrix (e2e/src/test/resources" + AuthorizationMatrix.RESOURCE
                    + ") and the services' OpenAPI documents disagree.\n"
                    + "Operations without a row (add one per operation, with every caller's status):\n  "
                    + String.join("\n  ", missing)
                    + "\nRows naming no documented operation (remove or correct them):\n  "
                    + String.join("\n  ", stale));
        }
    }

    @Test
    void theMatrixHoldsThroughTheGateway() {
        walk(Target.GATEWAY);
    }

    @Test
    void theMatrixHoldsStraightAtEachService() {
        walk(Target.SERVICE);
    }

    private static void walk(Target target) {
        long start = System.nanoTime();
        int before = REQUESTS.get();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Outcome>> futures = new ArrayList<>();
        // callers interleaved, so no single caller's rate limit at the gateway is spent in one burst
        for (Row row : matrix.rows()) {
            for (Caller caller : Caller.values()) {
                futures.add(pool.submit(() -> call(row, caller, target)));
            }
        }
        List<Outcome> outcomes = new ArrayList<>();
        try {
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get());
            }
        } catch (Exception e) {
            throw new IllegalStateException("a request of the matrix failed", e);
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("[authz] %s: %d requests in %.1f s%n", target, REQUESTS.get() - before, seconds);
        record(target, outcomes);

        List<String> wrong = new ArrayList<>();
        for (Outcome o : outcomes) {
            Set<Integer> expected = o.row().expected().get(o.caller());
            if (!expected.contains(o.status())) {
                wrong.add(String.format(
                        "%s as %s: expected %s, got %d %s",
                        o.row(), o.caller().column, expected, o.status(), abbreviate(o.body())));
            }
        }
        assertTrue(
                wrong.isEmpty(),
                () -> wrong.size() + " of " + outcomes.size() + " cells of the authorisation matrix failed " + target
                        + ":\n  " + String.join("\n  ", wrong));
    }

    private static Outcome call(Row row, Caller caller, Target target) {
        Map<String, String> fixtures = caller.onOthersData ? OTHERS : OWN;
        String path = fill(row, fixtures);
        String base = target == Target.GATEWAY ? config().gatewayUrl() : serviceUrl(row.path());
        String uri = base + path + (row.query().isEmpty() ? "" : "?" + row.query());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30));
        String token = TOKENS.get(caller);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (row.body().isEmpty()) {
            request.method(row.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(row.method(), HttpRequest.BodyPublishers.ofString(body(row, fixtures)));
        }
        HttpResponse<String> response = send(request.build());
        return new Outcome(row, caller, target, response.statusCode(), response.body());
    }

    /**
     * Sends, and honours a gateway's 429 by waiting its Retry-After: the gateway limits callers without a valid token
     * by address (a few per second), and the matrix sends about 170 of them.
     */
    private static HttpResponse<String> send(HttpRequest request) {
        try {
            for (int attempt = 0; ; attempt++) {
                REQUESTS.incrementAndGet();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 429 || attempt == 60) {
                    return response;
                }
                long wait = response.headers()
                        .firstValue("Retry-After")
                        .map(Long::parseLong)
                        .orElse(1L);
                Thread.sleep(Duration.ofSeconds(Math.max(1, Math.min(wait, 5))).toMillis());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String fill(Row row, Map<String, String> fixtures) {
        Matcher m = PATH_PARAM.matcher(row.path());
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String fixture = row.params().getOrDefault(m.group(1), "gone");
            String value = fixtures.getOrDefault(fixture, fixture);
            m.appendReplacement(path, Matcher.quoteReplacement(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        }
        m.appendTail(path);
        return path.toString();
    }

    private static String body(Row row, Map<String, String> fixtures) {
        String template = bodies.get(row.body());
        if (template == null) {
            throw new IllegalArgumentException(row + ": no body " + row.body() + " in authz/bodies.json");
        }
        // ${run}: a fresh value per request (idempotency keys)
        Matcher m = BODY_PLACEHOLDER.matcher(
                template.replace("${run}", UUID.randomUUID().toString()));
        StringBuilder body = new StringBuilder();
        while (m.find()) {
            String value = fixtures.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException(row + ": body " + row.body() + " names no fixture " + m.group(1));
            }
            m.appendReplacement(body, Matcher.quoteReplacement(value));
        }
        m.appendTail(body);
        return body.toString();
    }

    private static String serviceUrl(String path) {
        return SERVICE_PREFIXES.entrySet().stream()
                .filter(e -> path.startsWith(e.getKey()))
                .map(e -> config().serviceUrl(e.getValue()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service serves " + path));
    }

    private static Map<String, String> loadBodies() {
        try (InputStream in = AuthorizationMatrixIT.class.getResourceAsStream("/authz/bodies.json")) {
            Map<String, Object> parsed = JsonPath.from(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .getMap("");
            Map<String, String> out = new HashMap<>();
            parsed.forEach((name, value) -> out.put(name, JsonOutput.toJson(value)));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized void record(Target target, List<Outcome> outcomes) {
        if (System.getProperty("loyalty.authz.record") == null) {
            return;
        }
        Map<Row, Map<Caller, Integer>> seen = new java.util.LinkedHashMap<>();
        outcomes.forEach(o ->
                seen.computeIfAbsent(o.row(), r -> new EnumMap<>(Caller.class)).put(o.caller(), o.status()));
        RECORDED.add("# " + target);
        seen.forEach((row, statuses) -> {
            StringBuilder line = new StringBuilder(String.join(
                    ",",
                    row.method(),
                    row.path(),
                    row.params().entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .reduce((a, b) -> a + ";" + b)
                            .orElse(""),
                    row.query(),
                    row.body()));
            for (Caller caller : Caller.values()) {
                line.append(',').append(statuses.get(caller));
            }
            RECORDED.add(line.toString());
        });
    }

    private static String abbreviate(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "..." : flat;
    }
}
