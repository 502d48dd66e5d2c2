package com.example.loyalty.points.messaging;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_OK;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.SegmentChanged;
import com.example.loyalty.events.Topics;
import com.example.loyalty.points.PointsDb;
import com.example.loyalty.testing.TestKafka;
import com.example.loyalty.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * metrics-service's SegmentChanged events through the real broker into member_segment: latest per member, the
 * program currency only, unknown members skipped, erasure deletes the row.
 */
@QuarkusTest
class SegmentConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ADMIN = TestTokens.token("admin-" + UUID.randomUUID(), "admin");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theLatestSegmentPerMemberIsKeptInTheProgramCurrency() {
        PointsDb db = new PointsDb(dataSource);
        String member = enrol();
        LocalDate day = LocalDate.of(2026, 5, 1);
        send(member, "JPY", day, "CHAMPIONS");
        await().atMost(WAIT).until(() -> segments(db, member).equals(List.of("CHAMPIONS")));
        // an older score and another currency change nothing; a newer one does, upper-cased
        send(member, "JPY", day.minusDays(1), "LOST");
        send(member, "USD", day.plusDays(1), "HIBERNATING");
        send(member, "JPY", day.plusDays(1), "at_risk");
        // an unknown member is skipped (no row, no dead letter holding the rest back)
        send(UUID.randomUUID().toString(), "JPY", day, "LOYAL");
        String marker = enrol();
        send(marker, "JPY", day, "NEW");
        await().atMost(WAIT).until(() -> segments(db, marker).equals(List.of("NEW")));
        assertEquals(List.of("AT_RISK"), segments(db, member));
        assertEquals(
                "2026-05-02",
                db.string("select as_of::text from member_segment where member_id = ?", UUID.fromString(member)));
    }

    @Test
    void anErasedMembersSegmentIsDeleted() {
        PointsDb db = new PointsDb(dataSource);
        String member = enrol();
        send(member, "JPY", LocalDate.of(2026, 5, 1), "LOYAL");
        await().atMost(WAIT).until(() -> segments(db, member).equals(List.of("LOYAL")));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"asked to be forgotten\"}")
                .when()
                .post("/api/points/members/{id}/erasure", member)
                .then()
                .statusCode(SC_OK);
        assertEquals(List.of(), segments(db, member));
        // a late event does not bring it back
        send(member, "JPY", LocalDate.of(2026, 5, 2), "LOYAL");
        String marker = enrol();
        send(marker, "JPY", LocalDate.of(2026, 5, 2), "NEW");
        await().atMost(WAIT).until(() -> segments(db, marker).equals(List.of("NEW")));
        assertEquals(List.of(), segments(db, member));
    }

    @Test
    void aMergeKeepsTheSurvivorsSegmentAndDropsTheMergedOnes() {
        PointsDb db = new PointsDb(dataSource);
        String survivor = enrol();
        String merged = enrol();
        for (var row : List.of(List.of(survivor, "LOYAL"), List.of(merged, "CHAMPIONS"))) {
            db.update(
                    "insert into member_segment (member_id, segment, as_of, updated_at) values (?, ?, current_date, now())",
                    UUID.fromString(row.get(0)),
                    row.get(1));
        }
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"mergedMemberId\":\"" + merged + "\"}")
                .when()
                .post("/api/points/members/{id}/merge", survivor)
                .then()
                .statusCode(SC_OK);
        assertEquals(List.of("LOYAL"), segments(db, survivor));
        assertEquals(List.of(), segments(db, merged));
    }

    private static List<String> segments(PointsDb db, String member) {
        return db.strings("select segment from member_segment where member_id = ?", UUID.fromString(member));
    }

    private static String enrol() {
        return given().auth()
                .oauth2(TestTokens.newMember())
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/points/members/me")
                .then()
                .statusCode(SC_CREATED)
                .extract()
                .path("id");
    }

    private static void send(String memberId, String currency, LocalDate asOf, String segment) {
        EventEnvelope event = EventJson.envelope(
                EventTypes.SEGMENT_CHANGED,
                SegmentChanged.SCHEMA_VERSION,
                Instant.now(),
                memberId,
                new SegmentChanged(currency, asOf, null, segment, "LATENT_FAN", 3, 3, 3));
        TestKafka.send(Topics.LOYALTY_INSIGHTS, memberId, EventJson.write(event));
    }
}
