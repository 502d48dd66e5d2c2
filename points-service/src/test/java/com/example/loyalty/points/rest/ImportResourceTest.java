package com.example.loyalty.points.rest;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_ACCEPTED;
import static org.apache.http.HttpStatus.SC_BAD_REQUEST;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_UNAUTHORIZED;
import static org.apache.http.HttpStatus.SC_UNPROCESSABLE_ENTITY;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.MemberEnrolled;
import com.example.loyalty.events.PointsEarned;
import com.example.loyalty.testing.Concurrently;
import com.example.loyalty.testing.TestTokens;
import com.example.loyalty.testing.contract.ContractValidation;
import com.example.loyalty.testing.contract.SendsInvalidRequests;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ImportResourceTest {

    static final String ADMIN = TestTokens.token("admin-import", "admin");
    static final String MEMBERS_HEADER = "externalId,displayName,email,phone,enrolledAt\n";
    static final String PURCHASES_HEADER =
            "externalMemberId,cardCode,transactionId,amount,currency,occurredAt,storeId,channel\n";

    @Inject
    AgroalDataSource db;

    @TestHTTPResource("/api/points/imports")
    URL importsUrl;

    // --- members -------------------------------------------------------------------------------------------------

    @Test
    void membersGoInWithACardAndAnEnrolmentEventAndAreFoundByExternalId() throws Exception {
        String a = "ext-" + UUID.randomUUID();
        String b = "ext-" + UUID.randomUUID();
        String csv = MEMBERS_HEADER
                + a + ",Hana Sato,hana@example.com,+81-90-0000-0001,2019-04-01T10:00:00Z\n"
                + b + ",\"Ito, Ken\",,,19970101\n";
        String location = given().auth()
                .oauth2(ADMIN)
                .contentType("text/csv")
                .body(csv)
                .when()
                .post("/api/points/imports?kind=members")
                .then()
                .statusCode(SC_ACCEPTED)
                .header("Location", notNullValue())
                .body("id", notNullValue())
                .body("kind", equalTo("MEMBERS"))
                .body("status", equalTo("RUNNING"))
                .extract()
                .header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        assertTrue(location.endsWith("/api/points/imports/" + id), location);

        JsonPath done = awaitEnd(id);
        assertEquals("DONE", done.getString("status"));
        assertEquals(2, done.getLong("rowsTotal"));
        assertEquals(2, done.getLong("rowsDone"));
        assertEquals(0, done.getLong("rowsRejected"));
        assertEquals(List.of(), done.getList("errors"));

        String memberId = lookup(a)
                .statusCode(SC_OK)
                .body("externalId", equalTo(a))
                .body("displayName", equalTo("Hana Sato"))
                .body("email", equalTo("hana@example.com"))
                .body("phone", equalTo("+81-90-0000-0001"))
                .body("cardCode", matchesPattern("88\\d{14}"))
                .body("balance", equalTo(0))
                .body("tier", equalTo("REGULAR"))
                .body("enrolledAt", equalTo("2019-04-01T10:00:00Z"))
                .extract()
                .path("id");
        lookup(b)
                .statusCode(SC_OK)
                .body("displayName", equalTo("Ito, Ken"))
                .body("email", nullValue())
                // a plain date is the start of that day in the program's zone (Asia/Tokyo)
                .body("enrolledAt", equalTo("1996-12-31T15:00:00Z"));
        // no login yet
        assertEquals(1, count("select count(*) from member where external_id = ? and subject is null", a));

        List<String> enrolments = outboxPayloads(EventTypes.MEMBER_ENROLLED, memberId);
        assertEquals(1, enrolments.size());
        MemberEnrolled enrolled = EventJson.payload(EventJson.read(enrolments.get(0)), MemberEnrolled.class);
        assertEquals("REGULAR", enrolled.tier());
        assertEquals(null, enrolled.subject());
    }

    @Test
    void reimportingMembersChangesNothing() {
        String a = "ext-" + UUID.randomUUID();
        String csv = MEMBERS_HEADER + a + ",Aki,,,\n" + a + ",Aki again in the same file,,,\n";
        assertEquals("DONE", awaitEnd(importCsv("members", null, csv)).getString("status"));
        String card = lookup(a).extract().path("cardCode");
        String memberId = lookup(a).extract().path("id");

        JsonPath again = awaitEnd(importCsv("members", null, csv));
        assertEquals(2, again.getLong("rowsDone"));
        assertEquals(0, again.getLong("rowsRejected"));
        lookup(a).body("cardCode", equalTo(card)).body("displayName", equalTo("Aki"));
        assertEquals(1, count("select count(*) from member where external_id = ?", a));
        assertEquals(1, outboxPayloads(EventTypes.MEMBER_ENROLLED, memberId).size());
    }

    @Test
    void badMemberRowsAreRejectedWithTheirLineWhileGoodOnesGoIn() {
        String good = "ext-" + UUID.randomUUID();
        String csv = MEMBERS_HEADER
                + ",No id,,,\n" // line 2
                + good + ",Good,,,2020-02-02\n" // line 3
                + "ext-" + UUID.randomUUID() + ",Bad mail,not-an-address,,\n" // line 4
                + "ext-" + UUID.randomUUID() + ",Bad date,,,yesterday\n" // line 5
                + "ext-" + UUID.randomUUID() + ",Too many,,,,extra\n"; // line 6
        JsonPath done = awaitEnd(importCsv("members", null, csv));
        assertEquals("DONE", done.getString("status"));
        assertEquals(5, done.getLong("rowsTotal"));
        assertEquals(1, done.getLong("rowsDone"));
        assertEquals(4, done.getLong("rowsRejected"));
        assertEquals(List.of(2, 4, 5, 6), done.getList("errors.line", Integer.class));
        assertTrue(done.getString("errors[0].message").contains("externalId"));
        assertTrue(done.getString("errors[1].message").contains("e-mail"));
        assertTrue(done.getString("errors[2].message").contains("not a date"));
        assertTrue(done.getString("errors[3].message").contains("values"));
        lookup(good).statusCode(SC_OK);
    }

    // --- purchases -----------------------------------------------------------------------------------------------

    @Test
    void historyPurchasesKeepExactMoneyAndEarnNothing() throws Exception {
        String ext = importMember();
        var byCard = PointsApi.enrolNewMember();
        String usd = "usd-" + UUID.randomUUID();
        String jpy = "jpy-" + UUID.randomUUID();
        String csv = PURCHASES_HEADER
                + ext + ",," + usd + ",29.33,USD,2026-01-02T03:04:05Z,NY1,ONLINE\n"
                + "," + byCard.cardCode() + "," + jpy + ",12399,JPY,2025-12-24 18:30:00,S001,store\n";
        JsonPath done = awaitEnd(importCsv("purchases", null, csv));
        assertEquals("DONE", done.getString("status"));
        assertEquals(false, done.getBoolean("award"));
        assertEquals(2, done.getLong("rowsDone"));

        assertEquals(2933, longValue("select amount from purchase where transaction_id = ?", usd));
        assertEquals("USD", stringValue("select currency from purchase where transaction_id = ?", usd));
        assertEquals(12399, longValue("select amount from purchase where transaction_id = ?", jpy));
        assertEquals(
                Instant.parse("2025-12-24T09:30:00Z"),
                instantValue("select occurred_at from purchase where transaction_id = ?", jpy));
        assertEquals(
                2,
                count(
                        "select count(*) from purchase where transaction_id in (?, ?) and history and points = 0",
                        usd,
                        jpy));

        // nothing earned, nothing counted for the tier
        String memberId = lookup(ext).extract().path("id");
        member(memberId)
                .body("balance", equalTo(0))
                .body("rollingSpend", equalTo(0))
                .body("tier", equalTo("REGULAR"));
        member(byCard.id()).body("balance", equalTo(0)).body("rollingSpend", equalTo(0));
        assertEquals(0, count("select count(*) from ledger_entry where member_id = ?::uuid", memberId));
        assertEquals(0, count("select count(*) from ledger_entry where member_id = ?::uuid", byCard.id()));

        // both go out as ordinary PointsEarned events, flagged history
        PointsEarned usdEvent = earned(usd);
        assertTrue(usdEvent.history());
        assertEquals(2933, usdEvent.amount());
        assertEquals("USD", usdEvent.currency());
        assertEquals(0, usdEvent.points());
        assertEquals(Instant.parse("2026-01-02T03:04:05Z"), usdEvent.purchasedAt());
        PointsEarned jpyEvent = earned(jpy);
        assertTrue(jpyEvent.history());
        assertEquals("STORE", jpyEvent.channel());

        // a later purchase at the till still earns from zero: the history does not count towards the tier
        PointsApi.purchase("t-" + UUID.randomUUID(), byCard.cardCode(), 1_000).body("pointsEarned", equalTo(10));
        member(byCard.id()).body("balance", equalTo(10)).body("rollingSpend", equalTo(1_000));
    }

    @Test
    void badPurchaseRowsAreRejectedWithTheirLineWhileGoodOnesGoIn() {
        String ext = importMember();
        String good1 = "good-" + UUID.randomUUID();
        String good2 = "good-" + UUID.randomUUID();
        String tx = "bad-" + UUID.randomUUID();
        String csv = PURCHASES_HEADER
                + ext + ",," + good1 + ",10.00,USD,2026-01-01,S1,STORE\n" // 2 good
                + ext + ",," + tx + "a,1.5,JPY,2026-01-01,S1,STORE\n" // 3 too many decimals
                + ext + ",," + tx + "b,1.234,USD,2026-01-01,S1,STORE\n" // 4 too many decimals
                + ext + ",," + tx + "c,10,ZZZ,2026-01-01,S1,STORE\n" // 5 unknown currency
                + "no-such-member,," + tx + "d,10,JPY,2026-01-01,S1,STORE\n" // 6 unknown member
                + ext + ",,,10,JPY,2026-01-01,S1,STORE\n" // 7 no transaction id
                + ext + ",8800000000000000," + tx + "e,10,JPY,2026-01-01,S1,STORE\n" // 8 both ids
                + ext + ",," + tx + "f,10,JPY,2026-01-01,S1,PIGEON\n" // 9 channel
                + ext + ",," + tx + "g,10,JPY,someday,S1,STORE\n" // 10 date
                + ext + ",," + tx + "h,10,JPY,2999-01-01,S1,STORE\n" // 11 future
                + ext + ",," + tx + "i,-10,JPY,2026-01-01,S1,STORE\n" // 12 negative
                + "\n" // 13 empty: skipped
                + ext + ",," + good2 + ",1200,JPY,20260101,S1,APP\n" // 14 good
                + ext + ",," + good1 + ",99.00,USD,2026-01-01,S1,STORE\n"; // 15 transaction id reused, other amount
        JsonPath done = awaitEnd(importCsv("purchases", "false", csv));
        assertEquals("DONE", done.getString("status"));
        assertEquals(13, done.getLong("rowsTotal"));
        assertEquals(2, done.getLong("rowsDone"));
        assertEquals(11, done.getLong("rowsRejected"));
        assertEquals(List.of(3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 15), done.getList("errors.line", Integer.class));
        List<String> messages = done.getList("errors.message", String.class);
        assertTrue(messages.get(0).contains("decimals"), messages.get(0));
        assertTrue(messages.get(1).contains("decimals"), messages.get(1));
        assertTrue(messages.get(2).contains("unknown currency"), messages.get(2));
        assertTrue(messages.get(3).contains("unknown member"), messages.get(3));
        assertTrue(messages.get(4).contains("transactionId"), messages.get(4));
        assertTrue(messages.get(5).contains("exactly one"), messages.get(5));
        assertTrue(messages.get(6).contains("channel"), messages.get(6));
        assertTrue(messages.get(7).contains("not a date"), messages.get(7));
        assertTrue(messages.get(8).contains("future"), messages.get(8));
        assertTrue(messages.get(9).contains("amount"), messages.get(9));
        assertTrue(messages.get(10).contains(good1), messages.get(10));

        assertEquals(1000, longValue("select amount from purchase where transaction_id = ?", good1));
        assertEquals(1200, longValue("select amount from purchase where transaction_id = ?", good2));
        assertEquals(0, count("select count(*) from purchase where transaction_id like ?", tx + "%"));
    }

    @Test
    void reimportingPurchasesChangesNothing() {
        String ext = importMember();
        String tx1 = "re-" + UUID.randomUUID();
        String tx2 = "re-" + UUID.randomUUID();
        String csv = PURCHASES_HEADER
                + ext + ",," + tx1 + ",500,JPY,2026-01-01,S1,STORE\n"
                + ext + ",," + tx2 + ",7.25,EUR,2026-01-01,S1,ONLINE\n";
        assertEquals(2, awaitEnd(importCsv("purchases", null, csv)).getLong("rowsDone"));
        JsonPath again = awaitEnd(importCsv("purchases", null, csv));
        assertEquals("DONE", again.getString("status"));
        assertEquals(2, again.getLong("rowsDone"));
        assertEquals(0, again.getLong("rowsRejected"));
        assertEquals(1, count("select count(*) from purchase where transaction_id = ?", tx1));
        assertEquals(1, outboxCount(tx1));
        assertEquals(1, outboxCount(tx2));
    }

    @Test
    void awardedImportEarnsAsTheTillDoesExactlyOnce() throws Exception {
        String ext = importMember();
        String memberId = lookup(ext).extract().path("id");
        String jpy = "aw-" + UUID.randomUUID();
        String usd = "aw-" + UUID.randomUUID();
        // recent: an import that earns follows the till's rules, max age included
        Instant yesterday = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        String csv = PURCHASES_HEADER
                + ext + ",," + jpy + ",12399,JPY," + yesterday + ",S1,STORE\n"
                + ext + ",," + usd + ",50.00,USD," + yesterday.plusSeconds(3600) + ",S1,STORE\n";
        // the same file twice at once: each transaction id earns once
        Callable<String> start = () -> importCsv("purchases", "true", csv);
        List<String> ids = Concurrently.run(List.of(start, start));
        for (String id : ids) {
            JsonPath done = awaitEnd(id);
            assertEquals("DONE", done.getString("status"));
            assertEquals(2, done.getLong("rowsDone"), done.prettify());
        }
        // 12,399 JPY: 123 points as at the till; USD has no earn rate: recorded as history, earns nothing
        member(memberId).body("balance", equalTo(123)).body("rollingSpend", equalTo(12_399));
        assertEquals(1, count("select count(*) from ledger_entry where member_id = ?::uuid", memberId));
        assertEquals(123, longValue("select points from purchase where transaction_id = ?", jpy));
        assertEquals(0, longValue("select points from purchase where transaction_id = ?", usd));
        PointsEarned earned = earned(jpy);
        assertFalse(earned.history());
        assertEquals(123, earned.points());
        assertTrue(earned(usd).history());
        assertEquals(1, outboxCount(jpy));
        assertEquals(1, outboxCount(usd));

        // and once more, one after the other: nothing changes
        assertEquals(2, awaitEnd(importCsv("purchases", "true", csv)).getLong("rowsDone"));
        member(memberId).body("balance", equalTo(123));
        assertEquals(1, count("select count(*) from ledger_entry where member_id = ?::uuid", memberId));
    }

    @Test
    void aMultipartFormWithTheFileWorksToo() throws Exception {
        String ext = "ext-" + UUID.randomUUID();
        // the request is what the document asks for, but the validator's RestAssured adapter reads a body only from
        // body(), never the parts of multiPart(): it would see no body at all. The answer is still checked.
        String id = ContractValidation.withoutRequestChecks(() -> given().auth()
                .oauth2(ADMIN)
                .multiPart(
                        "file",
                        "members.csv",
                        (MEMBERS_HEADER + ext + ",Form,,,\n").getBytes(StandardCharsets.UTF_8),
                        "text/csv")
                .when()
                .post("/api/points/imports?kind=members")
                .then()
                .statusCode(SC_ACCEPTED)
                .extract()
                .path("id"));
        assertEquals(1, awaitEnd(id).getLong("rowsDone"));
        lookup(ext).statusCode(SC_OK).body("displayName", equalTo("Form"));
    }

    @Test
    void aBrokenFileFailsBeforeAnyOfItGoesIn() {
        String ext = "ext-" + UUID.randomUUID();
        String csv = MEMBERS_HEADER + ext + ",Fine,,,\n" + "ext-" + UUID.randomUUID() + ",\"never closed,,,\n";
        JsonPath end = awaitEnd(importCsv("members", null, csv));
        assertEquals("FAILED", end.getString("status"));
        assertTrue(end.getString("failure").contains("malformed CSV"), end.getString("failure"));
        assertEquals(0, end.getLong("rowsDone"));
        lookup(ext).statusCode(SC_NOT_FOUND);
    }

    @Test
    void anImportLeftRunningByAStoppedInstanceIsReportedFailed() throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "insert into import_job (id, kind, award, status, "
                                + "rows_total, rows_done, created_at, created_by, updated_at) values (?, 'PURCHASES', false, "
                                + "'RUNNING', 5000, 3000, now() - interval '1 hour', 'admin-gone', now() - interval '1 hour')")) {
            ps.setObject(1, id);
            ps.executeUpdate();
        }
        JsonPath job = status(id.toString());
        assertEquals("FAILED", job.getString("status"));
        assertEquals(3000, job.getLong("rowsDone"));
        assertTrue(job.getString("failure").contains("import the file again"), job.getString("failure"));
        // an import that moves is left alone
        String running = importCsv("members", null, MEMBERS_HEADER + "ext-" + UUID.randomUUID() + ",Y,,,\n");
        assertEquals("DONE", awaitEnd(running).getString("status"));
    }

    // --- look-up, roles, bad requests ----------------------------------------------------------------------------

    @Test
    void lookupByExternalId() {
        String ext = importMember();
        lookup(ext).statusCode(SC_OK).body("externalId", equalTo(ext));
        given().auth()
                .oauth2(ADMIN)
                .queryParam("externalId", ext)
                .when()
                .get("/api/points/members")
                .then()
                .statusCode(SC_OK);
        lookup("no-such-" + UUID.randomUUID()).statusCode(SC_NOT_FOUND).contentType("application/problem+json");
        given().auth()
                .oauth2(PointsApi.STAFF)
                .queryParam("externalId", ext)
                .queryParam("card", "8800000000000000")
                .when()
                .get("/api/points/members")
                .then()
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json")
                .body("detail", containsString("externalId"));
        var member = PointsApi.enrolNewMember();
        given().auth()
                .oauth2(member.token())
                .queryParam("externalId", ext)
                .when()
                .get("/api/points/members")
                .then()
                .statusCode(SC_FORBIDDEN);
        // a member who enrolled here has none
        given().auth()
                .oauth2(member.token())
                .when()
                .get("/api/points/members/me")
                .then()
                .statusCode(SC_OK)
                .body("externalId", nullValue());
    }

    @Test
    void onlyAdminsImport() {
        String csv = MEMBERS_HEADER + "ext-" + UUID.randomUUID() + ",X,,,\n";
        for (String token : List.of(TestTokens.newMember(), PointsApi.STAFF, PointsApi.MARKETER)) {
            given().auth()
                    .oauth2(token)
                    .contentType("text/csv")
                    .body(csv)
                    .when()
                    .post("/api/points/imports?kind=members")
                    .then()
                    .statusCode(SC_FORBIDDEN);
        }
        given().contentType("text/csv")
                .body(csv)
                .when()
                .post("/api/points/imports?kind=members")
                .then()
                .statusCode(SC_UNAUTHORIZED);
        String id = importCsv("members", null, csv);
        given().auth()
                .oauth2(PointsApi.STAFF)
                .when()
                .get("/api/points/imports/" + id)
                .then()
                .statusCode(SC_FORBIDDEN);
    }

    @SendsInvalidRequests("an import without kind, a JSON body, an empty body, an import id that is not a UUID")
    @Test
    void badRequestsAreProblemsAndChangeNothing() {
        String ext = "ext-" + UUID.randomUUID();
        String csv = MEMBERS_HEADER + ext + ",X,,,\n";
        post(null, csv, "text/csv")
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json")
                .body("detail", containsString("kind"));
        post("kind=rewards", csv, "text/csv").statusCode(SC_BAD_REQUEST).contentType("application/problem+json");
        post("kind=members&award=maybe", csv, "text/csv")
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json")
                .body("detail", containsString("award"));
        post("kind=members", "{\"externalId\":\"" + ext + "\"}", "application/json")
                .statusCode(415)
                .contentType("application/problem+json");
        post("kind=members", "", "text/csv")
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json")
                .body("detail", containsString("header"));
        post("kind=members", "displayName,email\nX,x@example.com\n", "text/csv")
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .contentType("application/problem+json")
                .body("detail", containsString("externalId"));
        post("kind=purchases", "transactionId,amount\nt1,10\n", "text/csv")
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .body("detail", containsString("currency"));
        post("kind=members", "externalId,colour\n" + ext + ",red\n", "text/csv")
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .body("detail", containsString("colour"));
        given().auth()
                .oauth2(ADMIN)
                .when()
                .get("/api/points/imports/" + UUID.randomUUID())
                .then()
                .statusCode(SC_NOT_FOUND)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(ADMIN)
                .when()
                .get("/api/points/imports/not-a-uuid")
                .then()
                .statusCode(SC_NOT_FOUND);
        assertEquals(0, count("select count(*) from member where external_id = ?", ext));
    }

    // --- a large file --------------------------------------------------------------------------------------------

    @Test
    void aLargeFileStreamsThroughInBatchesWithProgress() throws Exception {
        int members = 100;
        int rows = 50_000;
        String prefix = "big-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        StringBuilder memberCsv = new StringBuilder(MEMBERS_HEADER);
        for (int m = 0; m < members; m++) {
            memberCsv.append(prefix).append(m).append(",Member ").append(m).append(",,,\n");
        }
        assertEquals(
                members,
                awaitEnd(importCsv("members", null, memberCsv.toString())).getLong("rowsDone"));

        long started = System.nanoTime();
        // the file is made as it is sent: never a String (or byte array) of the whole in the test either
        InputStream file = new GeneratedCsv(
                PURCHASES_HEADER,
                rows,
                i -> prefix + (i % members) + ",," + prefix + "tx-" + i + "," + (i % 500 + 1) + ".25,USD,2025-06-0"
                        + (i % 9 + 1) + "T12:00:00Z,S" + (i % 7) + ",STORE\n");
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(importsUrl + "?kind=purchases"))
                                .header("Authorization", "Bearer " + ADMIN)
                                .header("Content-Type", "text/csv")
                                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> file))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(SC_ACCEPTED, response.statusCode(), response.body());
        String id = JsonPath.from(response.body()).getString("id");

        List<Long> seen = new ArrayList<>();
        // about 10 s on an idle 2-core machine; generous for a loaded one
        JsonPath last = await().atMost(Duration.ofSeconds(240))
                .pollInterval(Duration.ofMillis(25))
                .until(
                        () -> {
                            JsonPath now = status(id);
                            seen.add(now.getLong("rowsDone"));
                            return now;
                        },
                        s -> !"RUNNING".equals(s.getString("status")));
        assertEquals("DONE", last.getString("status"), last.prettify());
        assertEquals(rows, last.getLong("rowsTotal"));
        assertEquals(rows, last.getLong("rowsDone"));
        assertEquals(0, last.getLong("rowsRejected"));
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) >= seen.get(i - 1), "progress only grows: " + seen);
        }
        assertTrue(seen.stream().anyMatch(n -> n > 0 && n < rows), "progress was committed batch by batch: " + seen);
        assertEquals(rows, count("select count(*) from purchase where transaction_id like ?", prefix + "tx-%"));
        assertEquals(
                rows,
                count(
                        "select count(*) from outbox_event where event_type = ? and message_key in "
                                + "(select id::text from member where external_id like ?)",
                        EventTypes.POINTS_EARNED,
                        prefix + "%"));
        System.out.printf("imported %d purchase rows in %d ms%n", rows, (System.nanoTime() - started) / 1_000_000);
    }

    /** A CSV file produced row by row as it is read. */
    static final class GeneratedCsv extends InputStream {
        private final java.util.function.IntFunction<String> row;
        private final int rows;
        private byte[] current;
        private int pos;
        private int next;

        GeneratedCsv(String header, int rows, java.util.function.IntFunction<String> row) {
            this.row = row;
            this.rows = rows;
            this.current = header.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public int read() {
            if (!fill()) {
                return -1;
            }
            return current[pos++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            int read = 0;
            while (read < len && fill()) {
                int n = Math.min(len - read, current.length - pos);
                System.arraycopy(current, pos, b, off + read, n);
                pos += n;
                read += n;
            }
            return read == 0 ? -1 : read;
        }

        private boolean fill() {
            while (pos == current.length) {
                if (next == rows) {
                    return false;
                }
                current = row.apply(next++).getBytes(StandardCharsets.UTF_8);
                pos = 0;
            }
            return true;
        }
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static String importMember() {
        String ext = "ext-" + UUID.randomUUID();
        assertEquals(
                1,
                awaitEnd(importCsv("members", null, MEMBERS_HEADER + ext + ",Member,,,\n"))
                        .getLong("rowsDone"));
        return ext;
    }

    static String importCsv(String kind, String award, String csv) {
        return post("kind=" + kind + (award == null ? "" : "&award=" + award), csv, "text/csv")
                .statusCode(SC_ACCEPTED)
                .extract()
                .path("id");
    }

    private static ValidatableResponse post(String query, String body, String contentType) {
        return given().auth()
                .oauth2(ADMIN)
                .contentType(contentType)
                .body(body)
                .when()
                .post("/api/points/imports" + (query == null ? "" : "?" + query))
                .then();
    }

    private static JsonPath status(String id) {
        return given().auth()
                .oauth2(ADMIN)
                .when()
                .get("/api/points/imports/" + id)
                .then()
                .statusCode(SC_OK)
                .extract()
                .jsonPath();
    }

    static JsonPath awaitEnd(String id) {
        return await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> status(id), s -> !"RUNNING".equals(s.getString("status")));
    }

    private static ValidatableResponse lookup(String externalId) {
        return given().auth()
                .oauth2(PointsApi.STAFF)
                .queryParam("externalId", externalId)
                .when()
                .get("/api/points/members")
                .then();
    }

    private static ValidatableResponse member(String id) {
        return given().auth()
                .oauth2(PointsApi.STAFF)
                .when()
                .get("/api/points/members/" + id)
                .then()
                .statusCode(SC_OK);
    }

    private PointsEarned earned(String transactionId) throws Exception {
        List<String> payloads = query(
                "select payload from outbox_event where event_type = ? and payload like ?",
                EventTypes.POINTS_EARNED,
                "%\"transactionId\":\"" + transactionId + "\"%");
        assertEquals(1, payloads.size(), "events of " + transactionId);
        return EventJson.payload(EventJson.read(payloads.get(0)), PointsEarned.class);
    }

    private long outboxCount(String transactionId) {
        return count(
                "select count(*) from outbox_event where event_type = ? and payload like ?",
                EventTypes.POINTS_EARNED,
                "%\"transactionId\":\"" + transactionId + "\"%");
    }

    private List<String> outboxPayloads(String type, String memberId) {
        return query("select payload from outbox_event where event_type = ? and message_key = ?", type, memberId);
    }

    private long count(String sql, Object... params) {
        return longValue(sql, params);
    }

    private long longValue(String sql, Object... params) {
        return Long.parseLong(query(sql, params).get(0));
    }

    private String stringValue(String sql, Object... params) {
        return query(sql, params).get(0);
    }

    private Instant instantValue(String sql, Object... params) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> query(String sql, Object... params) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            List<String> values = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement ps, Object... params) throws java.sql.SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }
}
