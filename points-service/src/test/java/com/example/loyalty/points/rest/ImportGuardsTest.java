package com.example.loyalty.points.rest;

import static com.example.loyalty.points.rest.ImportResourceTest.awaitEnd;
import static com.example.loyalty.points.rest.ImportResourceTest.importCsv;
import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_OK;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.events.EventTypes;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The purchase guards in history imports: a file without points is exempt from the till's max age (old orders are what
 * it is for) but needs sane dates; a file that earns follows the till's rules (max age, ceiling: the importing admin
 * approves no row above it); purchases are keyed by (store, transaction id).
 */
@QuarkusTest
class ImportGuardsTest {

    static final String PURCHASES_HEADER =
            "externalMemberId,transactionId,amount,currency,occurredAt,storeId,channel\n";

    @Inject
    AgroalDataSource db;

    @Test
    void historyIsExemptFromTheMaxAgeButNeedsASaneDate() {
        String ext = importMember();
        String tx = "hist-" + UUID.randomUUID() + "-";
        String csv = PURCHASES_HEADER
                + ext + "," + tx + "1,1200,JPY,2001-05-05,S1,STORE\n" // 2: twenty-five years old: fine
                + ext + "," + tx + "2,1200,JPY,1969-12-31T23:59:59Z,S1,STORE\n" // 3: before 1970
                + ext + "," + tx + "3,1200,JPY,-1000000-01-01T00:00:00Z,S1,STORE\n" // 4: year -1000000
                + ext + "," + tx + "4,1200,JPY,+999999-01-01T00:00:00Z,S1,STORE\n" // 5: year 999999
                + ext + "," + tx + "5,1200,JPY,999999-01-01,S1,STORE\n" // 6: unreadable
                + ext + "," + tx + "6,1200,JPY,-999999999-01-01T00:00:00,S1,STORE\n" // 7: the least local date
                + ext + "," + tx + "7,1200,JPY,1970-01-01T00:00:00Z,S1,STORE\n"; // 8: the earliest: fine
        JsonPath end = awaitEnd(importCsv("purchases", null, csv));
        assertEquals("DONE", end.getString("status"), end.prettify());
        assertEquals(2, end.getLong("rowsDone"), end.prettify());
        assertEquals(5, end.getLong("rowsRejected"), end.prettify());
        assertEquals(List.of(3, 4, 5, 6, 7), end.getList("errors.line", Integer.class));
        List<String> messages = end.getList("errors.message", String.class);
        assertTrue(messages.get(0).contains("before 1970-01-01T00:00:00Z"), messages.get(0));
        assertTrue(messages.get(1).contains("before 1970"), messages.get(1));
        assertTrue(messages.get(2).contains("future"), messages.get(2));
        assertTrue(messages.get(3).contains("not a date or time"), messages.get(3));
        assertTrue(messages.get(4).contains("before 1970"), messages.get(4));
        assertEquals(2, count("select count(*) from purchase where transaction_id like ?", tx + "%"));
        assertEquals(
                Instant.parse("2001-05-04T15:00:00Z"),
                instant("select occurred_at from purchase where transaction_id = ?", tx + "1"));
    }

    @Test
    void membersEnrolledBefore1970AreRefused() {
        String good = "ext-" + UUID.randomUUID();
        String bad = "ext-" + UUID.randomUUID();
        String csv = "externalId,displayName,email,phone,enrolledAt\n"
                + good + ",Good,,,1999-01-01\n"
                + bad + ",Bad,,,-1000000-01-01T00:00:00Z\n";
        JsonPath end = awaitEnd(importCsv("members", null, csv));
        assertEquals(1, end.getLong("rowsDone"), end.prettify());
        assertEquals(List.of(3), end.getList("errors.line", Integer.class));
        assertTrue(end.getString("errors[0].message").contains("enrolledAt"), end.prettify());
        assertEquals(0, count("select count(*) from member where external_id = ?", bad));
    }

