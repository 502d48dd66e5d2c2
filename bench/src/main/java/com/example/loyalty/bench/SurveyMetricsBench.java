package com.example.loyalty.bench;

import com.example.loyalty.bench.http.Http;
import com.example.loyalty.bench.http.Keycloak;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.SurveyResponded;
import com.example.loyalty.events.Topics;
import com.example.loyalty.launcher.Stack;
import com.example.loyalty.launcher.StackConfig;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Loads survey responses into the real stack and measures (1) the rate of answers through the gateway and
 * survey-service, (2) the ingest rate of metrics-service: responses per second from the first bulk record
 * sent until {@code GET /api/metrics/surveys/{id}} reports them all, and (3) p50/p99 latency of that
 * endpoint (plain, by tier, by day) over the loaded survey.
 */
@Command(
        name = "survey-metrics",
        mixinStandardHelpOptions = true,
        description = "Benchmark: survey responses in, survey metric out.")
public final class SurveyMetricsBench implements Callable<Integer> {

    @Mixin
    BenchStack bench;

    @Option(
            names = "--responses",
            defaultValue = "1000000",
            description = "Responses in total (default ${DEFAULT-VALUE}).")
    int responses;

    @Option(
            names = "--api-sample",
            defaultValue = "300",
            description =
                    "Of those, answered through the gateway by as many throw-away members (default ${DEFAULT-VALUE}).")
    int apiSample;

    @Option(
            names = "--api-warmup",
            defaultValue = "100",
            description =
                    "Answers through the gateway before the timed sample, to warm the JVMs (default ${DEFAULT-VALUE}).")
    int apiWarmup;

    @Option(
            names = "--api-threads",
            defaultValue = "8",
            description = "Parallel API clients (default ${DEFAULT-VALUE}).")
    int apiThreads;

    @Option(
            names = "--latency-requests",
            defaultValue = "2000",
            description = "Timed requests per metric query (default ${DEFAULT-VALUE}).")
    int latencyRequests;

    @Option(
            names = "--detractor-percent",
            defaultValue = "25",
            description = "Share of bulk responses that are detractors, each opening a follow-up and its outbox event "
                    + "(default ${DEFAULT-VALUE}).")
    int detractorPercent;

    @Option(
            names = "--timeout-minutes",
            defaultValue = "60",
            description = "Give up waiting for ingest after (default ${DEFAULT-VALUE}).")
    int timeoutMinutes;

    private static final String[] TIERS = {"REGULAR", "REGULAR", "REGULAR", "SILVER", "SILVER", "GOLD", "PLATINUM"};
    private static final String[] CHANNELS = {"APP", "WEB", "STORE", "EMAIL"};
    private static final String[] REASONS = {"Checkout was slow", "Staff were rude", "Out of stock again", "App crashed"
    };

