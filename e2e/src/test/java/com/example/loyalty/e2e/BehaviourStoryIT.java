package com.example.loyalty.e2e;

import static com.example.loyalty.e2e.LoyaltyStack.as;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_OK;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 9's story through the gateway with real tokens: an admin imports a small history (members and their purchases,
 * and purchases of member1 by card), the marketer recomputes RFM and sees the segments and the quadrant lists, member1
 * sees only their own profile, and the marketer exports a segment as CSV.
 */
@org.junit.jupiter.api.extension.ExtendWith(LoyaltyStack.class)
@org.junit.jupiter.api.Order(4)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BehaviourStoryIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private static String member1Id;
    private static String member1Card;
    private static String importedId;

    @BeforeAll
    static void member1IsEnrolled() {
        as("member1").post("/api/points/members/me").then().statusCode(anyOf(is(SC_OK), is(SC_CREATED)));
        JsonPath me = as("member1")
                .get("/api/points/members/me")
                .then()
                .statusCode(SC_OK)
                .extract()
                .jsonPath();
        member1Id = me.getString("id");
        member1Card = me.getString("cardCode");
    }

    @Test
    @Order(1)
    void anAdminImportsASmallHistory() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        StringBuilder members = new StringBuilder("externalId,displayName,email,phone,enrolledAt\n");
        StringBuilder purchases = new StringBuilder(
                "externalMemberId,cardCode,transactionId,amount,currency,occurredAt,storeId,channel\n");
        // five members from frequent and recent to one purchase long ago
        for (int i = 1; i <= 5; i++) {
            String external = "hist-" + RUN + "-" + i;
            members.append(external)
                    .append(",Imported ")
                    .append(i)
                    .append(',')
                    .append(external)
                    .append("@example.com,,2024-01-01\n");
            int purchasesOf = 12 - 2 * i;
            for (int p = 0; p < purchasesOf; p++) {
                LocalDate day = today.minusDays(20L * i * i + 9L * p);
                purchases
                        .append(external)
                        .append(",,")
                        .append(external)
                        .append("-t")
                        .append(p)
                        .append(',')
                        .append(1_000 * (6 - i))
                        .append(",JPY,")
                        .append(day)
                        .append(",S001,STORE\n");
            }
        }
        for (int p = 0; p < 6; p++) {
            purchases
                    .append(",")
                    .append(member1Card)
                    .append(",m1-")
                    .append(RUN)
                    .append("-t")
                    .append(p)
                    .append(",4500,JPY,")
                    .append(today.minusDays(3L + 11L * p))
                    .append(",S002,STORE\n");
        }
        purchases
                .append("hist-")
                .append(RUN)
                .append("-1,,bad-")
                .append(RUN)
                .append(",12.5,JPY,")
                .append(today)
                .append(",S001,STORE\n"); // JPY has no minor unit

        JsonPath membersDone = Imports.run("members", members.toString(), PATIENCE);
        assertEquals(5, membersDone.getInt("rowsDone") - membersDone.getInt("rowsRejected"));
        JsonPath done = Imports.run("purchases", purchases.toString(), PATIENCE);
        assertEquals(1, done.getInt("rowsRejected"), done::prettify);
        assertEquals(List.of(38), done.getList("errors.line"), done::prettify); // after the header and 36 good rows

        importedId = as("staff1")
                .get("/api/points/members?externalId=hist-" + RUN + "-1")
                .then()
                .statusCode(SC_OK)
                .extract()
                .path("id");
        // history earns nothing
        as("staff1")
                .get("/api/points/members?externalId=hist-" + RUN + "-1")
                .then()
                .body("balance", equalTo(0));
    }

    @Test
    @Order(2)
    void theMarketerSeesTheSegmentsAndTheQuadrants() {
        // the history reaches metrics-service through Kafka: recompute until every imported member is scored
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> {
            as("marketer1").post("/api/metrics/rfm/recompute").then().statusCode(SC_OK);
            return as("marketer1")
                                    .get("/api/metrics/members/" + importedId + "/profile")
                                    .statusCode()
                            == SC_OK
                    && as("marketer1")
                                    .get("/api/metrics/members/" + importedId + "/profile")
                                    .then()
                                    .extract()
                                    .path("rfm.frequency")
                            != null
                    && as("marketer1")
                                    .get("/api/metrics/members/" + member1Id + "/profile")
                                    .then()
                                    .extract()
                                    .path("rfm")
                            != null;
        });
        JsonPath rfm = as("marketer1")
                .get("/api/metrics/rfm")
                .then()
                .statusCode(SC_OK)
                .extract()
                .jsonPath();
        assertEquals("JPY", rfm.getString("currency"));
        assertTrue(rfm.getLong("members") >= 6, rfm::prettify);
        assertEquals(12, rfm.getList("segments").size());

        JsonPath quadrants = as("marketer1")
                .get("/api/metrics/quadrants")
                .then()
                .statusCode(SC_OK)
                .extract()
                .jsonPath();
        assertEquals(5, quadrants.getList("quadrants").size());
        // the imported members never answered a survey: they are to be asked
        as("marketer1")
                .get("/api/metrics/quadrants/unknown/members?size=1000")
                .then()
                .statusCode(SC_OK)
                .body("action", equalTo("Ask them"))
                .body("items.memberId", hasItem(importedId));
    }

    @Test
    @Order(3)
    void aMemberSeesOnlyTheirOwnProfile() {
        as("member1")
                .get("/api/metrics/members/me/profile")
                .then()
                .statusCode(SC_OK)
                .body("memberId", equalTo(member1Id))
                .body("purchases.frequency", greaterThanOrEqualTo(6))
                .body("segment", nullValue())
                .body("rfm", nullValue())
                .body("clv", nullValue());
        as("member1")
                .get("/api/metrics/members/" + importedId + "/profile")
                .then()
                .statusCode(SC_FORBIDDEN);
        as("member1")
                .get("/api/metrics/members/" + member1Id + "/profile")
                .then()
                .statusCode(SC_FORBIDDEN);
        as("marketer1")
                .get("/api/metrics/members/" + member1Id + "/profile")
                .then()
                .statusCode(SC_OK)
                .body("rfm.segment", notNullValue())
                .body("quadrant.quadrant", notNullValue())
                .body("quadrant.action", notNullValue());
    }

    @Test
    @Order(4)
    void theMarketerExportsASegmentAsCsv() {
        String segment = as("marketer1")
                .get("/api/metrics/members/" + importedId + "/profile")
                .then()
                .statusCode(SC_OK)
                .extract()
                .path("rfm.segment");
        String csv = as("marketer1")
                .accept("text/csv")
                .get("/api/metrics/rfm/members?segment=" + segment)
                .then()
                .statusCode(SC_OK)
                .extract()
                .asString();
        List<String> lines = csv.lines().toList();
        assertTrue(lines.get(0).startsWith("memberId,"), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(importedId + ",")), csv);
        assertTrue(
                lines.stream().skip(1).allMatch(l -> l.contains("," + segment + ",") || l.endsWith("," + segment)),
                csv);
    }
}
