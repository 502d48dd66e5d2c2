package com.example.loyalty.messaging.outbox;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_OK;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.testing.TestKafka;
import com.example.loyalty.testing.TestTokens;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The relay on a real broker: events arrive keyed by member; one Kafka refuses is parked and does not block. */
@QuarkusTest
class OutboxRelayTest {

    private static final String TOPIC = "probe-out";
    private static final String ADMIN = TestTokens.token("admin-1", "admin");
    private static final String MARKETER = TestTokens.token("marketer-1", "marketer");

    @Inject
    OutboxWriter writer;

    @Inject
    OutboxRepository outbox;

    @Inject
    MeterRegistry registry;

    @Inject
    OutboxRelay relay;

    @Test
    void anEventIsRelayedKeyedByMemberAndMarkedPublished() {
        String member = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew()
                .run(() -> writer.write(TOPIC, "RelayProbe", 1, member, Map.of("probe", true)));

        List<ConsumerRecord<String, String>> records =
                TestKafka.read(TOPIC, r -> member.equals(r.key()), 1, Duration.ofSeconds(20));
        assertEquals(1, records.size());
        EventEnvelope event = EventJson.read(records.get(0).value());
        assertEquals("RelayProbe", event.type());
        assertEquals(member, event.memberId());
        assertEquals(
                "RelayProbe",
                new String(records.get(0).headers().lastHeader("event-type").value()));
        await().atMost(Duration.ofSeconds(10)).until(() -> row(event.eventId()).publishedAt != null);
    }

    @Test
    void anEventKafkaRefusesIsParkedAndTheEventsBehindItStillArrive() {
        String member = UUID.randomUUID().toString();
        String tooLarge = "x".repeat(2 * 1024 * 1024); // above the producer's max.request.size of 1 MiB
        QuarkusTransaction.requiringNew().run(() -> {
            writer.write(TOPIC, "Huge", 1, member, Map.of("blob", tooLarge));
            for (int i = 0; i < 3; i++) {
                writer.write(TOPIC, "Behind", 1, member, Map.of("i", i));
            }
        });

        List<ConsumerRecord<String, String>> behind =
                TestKafka.read(TOPIC, r -> member.equals(r.key()), 3, Duration.ofSeconds(30));
        assertEquals(3, behind.size(), "the three events behind the refused one arrived");
        behind.forEach(r -> assertEquals("Behind", EventJson.read(r.value()).type()));

        OutboxEvent parked = QuarkusTransaction.requiringNew()
                .call(() -> outbox.find("messageKey = ?1 and eventType = ?2", member, "Huge")
                        .firstResult());
        assertNotNull(parked.parkedAt, "parked");
        assertNull(parked.publishedAt);
        assertTrue(parked.lastError.contains("RecordTooLargeException"), parked.lastError);
        assertTrue(registry.get("loyalty.probe.outbox.parked").gauge().value() >= 1);

        // an admin sees it and can put it back in line (it is parked again: nothing changed on the broker)
        given().auth()
                .oauth2(ADMIN)
                .when()
                .get("/api/probe/admin/outbox/parked?size=200")
                .then()
                .statusCode(SC_OK)
                .body("items.id", hasItem(parked.id.toString()))
                .body("items.find { it.id == '" + parked.id + "' }.lastError", containsString("RecordTooLarge"));
        given().auth()
                .oauth2(ADMIN)
                .when()
                .post("/api/probe/admin/outbox/parked/" + parked.id + "/retry")
                .then()
                .statusCode(SC_OK)
                .body("id", equalTo(parked.id.toString()));
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            OutboxEvent again = row(parked.id);
            return again.parkedAt != null && again.parkedAt.isAfter(parked.parkedAt);
        });
        given().auth()
                .oauth2(ADMIN)
                .when()
                .post("/api/probe/admin/outbox/parked/" + UUID.randomUUID() + "/retry")
                .then()
                .statusCode(SC_NOT_FOUND)
                .contentType("application/problem+json");
    }

    @Test
    void theLagGaugeIsTheAgeOfTheOldestEventWaitingAndZeroOnceItIsSent() {
        Gauge lag = registry.get("loyalty.probe.outbox.lag").gauge();
        await().atMost(Duration.ofSeconds(20)).until(() -> lag.value() == 0.0);
        String member = UUID.randomUUID().toString();
        relay.paused(true);
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> !relay.sending());
            QuarkusTransaction.requiringNew()
                    .run(() -> writer.write(TOPIC, "Waiting", 1, member, Map.of("probe", true)));
            UUID id = QuarkusTransaction.requiringNew()
                    .call(() -> outbox.find("messageKey", member).firstResult().id);
            // written ten minutes ago, as if the broker had been away since
            QuarkusTransaction.requiringNew()
                    .run(() -> outbox.update(
                            "createdAt = ?1 where id = ?2", Instant.now().minusSeconds(600), id));

            double seconds = lag.value();
            assertTrue(seconds >= 600 && seconds < 660, "lag " + seconds);
            assertTrue(registry.get("loyalty.probe.outbox.pending").gauge().value() >= 1);
        } finally {
            relay.paused(false);
        }
        relay.drain();
        await().atMost(Duration.ofSeconds(20)).until(() -> lag.value() == 0.0);
        assertEquals(
                1,
                TestKafka.read(TOPIC, r -> member.equals(r.key()), 1, Duration.ofSeconds(20))
                        .size());
    }

    @Test
    void onlyAnAdminSeesParkedEvents() {
        given().auth()
                .oauth2(MARKETER)
                .when()
                .get("/api/probe/admin/outbox/parked")
                .then()
                .statusCode(SC_FORBIDDEN);
        given().auth()
                .oauth2(MARKETER)
                .when()
                .post("/api/probe/admin/outbox/parked/retry")
                .then()
                .statusCode(SC_FORBIDDEN);
    }

    private OutboxEvent row(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> outbox.findById(id));
    }
}
