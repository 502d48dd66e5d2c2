package com.example.loyalty.metrics.messaging;

import static com.example.loyalty.metrics.TestEvents.MARKETER;
import static com.example.loyalty.metrics.TestEvents.PATIENCE;
import static com.example.loyalty.metrics.TestSurveys.csi;
import static com.example.loyalty.metrics.TestSurveys.metrics;
import static com.example.loyalty.metrics.TestSurveys.nps;
import static com.example.loyalty.metrics.TestSurveys.response;
import static com.example.loyalty.metrics.TestSurveys.send;
import static com.example.loyalty.metrics.TestSurveys.text;
import static org.apache.http.HttpStatus.SC_OK;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.Topics;
import com.example.loyalty.messaging.inbox.Inbox;
import com.example.loyalty.metrics.TestEvents;
import com.example.loyalty.metrics.TestSurveys;
import com.example.loyalty.metrics.service.ActivityService;
import com.example.loyalty.metrics.service.SurveyResponseService;
import com.example.loyalty.metrics.service.SurveyResponseService.IncomingResponse;
import com.example.loyalty.metrics.service.SurveyResponseService.OtherEvent;
import com.example.loyalty.metrics.service.SurveyResponseService.Outcome;
import com.example.loyalty.testing.TestKafka;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/** survey-responses through the real broker into the survey metric. */
@QuarkusTest
class SurveyResponsesConsumerTest {

    private static final String DLQ = Topics.SURVEY_RESPONSES + ".dlq";

    @Inject
    MeterRegistry registry;

    @Inject
    Inbox inbox;

    @Inject
    SurveyResponsesConsumer consumer;

    @Inject
    ActivityService activities;

    @Inject
    SurveyResponseService service;

    @Test
    void onePromoterAndOneDetractorIsNpsZeroAndNotReliable() {
        UUID survey = UUID.randomUUID();
        UUID wave = UUID.randomUUID();
        send(response(survey, wave, nps(10), text("reason", "Great staff")).event());
        send(response(survey, wave, nps(3), text("reason", "Long queue")).event());

        awaitN(survey, "nps", 2);
        metrics(MARKETER, survey)
                .statusCode(SC_OK)
                .body("surveyId", equalTo(survey.toString()))
                .body("questions.questionId", contains("nps", "reason"))
                .body("questions[0].type", equalTo("NPS"))
                .body("questions[0].n", equalTo(2))
                .body("questions[0].score", equalTo(0.0))
                .body("questions[0].promoters", equalTo(1))
                .body("questions[0].passives", equalTo(0))
                .body("questions[0].detractors", equalTo(1))
                .body("questions[0].marginOfError", closeTo(138.5929, 1e-3))
                .body("questions[0].reliable", equalTo(false))
                .body("questions[1].type", equalTo("TEXT"))
                .body("questions[1].n", equalTo(2));
    }

    @Test
    void aRedeliveredResponseCountsOnce() {
        UUID survey = UUID.randomUUID();
        String member = UUID.randomUUID().toString();
        double before = counter("loyalty.metrics.events.consumed", "outcome", "duplicate");
        EventEnvelope first = response(survey, null, nps(9)).member(member).event();
        String json = EventJson.write(first);
        TestKafka.send(Topics.SURVEY_RESPONSES, member, json);
        TestKafka.send(Topics.SURVEY_RESPONSES, member, json);
        // same key, same partition: once this one counts, the redelivery before it has been handled
        send(response(survey, null, nps(4)).member(member).event());

        awaitN(survey, "nps", 2);
        metrics(MARKETER, survey)
                .statusCode(SC_OK)
                .body("questions[0].promoters", equalTo(1))
                .body("questions[0].detractors", equalTo(1));
        assertTrue(counter("loyalty.metrics.events.consumed", "outcome", "duplicate") >= before + 1);
    }

