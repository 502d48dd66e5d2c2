package com.example.loyalty.metrics.messaging;

import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.SurveyResponded.Answer;
import com.example.loyalty.events.Topics;
import com.example.loyalty.metrics.TestSurveys;
import com.example.loyalty.testing.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import static com.example.loyalty.metrics.TestEvents.MARKETER;
import static com.example.loyalty.metrics.TestSurveys.metrics;
import static com.example.loyalty.metrics.TestSurveys.response;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * How fast the survey metric reflects responses pushed onto survey-responses: not part of the normal build (the
 * machine is shared); run with {@code -Dtest=SurveyResponsesThroughputTest -Dthroughput.responses=200000}. Each
 * response has an NPS answer (by default 25% detractors, so a quarter open a follow-up with its outbox event;
 * {@code -Dthroughput.detractor-percent=N} changes that), a CSI item and, for detractors, a reason; answers are spread
 * over 30 days, 50 stores, 4 tiers and 4 channels.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "throughput.responses", matches = "\\d+")
class SurveyResponsesThroughputTest {

    @Test
    void ingestRate() {
        int total = Integer.getInteger("throughput.responses");
        int detractorPercent = Integer.getInteger("throughput.detractor-percent", 25);
        UUID survey = UUID.randomUUID();
        UUID wave = UUID.randomUUID();
        List<String> tiers = List.of("REGULAR", "SILVER", "GOLD", "PLATINUM");
        List<String> channels = List.of("APP", "WEB", "STORE", "EMAIL");
        SplittableRandom random = new SplittableRandom(42);
        long expectedDetractors = 0;
        Instant start = Instant.now();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, "20",
                ProducerConfig.BATCH_SIZE_CONFIG, "262144",
                ProducerConfig.ACKS_CONFIG, "1",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            for (int i = 0; i < total; i++) {
                int band = random.nextInt(100);
                int nps = band < detractorPercent ? random.nextInt(7)
                        : band < detractorPercent + (100 - detractorPercent) / 2 ? 7 + random.nextInt(2) : 9 + random.nextInt(2);
                if (nps <= 6) {
                    expectedDetractors++;
                }
                Answer[] answers = nps <= 6
                        ? new Answer[] { TestSurveys.nps(nps), TestSurveys.csi("quality", "PERCEIVED_QUALITY", random.nextInt(101)),
                                TestSurveys.text("reason", "The wait at the counter was far too long, number " + i) }
                        : new Answer[] { TestSurveys.nps(nps), TestSurveys.csi("quality", "PERCEIVED_QUALITY", random.nextInt(101)) };
                TestSurveys.Response r = response(survey, wave, answers)
                        .tier(tiers.get(random.nextInt(tiers.size())))
                        .channel(channels.get(random.nextInt(channels.size())))
                        .store("S" + random.nextInt(50))
                        .at(Instant.parse("2026-03-01T00:00:00Z").plusSeconds(random.nextInt(30 * 86_400)));
                producer.send(new ProducerRecord<>(Topics.SURVEY_RESPONSES, r.memberId, EventJson.write(r.event())));
            }
            producer.flush();
        }
        Duration produced = Duration.between(start, Instant.now());
        long seen = 0;
        while (seen < total) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            var body = metrics(MARKETER, survey).extract();
            if (body.statusCode() == 200) {
                seen = ((Number) body.path("questions[0].n")).longValue();
            }
            if (Duration.between(start, Instant.now()).toMinutes() > 30) {
                break;
            }
        }
        Duration reflected = Duration.between(start, Instant.now());
        String prometheus = RestAssured.given().when().get("/q/metrics").asString();
        prometheus.lines().filter(l -> l.startsWith("metrics_survey_responses_batch") || l.startsWith("outbox_pending"))
                .forEach(l -> System.out.println("THROUGHPUT: " + l));
        System.out.printf("THROUGHPUT: %d responses produced in %d ms (%.0f/s); metric reflected all after %d ms "
                + "(%.0f responses/s end to end)%n", total, produced.toMillis(), total * 1000.0 / produced.toMillis(),
                reflected.toMillis(), total * 1000.0 / reflected.toMillis());
        assertEquals(total, seen);
        // latency of the survey metric over them, with a plain HTTP client (rest-assured adds its own milliseconds)
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                + "/api/metrics/surveys/" + survey)).header("Authorization", "Bearer " + MARKETER).build();
        int calls = 500;
        long[] latencies = new long[calls];
        for (int i = 0; i < calls; i++) {
            long s = System.nanoTime();
            HttpResponse<String> answer = send(http, request);
            latencies[i] = System.nanoTime() - s;
            assertEquals(200, answer.statusCode());
        }
        Arrays.sort(latencies);
        RestAssured.given().when().get("/q/metrics").asString().lines()
                .filter(l -> l.startsWith("http_server_requests_seconds") && l.contains("/api/metrics/surveys/"))
                .forEach(l -> System.out.println("THROUGHPUT: " + l));
        System.out.printf("THROUGHPUT: GET survey metric p50 %.2f ms, p99 %.2f ms over %d calls; %d detractors "
                + "expected%n", latencies[calls / 2] / 1e6, latencies[calls * 99 / 100] / 1e6, calls, expectedDetractors);
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
