package com.example.loyalty.points.rest;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_ACCEPTED;
import static org.apache.http.HttpStatus.SC_BAD_REQUEST;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_UNAUTHORIZED;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditResourceTest {

    static final String ADMIN = TestTokens.token("admin-audit", "admin");

    @Inject
    AgroalDataSource db;

    @Test
    void theDatabaseRefusesToChangeOrDeleteAnEntry() throws Exception {
        var member = PointsApi.enrolNewMember();
        AdjustmentResourceTest.adjust(ADMIN, "adj-" + UUID.randomUUID(), member.id(), 10, "kept for ever")
                .statusCode(SC_CREATED);
        String id = audit(Map.of("target", member.id()))
                .statusCode(SC_OK)
                .body("items", hasSize(1))
                .extract()
                .path("items[0].id");
        long before = count();
        for (String sql : List.of(
                "update audit_entry set reason = 'rewritten' where id = '" + id + "'",
                "update audit_entry set actor = 'someone-else'",
                "delete from audit_entry where id = '" + id + "'",
                "delete from audit_entry",
                "truncate audit_entry",
                "truncate audit_entry cascade")) {
            SQLException refused = assertThrows(SQLException.class, () -> execute(sql), sql);
            assertTrue(refused.getMessage().contains("append-only"), sql + ": " + refused.getMessage());
        }
        assertEquals(before, count());
        audit(Map.of("target", member.id()))
                .statusCode(SC_OK)
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(id))
                .body("items[0].reason", equalTo("kept for ever"))
                .body("items[0].actor", equalTo("admin-audit"));
    }

    @Test
    void aTierLadderChangeIsAuditedWithTheLadderBeforeAndAfter() {
        String subject = "marketer-" + UUID.randomUUID();
        String marketer = TestTokens.token(subject, "marketer");
        try {
            put(
                            marketer,
                            TierResourceTest.DEFAULT_LADDER
                                    .replace("\"Silver\"", "\"Silber\"")
                                    .replace("\"windowMonths\": 12", "\"windowMonths\": 6"))
                    .statusCode(SC_OK);
            var entry = audit(Map.of("actor", subject))
                    .statusCode(SC_OK)
                    .body("items", hasSize(1))
                    .body("items[0].action", equalTo("TIER_LADDER_REPLACED"))
                    .body("items[0].targetType", equalTo("TIER_LADDER"))
                    .body("items[0].targetId", equalTo("1"))
                    .body("items[0].at", notNullValue())
                    .body("items[0].reason", nullValue())
                    .body("items[0].before.windowMonths", equalTo(12))
                    .body("items[0].before.steps.code", contains("REGULAR", "SILVER", "GOLD", "PLATINUM"))
                    .body("items[0].before.steps[1].name", equalTo("Silver"))
                    .body("items[0].before.steps[1].thresholdSpend", equalTo(30000))
                    .body("items[0].after.windowMonths", equalTo(6))
                    .body("items[0].after.steps[1].name", equalTo("Silber"))
                    .extract()
                    .jsonPath();
            assertEquals(entry.getLong("items[0].before.version") + 1, entry.getLong("items[0].after.version"));
        } finally {
            put(marketer, TierResourceTest.DEFAULT_LADDER).statusCode(SC_OK);
        }
        audit(Map.of("actor", subject, "targetType", "TIER_LADDER"))
                .statusCode(SC_OK)
                .body("items", hasSize(2))
                .body("items[0].before.steps[1].name", equalTo("Silber"))
                .body("items[0].after.steps[1].name", equalTo("Silver"));
        // a refused change leaves no entry
        put(
                        marketer,
                        "{\"windowMonths\": 12, \"tiers\": [{\"code\": \"REGULAR\", \"name\": \"Regular\", "
                                + "\"thresholdSpend\": 5, \"multiplier\": 1}]}")
                .statusCode(422);
        audit(Map.of("actor", subject)).statusCode(SC_OK).body("items", hasSize(2));
    }

    @Test
    void anImportStartIsAudited() {
        String subject = "admin-" + UUID.randomUUID();
        String id = given().auth()
                .oauth2(TestTokens.token(subject, "admin"))
                .contentType("text/csv")
                .body("externalId\next-" + UUID.randomUUID() + "\n")
                .when()
                .post("/api/points/imports?kind=members")
                .then()
                .statusCode(SC_ACCEPTED)
                .extract()
                .path("id");
        audit(Map.of("actor", subject))
                .statusCode(SC_OK)
                .body("items", hasSize(1))
                .body("items[0].action", equalTo("IMPORT_STARTED"))
                .body("items[0].targetType", equalTo("IMPORT"))
                .body("items[0].targetId", equalTo(id))
                .body("items[0].before", nullValue())
                .body("items[0].after.kind", equalTo("MEMBERS"))
                .body("items[0].after.award", equalTo(false));
    }

    @Test
    void outboxRetriesAreAuditedAndStayAdminOnly() throws Exception {
        String subject = "admin-" + UUID.randomUUID();
        String admin = TestTokens.token(subject, "admin");
        UUID one = park();
        given().auth()
                .oauth2(PointsApi.MARKETER)
                .when()
                .post("/api/points/admin/outbox/parked/{id}/retry", one)
                .then()
                .statusCode(SC_FORBIDDEN);
        given().auth()
                .oauth2(PointsApi.STAFF)
                .when()
                .post("/api/points/admin/outbox/parked/retry")
                .then()
                .statusCode(SC_FORBIDDEN);
        given().when()
                .post("/api/points/admin/outbox/parked/{id}/retry", one)
                .then()
                .statusCode(SC_UNAUTHORIZED);
        audit(Map.of("target", one.toString())).statusCode(SC_OK).body("items", empty());
        given().auth()
                .oauth2(admin)
                .when()
                .post("/api/points/admin/outbox/parked/{id}/retry", one)
                .then()
                .statusCode(SC_OK)
                .body("id", equalTo(one.toString()))
                .body("attempts", equalTo(3))
                .body("lastError", equalTo("probe: refused"));
        audit(Map.of("actor", subject))
                .statusCode(SC_OK)
                .body("items", hasSize(1))
                .body("items[0].action", equalTo("OUTBOX_EVENT_RETRIED"))
                .body("items[0].targetType", equalTo("OUTBOX_EVENT"))
                .body("items[0].targetId", equalTo(one.toString()))
                .body("items[0].before.topic", equalTo("points-audit-probe"))
                .body("items[0].before.attempts", equalTo(3))
                .body("items[0].before.lastError", equalTo("probe: refused"))
                .body("items[0].after.parked", equalTo(false));
        // not parked any more: a second retry finds nothing and records nothing
        given().auth()
                .oauth2(admin)
                .when()
                .post("/api/points/admin/outbox/parked/{id}/retry", one)
                .then()
                .statusCode(SC_NOT_FOUND)
                .contentType("application/problem+json");
        audit(Map.of("actor", subject)).statusCode(SC_OK).body("items", hasSize(1));

        park();
        park();
        given().auth()
                .oauth2(admin)
                .when()
                .post("/api/points/admin/outbox/parked/retry")
                .then()
                .statusCode(SC_OK)
                .body("retried", greaterThanOrEqualTo(2));
        audit(Map.of("actor", subject, "action", "OUTBOX_EVENTS_RETRIED"))
                .statusCode(SC_OK)
                .body("items", hasSize(1))
                .body("items[0].targetType", equalTo("OUTBOX"))
                .body("items[0].after.retried", greaterThanOrEqualTo(2));
    }

    @Test
    void filtersAndPagesNewestFirst() {
        String subject = "admin-" + UUID.randomUUID();
        String admin = TestTokens.token(subject, "admin");
        var member = PointsApi.enrolNewMember();
        var other = PointsApi.enrolNewMember();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (int i = 1; i <= 3; i++) {
            AdjustmentResourceTest.adjust(admin, "adj-" + i, member.id(), i, "adjustment " + i)
                    .statusCode(SC_CREATED);
        }
        AdjustmentResourceTest.adjust(admin, "adj-other", other.id(), 9, "the other member")
                .statusCode(SC_CREATED);
        Instant end = Instant.now().plusMillis(1);

        audit(Map.of("actor", subject))
                .statusCode(SC_OK)
                .body("items.reason", contains("the other member", "adjustment 3", "adjustment 2", "adjustment 1"))
                .body("nextCursor", nullValue());
        audit(Map.of("actor", subject, "target", member.id(), "targetType", "MEMBER"))
                .statusCode(SC_OK)
                .body("items.reason", contains("adjustment 3", "adjustment 2", "adjustment 1"));
        audit(Map.of("target", other.id())).statusCode(SC_OK).body("items.reason", contains("the other member"));
        audit(Map.of("actor", subject, "action", "points_adjusted"))
                .statusCode(SC_OK)
                .body("items", hasSize(4));
        audit(Map.of("actor", subject, "action", "TIER_LADDER_REPLACED"))
                .statusCode(SC_OK)
                .body("items", empty());
        audit(Map.of("actor", subject, "targetType", "TIER_LADDER"))
                .statusCode(SC_OK)
                .body("items", empty());
        audit(Map.of("actor", subject, "from", start.toString(), "to", end.toString()))
                .statusCode(SC_OK)
                .body("items", hasSize(4));
        audit(Map.of("actor", subject, "from", end.toString()))
                .statusCode(SC_OK)
                .body("items", empty());
        audit(Map.of("actor", subject, "to", start.toString()))
                .statusCode(SC_OK)
                .body("items", empty());
        // an instant with an offset is the same instant
        audit(Map.of(
                        "actor",
                        subject,
                        "from",
                        start.atOffset(java.time.ZoneOffset.ofHours(9)).toString()))
                .statusCode(SC_OK)
                .body("items", hasSize(4));

        // pages of 3 then 1, by cursor
        String cursor = audit(Map.of("actor", subject, "size", "3"))
                .statusCode(SC_OK)
                .body("items.reason", contains("the other member", "adjustment 3", "adjustment 2"))
                .body("nextCursor", notNullValue())
                .extract()
                .path("nextCursor");
        // entries recorded after the first page do not shift the next one
        AdjustmentResourceTest.adjust(admin, "adj-4", member.id(), 4, "adjustment 4")
                .statusCode(SC_CREATED);
        audit(Map.of("actor", subject, "size", "3", "cursor", cursor))
                .statusCode(SC_OK)
                .body("items.reason", contains("adjustment 1"))
                .body("nextCursor", nullValue());
        audit(Map.of("actor", subject, "size", "1")).statusCode(SC_OK).body("items.reason", contains("adjustment 4"));
    }

    @Test
    void badQueriesAreProblems() {
        for (Map<String, String> query : List.of(
                Map.of("from", "yesterday"),
                Map.of("to", "2026-13-01T00:00:00Z"),
                Map.of("from", "2026-01-01"),
                Map.of("from", "2026-02-01T00:00:00Z", "to", "2026-01-01T00:00:00Z"),
                Map.of("size", "0"),
                Map.of("size", "201"),
                Map.of("size", "ten"),
                Map.of("size", "99999999999999999999"),
                Map.of("cursor", "not a cursor"),
                Map.of("cursor", "bm90IGEgY3Vyc29y"),
                Map.of("action", "DELETED_EVERYTHING"),
                Map.of("actor", "a".repeat(256)),
                Map.of("target", "t".repeat(129)),
                Map.of("targetType", "T".repeat(33)))) {
            audit(query)
                    .statusCode(SC_BAD_REQUEST)
                    .contentType("application/problem+json")
                    .body("status", equalTo(SC_BAD_REQUEST))
                    .body("type", containsString("https://loyalty.example.com/problems/"));
        }
        audit(Map.of("from", "2026-02-01T00:00:00Z", "to", "2026-01-01T00:00:00Z"))
                .body("detail", containsString("after"));
        audit(Map.of("from", "2026-01-01T00:00:00Z", "to", "2026-01-01T00:00:00Z"))
                .statusCode(SC_OK)
                .body("items", empty());
    }

    @Test
    void onlyAdminsReadTheLog() {
        var member = PointsApi.enrolNewMember();
        for (String token : List.of(member.token(), PointsApi.STAFF, PointsApi.MARKETER)) {
            given().auth()
                    .oauth2(token)
                    .when()
                    .get("/api/points/audit")
                    .then()
                    .statusCode(SC_FORBIDDEN)
                    .contentType("application/problem+json");
        }
        given().when().get("/api/points/audit").then().statusCode(SC_UNAUTHORIZED);
    }

    static ValidatableResponse audit(Map<String, String> query) {
        RequestSpecification request = given().auth().oauth2(ADMIN);
        query.forEach(request::queryParam);
        return request.when().get("/api/points/audit").then();
    }

    private static ValidatableResponse put(String token, String ladder) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(ladder)
                .when()
                .put("/api/points/tiers")
                .then();
    }

    /** A parked outbox event, as the relay leaves one Kafka refused for good. */
    private UUID park() throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "insert into outbox_event (id, topic, message_key, "
                                + "event_type, payload, created_at, attempts, last_error, parked_at) "
                                + "values (?, 'points-audit-probe', 'probe', 'Probe', '{}', now(), 3, 'probe: refused', now())")) {
            ps.setObject(1, id);
            ps.executeUpdate();
        }
        return id;
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private long count() throws SQLException {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from audit_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