    @Test
    void aBatchWithPoisonRecordsDeadLettersThemAndCountsTheRest() {
        UUID survey = UUID.randomUUID();
        String member = UUID.randomUUID().toString();
        EventEnvelope outOfRange =
                response(survey, null, nps(11)).member(member).event();
        EventEnvelope futureVersion =
                new EventEnvelope(UUID.randomUUID(), "SurveyResponded", 2, Instant.now(), member, outOfRange.payload());
        EventEnvelope otherType = new EventEnvelope(
                UUID.randomUUID(),
                "SurveyClosed",
                1,
                Instant.now(),
                member,
                JsonNodeFactory.instance.objectNode().put("surveyId", survey.toString()));
        List<String> poison = List.of(EventJson.write(outOfRange), "{not json", EventJson.write(futureVersion));
        List<Map.Entry<String, String>> records = new ArrayList<>();
        records.add(Map.entry(
                member,
                EventJson.write(response(survey, null, nps(10)).member(member).event())));
        records.add(Map.entry(member, poison.get(0)));
        records.add(Map.entry(
                member,
                EventJson.write(response(survey, null, nps(8)).member(member).event())));
        records.add(Map.entry(member, poison.get(1)));
        records.add(Map.entry(member, EventJson.write(otherType)));
        records.add(Map.entry(member, poison.get(2)));
        records.add(Map.entry(
                member,
                EventJson.write(response(survey, null, nps(0)).member(member).event())));
        TestSurveys.sendTogether(records);

        awaitN(survey, "nps", 3);
        metrics(MARKETER, survey)
                .statusCode(SC_OK)
                .body("questions[0].promoters", equalTo(1))
                .body("questions[0].passives", equalTo(1))
                .body("questions[0].detractors", equalTo(1));
        List<ConsumerRecord<String, String>> dead =
                TestKafka.read(DLQ, r -> member.equals(r.key()), poison.size(), Duration.ofSeconds(30));
        assertEquals(poison, dead.stream().map(ConsumerRecord::value).toList());
        for (ConsumerRecord<String, String> record : dead) {
            Header reason = record.headers().lastHeader("dead-letter-reason");
            assertNotNull(reason, "dead-letter-reason header on " + record);
            assertTrue(new String(reason.value(), StandardCharsets.UTF_8).length() > 0);
            assertEquals(
                    Topics.SURVEY_RESPONSES,
                    new String(record.headers().lastHeader("dead-letter-topic").value(), StandardCharsets.UTF_8));
        }
        assertTrue(new String(
                        dead.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8)
                .contains("score 11"));
        // rejected events are not recorded as processed (they can be replayed once they can be handled) ...
        assertFalse(processed(outOfRange.eventId()));
        assertFalse(processed(futureVersion.eventId()));
        // ... an event of another type is recorded and ignored
        assertTrue(processed(otherType.eventId()));
    }

    @Test
    void oneBatchHandedOverDirectlyKeepsItsGoodRecords() {
        // the consumer's batch method itself, with a batch that is certainly one batch
        UUID survey = UUID.randomUUID();
        String key = "direct-" + UUID.randomUUID();
        List<ConsumerRecord<String, String>> batch = new ArrayList<>();
        batch.add(record(key, 0, EventJson.write(response(survey, null, nps(9)).event())));
        batch.add(record(key, 1, null));
        batch.add(record(
                key, 2, EventJson.write(response(survey, null, nps(1), nps(2)).event()))); // answered twice
        batch.add(record(key, 3, EventJson.write(response(survey, null, nps(7)).event())));
        consumer.process(batch);

        metrics(MARKETER, survey)
                .statusCode(SC_OK)
                .body("questions[0].n", equalTo(2))
                .body("questions[0].promoters", equalTo(1))
                .body("questions[0].passives", equalTo(1));
        List<ConsumerRecord<String, String>> dead =
                TestKafka.read(DLQ, r -> key.equals(r.key()), 2, Duration.ofSeconds(30));
        assertEquals(2, dead.size());
        assertNull(dead.get(0).value());
        assertEquals(
                "1",
                new String(
                        dead.get(0).headers().lastHeader("dead-letter-offset").value(), StandardCharsets.UTF_8));
        assertTrue(new String(
                        dead.get(1).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8)
                .contains("answered twice"));
    }

    @Test
    void aBatchThatKeepsFailingIsAppliedOneByOneAndOnlyTheCulpritIsDeadLettered() {
        // a failure the checks cannot foresee and that does not pass by itself (here: provoked for one response), in
        // the middle of a batch: retried a few times, then the batch is split
        SurveyResponseService real = ClientProxy.unwrap(service);
        UUID survey = UUID.randomUUID();
        TestSurveys.Response culprit = response(survey, null, nps(5));
        QuarkusMock.installMockForType(
                new SurveyResponseService(null, null, null, null, null, null, null, null, null) {
                    @Override
                    public Outcome apply(List<IncomingResponse> batch, List<OtherEvent> others) {
                        if (batch.stream()
                                .anyMatch(r -> r.response().responseId().equals(culprit.responseId))) {
                            throw new IllegalStateException("provoked failure");
                        }
                        return real.apply(batch, others);
                    }
                },
                SurveyResponseService.class);
        String key = "failing-" + UUID.randomUUID();
        consumer.process(List.of(
                record(key, 0, EventJson.write(response(survey, null, nps(10)).event())),
                record(key, 1, EventJson.write(culprit.event())),
                record(key, 2, EventJson.write(response(survey, null, nps(6)).event()))));

        metrics(MARKETER, survey)
                .statusCode(SC_OK)
                .body("questions[0].n", equalTo(2))
                .body("questions[0].promoters", equalTo(1))
                .body("questions[0].detractors", equalTo(1));
        List<ConsumerRecord<String, String>> dead =
                TestKafka.read(DLQ, r -> key.equals(r.key()), 1, Duration.ofSeconds(30));
        assertEquals(1, dead.size());
        assertEquals(
                culprit.responseId,
                EventJson.payload(EventJson.read(dead.get(0).value()), com.example.loyalty.events.SurveyResponded.class)
                        .responseId());
        assertEquals(
                "failed",
                new String(dead.get(0).headers().lastHeader("dead-letter-cause").value(), StandardCharsets.UTF_8));
    }

