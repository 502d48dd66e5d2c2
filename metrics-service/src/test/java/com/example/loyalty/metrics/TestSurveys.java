package com.example.loyalty.metrics;

import static io.restassured.RestAssured.given;

import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.SurveyResponded;
import com.example.loyalty.events.SurveyResponded.Answer;
import com.example.loyalty.events.Topics;
import com.example.loyalty.metrics.domain.ValidatedResponse;
import com.example.loyalty.metrics.service.SurveyResponseService;
import com.example.loyalty.testing.TestKafka;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** SurveyResponded events shaped as survey-service publishes them, and the calls tests make with them. */
public final class TestSurveys {

    public static final String SURVEY = "/api/metrics/surveys/{id}";
    public static final String FOLLOW_UPS = "/api/metrics/follow-ups";
    public static final String FOLLOW_UP = "/api/metrics/follow-ups/{id}";
    public static final Instant ANSWERED = Instant.parse("2026-03-10T03:00:00Z");
    /** Decimal numbers in bodies as Double (rest-assured's default is Float), for closeTo. */
    public static final RestAssuredConfig DOUBLES = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));

    private TestSurveys() {}

    /** A response under construction: defaults are a known member, tier REGULAR, channel APP, store S001. */
    public static final class Response {
        public UUID responseId = UUID.randomUUID();
        public UUID surveyId;
        public UUID waveId;
        public String memberId = UUID.randomUUID().toString();
        public boolean anonymous;
        public String tier = "REGULAR";
        public String channel = "APP";
        public String storeId = "S001";
        public Instant answeredAt = ANSWERED;
        public List<Answer> answers;

        public Response member(String id) {
            memberId = id;
            return this;
        }

        public Response anonymous() {
            anonymous = true;
            memberId = null;
            tier = null;
            return this;
        }

        public Response tier(String t) {
            tier = t;
            return this;
        }

        public Response channel(String c) {
            channel = c;
            return this;
        }

        public Response store(String s) {
            storeId = s;
            return this;
        }

        public Response wave(UUID w) {
            waveId = w;
            return this;
        }

        public Response at(Instant t) {
            answeredAt = t;
            return this;
        }

        public SurveyResponded payload() {
            return new SurveyResponded(
                    responseId,
                    surveyId,
                    waveId,
                    memberId,
                    anonymous ? null : "sub-" + memberId,
                    anonymous,
                    tier,
                    channel,
                    storeId,
                    answeredAt,
                    answers);
        }

        /** The envelope, as survey-service's outbox writes it (a fresh event id). */
        public EventEnvelope event() {
            return EventJson.envelope(
                    EventTypes.SURVEY_RESPONDED, SurveyResponded.SCHEMA_VERSION, answeredAt, memberId, payload());
        }
    }

    public static Response response(UUID surveyId, UUID waveId, Answer... answers) {
        Response r = new Response();
        r.surveyId = surveyId;
        r.waveId = waveId;
        r.answers = Arrays.asList(answers);
        return r;
    }

    public static Answer nps(int score) {
        return score("nps", "NPS", score);
    }

    public static Answer score(String questionId, String type, int score) {
        return new Answer(questionId, type, null, score, null, null, null);
    }

    public static Answer csi(String questionId, String dimension, int score) {
        return new Answer(questionId, "CSI", dimension, score, null, null, null);
    }

    public static Answer felt(String questionId, boolean effort) {
        return new Answer(questionId, "CES_BINARY", null, null, effort, null, null);
    }

    public static Answer text(String questionId, String text) {
        return new Answer(questionId, "TEXT", null, null, null, text, null);
    }

    public static Answer choice(String questionId, String option) {
        return new Answer(questionId, "CHOICE", null, null, null, null, option);
    }

    /** Applies responses straight through the service (no Kafka), as one batch. */
    public static void apply(SurveyResponseService service, Response... responses) {
        List<SurveyResponseService.IncomingResponse> batch = new ArrayList<>();
        for (int i = 0; i < responses.length; i++) {
            EventEnvelope e = responses[i].event();
            batch.add(new SurveyResponseService.IncomingResponse(
                    i, ValidatedResponse.of(e.eventId(), responses[i].payload())));
        }
        SurveyResponseService.Outcome outcome = service.apply(batch, List.of());
        if (!outcome.rejected().isEmpty()) {
            throw new IllegalStateException("rejected: " + outcome.rejected());
        }
    }

    /** The Kafka key survey-service uses: the member id, or a random key for an anonymous answer. */
    public static String key(EventEnvelope e) {
        return e.memberId() != null ? e.memberId() : UUID.randomUUID().toString();
    }

    public static void send(EventEnvelope e) {
        TestKafka.send(Topics.SURVEY_RESPONSES, key(e), EventJson.write(e));
    }

    /** Sends raw records (key, value) through one producer without waiting in between, so they arrive together. */
    public static void sendTogether(List<Map.Entry<String, String>> records) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, "50",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            for (Map.Entry<String, String> r : records) {
                producer.send(new ProducerRecord<>(Topics.SURVEY_RESPONSES, r.getKey(), r.getValue()));
            }
            producer.flush();
        }
    }

    public static ValidatableResponse metrics(String token, Object surveyId, Object... query) {
        var request = given().config(DOUBLES).auth().oauth2(token);
        for (int i = 0; i + 1 < query.length; i += 2) {
            request = request.queryParam(query[i].toString(), query[i + 1]);
        }
        return request.when().get(SURVEY, surveyId).then();
    }
}
