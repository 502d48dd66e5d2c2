package com.example.loyalty.points.messaging;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_OK;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.PointsEarned;
import com.example.loyalty.events.Topics;
import com.example.loyalty.testing.TestKafka;
import com.example.loyalty.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PointsEventsTest {

    @Test
    void earnsAndTierChangesReachKafkaKeyedByMember() {
        String member = TestTokens.newMember();
        var enrolled = given().auth()
                .oauth2(member)
                .contentType(ContentType.JSON)
                .when()
                .post("/api/points/members/me")
                .then()
                .statusCode(SC_CREATED)
                .extract()
                .jsonPath();
        String memberId = enrolled.getString("id");
        String staff = TestTokens.token("staff-outbox", Map.of("store_id", "S9"), "staff");
        String tx = "kafka-" + UUID.randomUUID();
        given().auth()
                .oauth2(staff)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "transactionId",
                        tx,
                        "cardCode",
                        enrolled.getString("cardCode"),
                        "amount",
                        31_000,
                        "currency",
                        "JPY",
                        "storeId",
                        "S9",
                        "channel",
                        "APP"))
                .when()
                .post("/api/points/purchases")
                .then()
                .statusCode(SC_CREATED);
        // the replay must not publish a second event
        given().auth()
                .oauth2(staff)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "transactionId",
                        tx,
                        "cardCode",
                        enrolled.getString("cardCode"),
                        "amount",
                        31_000,
                        "currency",
                        "JPY",
                        "storeId",
                        "S9",
                        "channel",
                        "APP"))
                .when()
                .post("/api/points/purchases")
                .then()
                .statusCode(SC_OK);

        List<ConsumerRecord<String, String>> records =
                TestKafka.read(Topics.LOYALTY_TRANSACTIONS, r -> memberId.equals(r.key()), 3, Duration.ofSeconds(8));
        List<EventEnvelope> events =
                records.stream().map(r -> EventJson.read(r.value())).toList();
        assertEquals(
                List.of(EventTypes.POINTS_EARNED, EventTypes.TIER_CHANGED),
                events.stream().map(EventEnvelope::type).toList());
        PointsEarned earned = EventJson.payload(events.get(0), PointsEarned.class);
        assertEquals(tx, earned.transactionId());
        assertEquals(310, earned.points());
        assertEquals(31_000, earned.amount());
        assertEquals(memberId, events.get(0).memberId());

        List<ConsumerRecord<String, String>> enrolments =
                TestKafka.read(Topics.MEMBER_EVENTS, r -> memberId.equals(r.key()), 1, Duration.ofSeconds(20));
        assertEquals(1, enrolments.size());
    }
}