    public static void main(String[] args) {
        System.exit(new CommandLine(new SurveyMetricsBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (apiSample > responses) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--api-sample exceeds --responses");
        }
        if (apiWarmup + apiSample > responses) {
            throw new CommandLine.ParameterException(
                    new CommandLine(this), "--api-warmup + --api-sample exceed --responses");
        }
        StackConfig config = bench.config();
        try (Stack stack = bench.start(config)) {
            run(config);
        }
        return 0;
    }

    private void run(StackConfig config) throws Exception {
        String gateway = config.gatewayUrl();
        Keycloak keycloak = new Keycloak(config);
        String marketer = keycloak.token("marketer1", "marketer1");

        String surveyId = Http.postJson(
                        gateway + "/api/surveys",
                        marketer,
                        Map.of(
                                "title", Map.of("en", "Benchmark NPS", "ja", "ベンチマーク NPS"),
                                "anonymous", false,
                                "questions",
                                        List.of(
                                                Map.of(
                                                        "id",
                                                        "nps",
                                                        "type",
                                                        "NPS",
                                                        "required",
                                                        true,
                                                        "text",
                                                        Map.of("en", "How likely are you to recommend us?")),
                                                Map.of("id", "reason", "type", "TEXT", "text", Map.of("en", "Why?")))))
                .expect(201)
                .json()
                .get("id")
                .asText();
        Http.postJson(gateway + "/api/surveys/" + surveyId + "/publish", marketer, Map.of())
                .expect(200, 201);
        System.out.printf("survey %s published%n", surveyId);

        // 1. a sample through the gateway, one throw-away member each (one answer per member per wave)
        System.out.printf("creating %d members in Keycloak ...%n", apiWarmup + apiSample);
        String admin = keycloak.adminToken();
        JsonNode memberRole = keycloak.memberRole(admin);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < apiWarmup + apiSample; i++) {
            if (i % 25 == 24) {
                admin = keycloak.adminToken(); // master-realm tokens live 60 s
            }
            String user = "bench-" + i;
            keycloak.createMember(admin, memberRole, user);
            tokens.add(keycloak.token(user, user));
        }
        AtomicReference<String> waveId = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(apiThreads);
        answerAll(pool, gateway, surveyId, tokens.subList(0, apiWarmup), waveId);
        long apiStart = System.nanoTime();
        answerAll(pool, gateway, surveyId, tokens.subList(apiWarmup, tokens.size()), waveId);
        double apiSeconds = (System.nanoTime() - apiStart) / 1e9;
        pool.shutdown();
        if (waveId.get() == null) {
            throw new IllegalStateException("the response answer carried no waveId");
        }
        System.out.printf(
                "API: %d answers in %.2f s = %.0f answers/s (%d clients, after %d warm-up answers)%n",
                apiSample, apiSeconds, apiSample / apiSeconds, apiThreads, apiWarmup);
        int answered = apiWarmup + apiSample;

        // 2. the bulk straight onto the topic, then wait until the metric reflects every response
        int bulk = responses - answered;
        System.out.printf("sending %,d responses to %s ...%n", bulk, Topics.SURVEY_RESPONSES);
        long ingestStart = System.nanoTime();
        produce(config, UUID.fromString(surveyId), UUID.fromString(waveId.get()), bulk, detractorPercent);
        double sendSeconds = (System.nanoTime() - ingestStart) / 1e9;
        System.out.printf("sent in %.1f s (%,.0f records/s)%n", sendSeconds, bulk / sendSeconds);

        String metricUrl = gateway + "/api/metrics/surveys/" + surveyId;
        long deadline = System.nanoTime() + Duration.ofMinutes(timeoutMinutes).toNanos();
        long seen = 0;
        long lastPrint = 0;
        while (seen < responses) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "metric shows " + seen + " of " + responses + " after " + timeoutMinutes + " min");
            }
            Http.Response r = Http.get(metricUrl, marketer);
            if (r.status() == 401) {
                marketer = keycloak.token("marketer1", "marketer1");
                continue;
            }
            seen = npsN(r.expect(200, 404));
            if (System.nanoTime() - lastPrint > 10_000_000_000L) {
                System.out.printf(
                        "  metric n = %,d of %,d (%.0f s)%n", seen, responses, (System.nanoTime() - ingestStart) / 1e9);
                lastPrint = System.nanoTime();
            }
            Thread.sleep(250);
        }
        double ingestSeconds = (System.nanoTime() - ingestStart) / 1e9;
        System.out.printf(
                "ingest: %,d responses reflected in %.1f s = %,.0f responses/s%n",
                bulk, ingestSeconds, bulk / ingestSeconds);

        // 3. latency of the metric endpoint over the loaded survey
        marketer = keycloak.token("marketer1", "marketer1");
        List<String> report = new ArrayList<>();
        report.add(String.format(
                "API answers:        %,.0f /s (%d through the gateway, %d clients, warm)",
                apiSample / apiSeconds, apiSample, apiThreads));
        report.add(String.format(
                "ingest:             %,.0f responses/s (%,d until the metric showed n = %,d)",
                bulk / ingestSeconds, bulk, responses));
        // straight at metrics-service: the gateway's per-client rate limit (50/s) would otherwise pace the loop
        String direct = config.serviceUrl(config.metricsPort()) + "/api/metrics/surveys/" + surveyId;
        for (String query : List.of("", "?by=tier", "?interval=day")) {
            report.add(latency(direct + query, marketer));
        }
        System.out.println();
        System.out.println(
                "== survey-metrics benchmark (" + (bench.durable() ? "durable" : "non-durable") + " PostgreSQL) ==");
        report.forEach(System.out::println);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("scenario", "survey-metrics");
        json.put("durable", bench.durable());
        json.put("cores", Runtime.getRuntime().availableProcessors());
        json.put("responses", responses);
        json.put("apiAnswersPerSecond", apiSample / apiSeconds);
        json.put("apiClients", apiThreads);
        json.put("ingestResponsesPerSecond", bulk / ingestSeconds);
        json.put("lines", report);
        bench.writeJson("survey-metrics", json);
    }

    private static void answerAll(
            ExecutorService pool, String gateway, String surveyId, List<String> tokens, AtomicReference<String> waveId)
            throws Exception {
        List<Future<?>> answers = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            int score = i % 11;
            answers.add(pool.submit(() -> {
                JsonNode created = Http.postJson(
                                gateway + "/api/surveys/" + surveyId + "/responses",
                                token,
                                Map.of(
                                        "answers",
                                        Map.of("nps", score, "reason", "sample answer"),
                                        "channel",
                                        "APP",
                                        "storeId",
                                        "S001"))
                        .expect(201)
                        .json();
                if (created.hasNonNull("waveId")) {
                    waveId.compareAndSet(null, created.get("waveId").asText());
                }
            }));
        }
        for (Future<?> f : answers) {
            f.get();
        }
    }

    private static long npsN(Http.Response r) {
        if (r.status() != 200) {
            return 0;
        }
        for (JsonNode q : r.json().path("questions")) {
            if ("nps".equals(q.path("questionId").asText())) {
                return q.path("n").asLong();
            }
        }
        return 0;
    }

    private String latency(String url, String token) {
        for (int i = 0; i < 200; i++) {
            Http.get(url, token).expect(200); // warm-up
        }
        long[] nanos = new long[latencyRequests];
        for (int i = 0; i < latencyRequests; i++) {
            long t0 = System.nanoTime();
            Http.get(url, token).expect(200);
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        return String.format(
                "GET %-40s p50 %6.2f ms   p99 %6.2f ms   (%d sequential requests to metrics-service)",
                url.substring(url.indexOf("/api/")).replaceAll("/surveys/[^/?]+", "/surveys/{id}"),
                nanos[nanos.length / 2] / 1e6,
                nanos[(int) Math.ceil(nanos.length * 0.99) - 1] / 1e6,
                latencyRequests);
    }

    /**
     * The bulk: NPS answers ({@code detractorPercent} detractors with a reason, the rest split between passives and
     * promoters) with a CSI item, over 90 days, 50 stores, the tiers and the channels.
     */
    private static void produce(StackConfig config, UUID surveyId, UUID waveId, int count, int detractorPercent)
            throws Exception {
        Map<String, Object> props = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.ACKS_CONFIG, "1",
                ProducerConfig.LINGER_MS_CONFIG, "20",
                ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        SplittableRandom random = new SplittableRandom(42);
        Instant start = Instant.now().minus(Duration.ofDays(90));
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (int i = 0; i < count; i++) {
                String memberId = UUID.randomUUID().toString();
                int band = random.nextInt(100);
                int score = band < detractorPercent
                        ? random.nextInt(7)
                        : band < detractorPercent + (100 - detractorPercent) / 2
                                ? 7 + random.nextInt(2)
                                : 9 + random.nextInt(2);
                SurveyResponded.Answer csi = new SurveyResponded.Answer(
                        "quality", "CSI", "PERCEIVED_QUALITY", random.nextInt(101), null, null, null);
                List<SurveyResponded.Answer> answers = score <= 6
                        ? List.of(answer("nps", "NPS", score), csi, text(REASONS[random.nextInt(REASONS.length)]))
                        : List.of(answer("nps", "NPS", score), csi);
                Instant at = start.plusSeconds(random.nextLong(90L * 24 * 3600));
                SurveyResponded payload = new SurveyResponded(
                        UUID.randomUUID(),
                        surveyId,
                        waveId,
                        memberId,
                        null,
                        false,
                        TIERS[random.nextInt(TIERS.length)],
                        CHANNELS[random.nextInt(CHANNELS.length)],
                        "S" + (1 + random.nextInt(50)),
                        at,
                        answers);
                String value = EventJson.write(EventJson.envelope(
                        EventTypes.SURVEY_RESPONDED, SurveyResponded.SCHEMA_VERSION, at, memberId, payload));
                producer.send(new ProducerRecord<>(Topics.SURVEY_RESPONSES, memberId, value), (meta, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
                if (failure.get() != null) {
                    throw failure.get();
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private static SurveyResponded.Answer answer(String id, String type, int score) {
        return new SurveyResponded.Answer(id, type, null, score, null, null, null);
    }

    private static SurveyResponded.Answer text(String reason) {
        return new SurveyResponded.Answer("reason", "TEXT", null, null, null, reason, null);
    }
}