    @Test
    void aBatchWhoseDatabaseIsAwayIsRetriedUntilItPassesAndNothingIsDeadLettered() {
        // the database away for longer than the retries of other failures last: the batch waits, whole
        SurveyResponseService real = ClientProxy.unwrap(service);
        UUID survey = UUID.randomUUID();
        TestSurveys.Response marker = response(survey, null, nps(9));
        int outage = 6; // > loyalty.consumer.failure-retries + 1 attempts
        AtomicInteger attempts = new AtomicInteger();
        double retriesBefore = counter("loyalty.metrics.events.retries", "kind", "transient");
        QuarkusMock.installMockForType(
                new SurveyResponseService(null, null, null, null, null, null, null, null, null) {
                    @Override
                    public Outcome apply(List<IncomingResponse> batch, List<OtherEvent> others) {
                        if (batch.stream()
                                        .anyMatch(r -> r.response().responseId().equals(marker.responseId))
                                && attempts.incrementAndGet() <= outage) {
                            throw new IllegalStateException(
                                    "provoked outage",
                                    new SQLTransientConnectionException(
                                            "Acquisition timeout while waiting for new connection"));
                        }
                        return real.apply(batch, others);
                    }
                },
                SurveyResponseService.class);
        String key = "outage-" + UUID.randomUUID();
        consumer.process(List.of(
                record(key, 0, EventJson.write(response(survey, null, nps(10)).event())),
                record(key, 1, EventJson.write(marker.event())),
                record(key, 2, EventJson.write(response(survey, null, nps(2)).event()))));

        assertEquals(outage + 1, attempts.get(), "one batch, retried until the database was back, never split");
        metrics(MARKETER, survey)
                .statusCode(SC_OK)
                .body("questions[0].n", equalTo(3))
                .body("questions[0].promoters", equalTo(2))
                .body("questions[0].detractors", equalTo(1));
        assertEquals(List.of(), TestKafka.read(DLQ, r -> key.equals(r.key()), 1, Duration.ofSeconds(3)));
        assertTrue(counter("loyalty.metrics.events.retries", "kind", "transient") >= retriesBefore + outage);
    }

    @Test
    void aQuestionCannotChangeItsType() {
        UUID survey = UUID.randomUUID();
        String member = UUID.randomUUID().toString();
        send(response(survey, null, nps(9)).member(member).event());
        EventEnvelope asCsi =
                response(survey, null, csi("nps", null, 50)).member(member).event();
        send(asCsi);
        send(response(survey, null, nps(10)).member(member).event());

        awaitN(survey, "nps", 2);
        List<ConsumerRecord<String, String>> dead =
                TestKafka.read(DLQ, r -> member.equals(r.key()), 1, Duration.ofSeconds(30));
        assertEquals(1, dead.size());
        assertEquals(asCsi.eventId(), EventJson.read(dead.get(0).value()).eventId());
        metrics(MARKETER, survey)
                .statusCode(SC_OK)
                .body("questions", hasSize(1))
                .body("questions[0].type", equalTo("NPS"));
    }

    @Test
    void withoutATierInTheEventTheMembersKnownTierCounts() {
        UUID survey = UUID.randomUUID();
        String gold = UUID.randomUUID().toString();
        activities.apply(TestEvents.tierChanged(gold, "SILVER", "GOLD", Instant.now()));
        send(response(survey, null, nps(10)).member(gold).tier(null).event());
        send(response(survey, null, nps(9)).tier("SILVER").event());
        send(response(survey, null, nps(0)).tier(null).event()); // a member this service knows nothing of
        send(response(survey, null, nps(5)).anonymous().event());

        awaitN(survey, "nps", 4);
        metrics(MARKETER, survey, "by", "tier")
                .statusCode(SC_OK)
                .body("by", equalTo("tier"))
                .body("groups.value", contains("GOLD", "SILVER", "UNKNOWN"))
                .body("groups[0].questions[0].n", equalTo(1))
                .body("groups[0].questions[0].promoters", equalTo(1))
                .body("groups[1].questions[0].n", equalTo(1))
                .body("groups[2].questions[0].n", equalTo(2))
                .body("groups[2].questions[0].detractors", equalTo(2));
    }

    private static ConsumerRecord<String, String> record(String key, long offset, String value) {
        return new ConsumerRecord<>(Topics.SURVEY_RESPONSES, 0, offset, key, value);
    }

    private static void awaitN(UUID survey, String question, int n) {
        await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> metrics(MARKETER, survey)
                        .statusCode(SC_OK)
                        .body("questions.find { it.questionId == '" + question + "' }.n", equalTo(n)));
    }

    private double counter(String name, String tag, String value) {
        var c = registry.find(name)
                .tag("consumer", Topics.SURVEY_RESPONSES)
                .tag(tag, value)
                .counter();
        return c == null ? 0 : c.count();
    }

    private boolean processed(UUID eventId) {
        return inbox.isProcessed(Topics.SURVEY_RESPONSES, eventId);
    }
}
