package com.example.loyalty.testing.fuzz;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.example.loyalty.testing.TestTokens;
import com.example.loyalty.testing.fuzz.FuzzCase.HardeningClass;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A fuzzer driven by a service's own OpenAPI document (its live {@code /q/openapi}): it sends every operation a
 * seeded set of bad requests ({@link CaseGenerator}), with the token of each caller, and checks every answer:
 * <ul>
 *   <li>no 5xx;
 *   <li>every 4xx is problem JSON ({@code application/problem+json} with {@code type}, {@code title} and the
 *       answer's {@code status});
 *   <li>every answer keeps the document: a status the operation declares, with its content type and body schema
 *       (checked by swagger-request-validator, as {@code ContractValidation} checks the tests' own calls);
 *   <li>a rejected request wrote nothing: the row counts of every table of the service's schema, and the figures it
 *       names, are the same after each 4xx or 5xx as before it ({@link TableSnapshot}; taken again only when
 *       PostgreSQL's next transaction id moved, that is when some transaction wrote).
 * </ul>
 * The seed is fixed ({@value #DEFAULT_SEED}) unless {@code -Dfuzz.seed} says otherwise, and printed with the number of
 * requests; {@code -Dfuzz.case=12,40} sends only those cases of the run (with the same seed) and prints each answer;
 * {@code -Dfuzz.requests} changes the number of requests per service.
 */
public final class OpenApiFuzzer {

    /**
     * Off: service-common's hardening (page upper bounds, 400 for NUL and lone surrogates in text, no scalar coercion)
     * is in, so a 5xx or a non-problem answer to a case of one of those classes ({@link HardeningClass}) fails the run
     * like any other. On, such failures are only listed as known (for a branch that predates a hardening class).
     */
    public static final boolean HARDENING_PENDING = false;

    public static final long DEFAULT_SEED = 14;

    /**
     * The callers of every service: no token, a member (whose token the service test makes, e.g. of an enrolled
     * member), staff at store S001, a marketer, an admin, and the service client (Keycloak's service account of
     * {@code loyalty-service}, which has the role admin).
     */
    public static List<Caller> callers(String memberToken) {
        return List.of(
                new Caller("anonymous", null, null),
                new Caller("member", "member", memberToken),
                new Caller(
                        "staff",
                        "staff",
                        TestTokens.token("fuzz-staff-" + UUID.randomUUID(), Map.of("store_id", "S001"), "staff")),
                new Caller("marketer", "marketer", TestTokens.token("fuzz-marketer-" + UUID.randomUUID(), "marketer")),
                new Caller("admin", "admin", TestTokens.token("fuzz-admin-" + UUID.randomUUID(), "admin")),
                new Caller(
                        "service-client",
                        "admin",
                        TestTokens.token(
                                "fuzz-service-" + UUID.randomUUID(),
                                Map.of(
                                        "preferred_username", "service-account-loyalty-service",
                                        "client_id", "loyalty-service",
                                        "azp", "loyalty-service"),
                                "admin")));
    }

    /** Who sends: a name for the report, the realm role its token carries (null: no token), and the token. */
    public record Caller(String name, String role, String token) {}

    /** One answer that breaks a pass criterion. */
    public record Failure(String reason, FuzzCase fuzzCase, int status, String contentType, String body) {
        @Override
        public String toString() {
            return reason + "\n      " + fuzzCase.describe() + "\n      -> " + status + " " + contentType + " "
                    + FuzzCase.abbreviate(body, 400);
        }
    }

    private long snapshotNanos;
    private final String service;
    private final URI base;
    private final List<Caller> callers;
    private final TableSnapshot snapshot;
    private final int requests;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /**
     * @param service the name in the report
     * @param base the service's base URI ({@code http://localhost:<test port>})
     * @param callers every role the service knows, and no token
     * @param snapshot what the service has written
     * @param requests about how many requests to send (at least one of each kind of bad input per operation)
     */
    public OpenApiFuzzer(String service, URI base, List<Caller> callers, TableSnapshot snapshot, int requests) {
        this.service = service;
        this.base = base;
        this.callers = List.copyOf(callers);
        this.snapshot = snapshot;
        this.requests = Integer.getInteger("fuzz.requests", requests);
    }

    /** What a run did: its cases, the answers' statuses, the failures, and the known ones. */
    public record Report(
            String service,
            long seed,
            int operations,
            int sent,
            Duration duration,
            Map<Integer, Integer> statuses,
            List<Failure> failures,
            List<Failure> known,
            List<FuzzCase> acceptedHardening,
            Duration snapshots) {

        public String summary() {
            StringBuilder text = new StringBuilder(String.format(
                    "fuzz %s: seed %d, %d operations, %d requests in %.1f s (%.1f s of it table snapshots);"
                            + " statuses %s; %d failures, %d known"
                            + " (hardening pending), %d accepted inputs of the hardening classes",
                    service,
                    seed,
                    operations,
                    sent,
                    duration.toMillis() / 1000.0,
                    snapshots.toMillis() / 1000.0,
                    statuses,
                    failures.size(),
                    known.size(),
                    acceptedHardening.size()));
            appendList(
                    text, "FAILURES", failures.stream().map(Failure::toString).toList());
            Map<String, List<Failure>> byClass = known.stream()
                    .collect(Collectors.groupingBy(
                            f -> f.fuzzCase().hardening().name(), TreeMap::new, Collectors.toList()));
            byClass.forEach((cls, list) -> appendList(
                    text,
                    "KNOWN " + cls + " (fixed by the hardening in service-common)",
                    list.stream().map(Failure::toString).toList()));
            appendList(
                    text,
                    "ACCEPTED (2xx) inputs of the hardening classes",
                    acceptedHardening.stream().map(FuzzCase::describe).toList());
            if (!failures.isEmpty() || !known.isEmpty()) {
                text.append("\n  re-run one case: -Dfuzz.seed=").append(seed).append(" -Dfuzz.case=<#>");
            }
            return text.toString();
        }

        /** Failures of one reason and one kind of input together: how many, and the first. */
        private static List<String> grouped(List<Failure> failures) {
            Map<String, List<Failure>> groups = new java.util.LinkedHashMap<>();
            for (Failure f : failures) {
                String variant = f.fuzzCase().variant().replaceFirst("^[^:=]*[:=]", "");
                String key = f.reason().replaceAll(": \\[.*", "") + " | "
                        + f.fuzzCase().category() + "/" + variant + " -> " + f.status();
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
            }
            List<String> lines = new ArrayList<>();
            groups.forEach((key, list) -> lines.add(list.size() + "x " + list.get(0)));
            return lines;
        }

        private static void appendList(StringBuilder text, String title, List<String> lines) {
            if (lines.isEmpty()) {
                return;
            }
            text.append("\n  ").append(title).append(" (").append(lines.size()).append("):");
            lines.stream().limit(60).forEach(line -> text.append("\n    - ").append(line));
            if (lines.size() > 60) {
                text.append("\n    … and ").append(lines.size() - 60).append(" more");
            }
        }

        /** Fails, with the summary, unless every answer met the criteria. */
        public void assertPassed() {
            if (!failures.isEmpty()) {
                throw new AssertionError(summary());
            }
        }
    }

    public Report run() {
        long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
        JsonNode document = document();
        List<ApiOperation> operations = ApiOperation.all(document);
        if (operations.isEmpty()) {
            throw new IllegalStateException("no operations in " + service + "'s document");
        }
        int perOperation = Math.max(30, requests / operations.size());
        List<FuzzCase> cases = new CaseGenerator(seed, callers).generate(operations, perOperation);
        String only = System.getProperty("fuzz.case", "");
        boolean verbose = !only.isBlank();
        if (verbose) {
            Set<Integer> chosen = Arrays.stream(only.split(","))
                    .map(String::trim)
                    .map(Integer::valueOf)
                    .collect(Collectors.toSet());
            cases = cases.stream().filter(c -> chosen.contains(c.index())).toList();
        }
        Map<String, String> tokens = new java.util.HashMap<>();
        callers.forEach(c -> tokens.put(c.name(), c.token()));
        OpenApiInteractionValidator contract = contractOf(document);

        Map<Integer, Integer> statuses = new TreeMap<>();
        List<Failure> failures = new ArrayList<>();
        List<Failure> known = new ArrayList<>();
        List<FuzzCase> accepted = new ArrayList<>();
        long start = System.nanoTime();
        Map<String, String> before = take();
        long mark = snapshot.writeMark();
        int sent = 0;
        for (FuzzCase c : cases) {
            HttpResponse<byte[]> response;
            try {
                response = http.send(request(c, tokens.get(c.caller())), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IllegalArgumentException e) {
                continue; // a header value the HTTP client refuses to send
            } catch (IOException e) {
                record(failures, known, new Failure("no answer: " + e, c, 0, "", ""));
                before = settled();
                mark = snapshot.writeMark();
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sent++;
            int status = response.statusCode();
            statuses.merge(status, 1, Integer::sum);
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            String body = new String(response.body(), StandardCharsets.UTF_8);
            if (verbose) {
                System.out.println(c.describe() + "\n  -> " + status + " " + contentType + " " + body);
            }
            long markAfter = snapshot.writeMark();
            boolean someoneWrote = markAfter != mark;
            mark = markAfter;
            if (status < 500) {
                String breach = contractBreach(contract, c, status, contentType, body);
                if (breach != null) {
                    record(failures, known, new Failure(breach, c, status, contentType, body));
                }
            }
            if (status >= 400) {
                String defect = status >= 500 ? "5xx" : problemDefect(status, contentType, body);
                if (defect != null) {
                    record(failures, known, new Failure(defect, c, status, contentType, body));
                }
                if (someoneWrote) {
                    Map<String, String> after = take();
                    List<String> written = TableSnapshot.differences(before, after);
                    if (!written.isEmpty()) {
                        record(
                                failures,
                                known,
                                new Failure("a rejected request wrote: " + written, c, status, contentType, body));
                        after = settled();
                    }
                    before = after;
                    mark = snapshot.writeMark();
                }
            } else {
                if (c.hardening() != HardeningClass.NONE && status < 300) {
                    accepted.add(c);
                }
                if (someoneWrote || !"GET".equals(c.method())) {
                    before = settled();
                    mark = snapshot.writeMark();
                }
            }
        }
        Report report = new Report(
                service,
                seed,
                operations.size(),
                sent,
                Duration.ofNanos(System.nanoTime() - start),
                statuses,
                failures,
                known,
                accepted,
                Duration.ofNanos(snapshotNanos));
        System.out.println(report.summary());
        return report;
    }

    private Map<String, String> take() {
        long start = System.nanoTime();
        Map<String, String> values = snapshot.take();
        snapshotNanos += System.nanoTime() - start;
        return values;
    }

    private static void record(List<Failure> failures, List<Failure> known, Failure failure) {
        if (HARDENING_PENDING && failure.fuzzCase().hardening() != HardeningClass.NONE) {
            known.add(failure);
        } else {
            failures.add(failure);
        }
    }

    /**
     * The answer checks of the document: a status the operation declares, its content type, its body's schema. A case
     * whose target is no path of the document (a path parameter fuzzed into an extra segment) or whose method the path
     * does not have has no contract to keep, so those messages are ignored.
     */
    private static OpenApiInteractionValidator contractOf(JsonNode document) {
        return OpenApiInteractionValidator.createForInlineApiSpecification(document.toString())
                .withLevelResolver(LevelResolver.create()
                        .withDefaultLevel(ValidationReport.Level.ERROR)
                        .withLevel("validation.response.path.missing", ValidationReport.Level.IGNORE)
                        .withLevel("validation.response.operation.notAllowed", ValidationReport.Level.IGNORE)
                        .withLevel("validation.request.operation.notAllowed", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    /** How an answer breaks the operation's contract, or null if it keeps it. */
    static String contractBreach(
            OpenApiInteractionValidator contract, FuzzCase c, int status, String contentType, String body) {
        Request.Method method;
        try {
            method = Request.Method.valueOf(c.method());
        } catch (IllegalArgumentException e) {
            return null; // a method OpenAPI has no operations for
        }
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(status).withBody(body);
        if (!contentType.isEmpty()) {
            answer.withContentType(contentType);
        }
        String path = URI.create(c.target()).getRawPath();
        if (Arrays.stream(path.split("/"))
                .map(segment -> java.net.URLDecoder.decode(segment, StandardCharsets.UTF_8))
                .anyMatch(segment -> segment.equals(".") || segment.equals(".."))) {
            return null; // the server resolves a dot segment: the request went to another path than its template's
        }
        ValidationReport report = contract.validateResponse(path, method, answer.build());
        if (!report.hasErrors()) {
            return null;
        }
        return "an answer outside the OpenAPI contract: "
                + report.getMessages().stream()
                        .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                        .map(m -> m.getKey() + " " + m.getMessage())
                        .collect(Collectors.joining("; "));
    }

    /** Why an error answer is not problem JSON, or null if it is. */
    static String problemDefect(int status, String contentType, String body) {
        if (!contentType.startsWith("application/problem+json")) {
            return "a " + status + " that is not application/problem+json";
        }
        JsonNode problem;
        try {
            problem = ApiOperation.mapper().readTree(body);
        } catch (IOException e) {
            return "a " + status + " whose body is not JSON";
        }
        if (problem == null || !problem.isObject()) {
            return "a " + status + " whose body is not a JSON object";
        }
        // RFC 9457 3.1.1: a problem without "type" is of type "about:blank"
        if ((problem.has("type") && !problem.path("type").isTextual())
                || !problem.path("title").isTextual()) {
            return "a " + status + " problem without a title, or with a type that is not a string";
        }
        if (problem.path("status").asInt(-1) != status) {
            return "a " + status + " problem whose status says " + problem.path("status");
        }
        return null;
    }

    /** A snapshot once the service has stopped writing (what an accepted request started may still be under way). */
    private Map<String, String> settled() {
        long last = snapshot.writeMark();
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (System.nanoTime() < deadline) {
            sleep(40);
            long next = snapshot.writeMark();
            if (next == last) {
                break;
            }
            last = next;
        }
        return take();
    }

    private HttpRequest request(FuzzCase c, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(base.toString().replaceAll("/$", "") + c.target()))
                .timeout(Duration.ofSeconds(30))
                .method(
                        c.method(),
                        c.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(c.body()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (c.contentType() != null) {
            request.header("Content-Type", c.contentType());
        }
        c.headers().forEach(request::header);
        return request.build();
    }

    private JsonNode document() {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + "/q/openapi?format=json"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(service + "'s /q/openapi answered " + response.statusCode());
            }
            return ApiOperation.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