    @Test
    void anImportThatEarnsFollowsTheTillsRules() {
        String ext = importMember();
        String memberId = memberIdOf(ext);
        String tx = "award-" + UUID.randomUUID() + "-";
        Instant recent = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        Instant old = Instant.now().minus(Duration.ofDays(120)).truncatedTo(ChronoUnit.SECONDS);
        String csv = PURCHASES_HEADER
                + ext + "," + tx + "1,12000,JPY," + recent + ",S1,STORE\n" // 2: earns 120
                + ext + "," + tx + "2,12000,JPY," + old + ",S1,STORE\n" // 3: older than the max age
                + ext + "," + tx + "3,1000001,JPY," + recent + ",S1,STORE\n" // 4: above the ceiling
                + ext + "," + tx + "4,1000000,JPY," + recent + ",S1,STORE\n" // 5: the ceiling: earns 10,000
                + ext + "," + tx + "5,1969,JPY,1969-07-20,S1,STORE\n"; // 6: before 1970
        JsonPath end = awaitEnd(importCsv("purchases", "true", csv));
        assertEquals("DONE", end.getString("status"), end.prettify());
        assertEquals(2, end.getLong("rowsDone"), end.prettify());
        assertEquals(List.of(3, 4, 6), end.getList("errors.line", Integer.class));
        List<String> messages = end.getList("errors.message", String.class);
        assertTrue(messages.get(0).contains("max-age"), messages.get(0));
        assertTrue(messages.get(1).contains("ceiling"), messages.get(1));
        assertTrue(messages.get(2).contains("before 1970"), messages.get(2));
        given().auth()
                .oauth2(PointsApi.STAFF)
                .when()
                .get("/api/points/members/" + memberId)
                .then()
                .statusCode(SC_OK)
                .body("balance", equalTo(10_120));
        assertEquals(2, count("select count(*) from purchase where transaction_id like ?", tx + "%"));
        // the importing admin approved nothing
        assertEquals(0, count("select count(*) from audit_entry where after->>'transactionId' like ?", tx + "%"));
    }

    @Test
    void purchasesAreKeyedByStoreAndTransactionId() {
        String ext = importMember();
        String receipt = "R-" + UUID.randomUUID();
        String csv = PURCHASES_HEADER
                + ext + "," + receipt + ",500,JPY,2024-01-01,S1,STORE\n"
                + ext + "," + receipt + ",700,JPY,2024-01-02,S2,STORE\n";
        JsonPath first = awaitEnd(importCsv("purchases", null, csv));
        assertEquals(2, first.getLong("rowsDone"), first.prettify());
        assertEquals(0, first.getLong("rowsRejected"), first.prettify());
        assertEquals(2, count("select count(*) from purchase where transaction_id = ?", receipt));
        assertEquals(2, events(receipt));

        // the same file again changes nothing; a different purchase under a key that is there is rejected
        JsonPath again =
                awaitEnd(importCsv("purchases", null, csv + ext + "," + receipt + ",999,JPY,2024-01-03,S1,STORE\n"));
        assertEquals(2, again.getLong("rowsDone"), again.prettify());
        assertEquals(List.of(4), again.getList("errors.line", Integer.class));
        assertTrue(again.getString("errors[0].message").contains("store S1"), again.prettify());
        assertEquals(2, count("select count(*) from purchase where transaction_id = ?", receipt));
        assertEquals(500, count("select amount from purchase where transaction_id = ? and store_id = 'S1'", receipt));
        assertEquals(700, count("select amount from purchase where transaction_id = ? and store_id = 'S2'", receipt));
        assertEquals(2, events(receipt));
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private static String importMember() {
        String ext = "ext-" + UUID.randomUUID();
        assertEquals(
                1,
                awaitEnd(importCsv("members", null, "externalId,displayName\n" + ext + ",Member\n"))
                        .getLong("rowsDone"));
        return ext;
    }

    private static String memberIdOf(String externalId) {
        return given().auth()
                .oauth2(PointsApi.STAFF)
                .queryParam("externalId", externalId)
                .when()
                .get("/api/points/members")
                .then()
                .statusCode(SC_OK)
                .extract()
                .path("id");
    }

    private long events(String transactionId) {
        return count(
                "select count(*) from outbox_event where event_type = ? and payload like ?",
                EventTypes.POINTS_EARNED,
                "%\"transactionId\":\"" + transactionId + "\"%");
    }

    private long count(String sql, Object... params) {
        return ((Number) value(sql, params)).longValue();
    }

    private Instant instant(String sql, Object... params) {
        return ((java.sql.Timestamp) value(sql, params)).toInstant();
    }

    private Object value(String sql, Object... params) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), sql);
                return rs.getObject(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
