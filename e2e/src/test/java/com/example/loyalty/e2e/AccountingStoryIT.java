package com.example.loyalty.e2e;

import static com.example.loyalty.e2e.LoyaltyStack.as;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_OK;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.loyalty.launcher.Stack;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 11's story through the gateway with real tokens: staff record a purchase and a partial return and the member
 * sees both; an admin adjusts the balance and the audit log shows it; the member's QR code decodes to their card; an
 * erased member's personal data is gone from every service. Members of their own (Keycloak users created for the run)
 * keep the demo users' balances out of it.
 */
@ExtendWith(LoyaltyStack.class)
@org.junit.jupiter.api.Order(7)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccountingStoryIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String SHOPPER = "shopper-" + RUN;
    private static final String LEAVER = "leaver-" + RUN;

    private static String shopperId;
    private static String shopperCard;

    @BeforeAll
    static void aShopperIsEnrolled() {
        KeycloakUsers.create(LoyaltyStack.config(), SHOPPER, "member");
        JsonPath me = as(SHOPPER)
                .body(Map.of())
                .post("/api/points/members/me")
                .then()
                .statusCode(SC_CREATED)
                .extract()
                .jsonPath();
        shopperId = me.getString("id");
        shopperCard = me.getString("cardCode");
    }

    @Test
    @Order(1)
    void staffRecordAPurchaseAndAPartialReturnAndTheMemberSeesBoth() {
        String transactionId = "T-" + RUN;
        as("staff1")
                .body(TillPurchases.at(transactionId, shopperCard, 10000))
                .post("/api/points/purchases")
                .then()
                .statusCode(SC_CREATED)
                .body("pointsEarned", equalTo(100));
        // 4,000 of 10,000 yen back: 40 of the 100 points
        as("staff1")
                .body(Map.of(
                        "returnId",
                        "R-" + RUN,
                        "transactionId",
                        transactionId,
                        "storeId",
                        "S001",
                        "amount",
                        4000,
                        "occurredAt",
                        Instant.now().toString()))
                .post("/api/points/returns")
                .then()
                .statusCode(SC_CREATED)
                .body("pointsReversed", equalTo(40))
                .body("shortfall", equalTo(0))
                .body("balance", equalTo(60));

        as(SHOPPER)
                .get("/api/points/members/me")
                .then()
                .statusCode(SC_OK)
                .body("balance", equalTo(60))
                .body("available", equalTo(60));
        JsonPath ledger = as(SHOPPER)
                .get("/api/points/members/me/ledger")
                .then()
                .statusCode(SC_OK)
                .extract()
                .jsonPath();
        assertEquals(List.of("REVERSE", "EARN"), ledger.getList("items.kind"));
        assertEquals(List.of(-40, 100), ledger.getList("items.points"));
    }

    @Test
    @Order(2)
    void anAdminAdjustsTheBalanceAndTheAuditLogShowsIt() throws Exception {
        String reason = "goodwill for a late delivery " + RUN;
        as("admin1")
                .body(Map.of("idempotencyKey", "adj-" + RUN, "memberId", shopperId, "points", 25, "reason", reason))
                .post("/api/points/adjustments")
                .then()
                .statusCode(SC_CREATED)
                .body("balance", equalTo(85));
        as(SHOPPER).get("/api/points/members/me").then().statusCode(SC_OK).body("balance", equalTo(85));

        JsonPath audit = as("admin1")
                .queryParam("target", shopperId)
                .queryParam("action", "POINTS_ADJUSTED")
                .get("/api/points/audit")
                .then()
                .statusCode(SC_OK)
                .extract()
                .jsonPath();
        assertEquals(List.of(reason), audit.getList("items.reason"));
        assertEquals(60, audit.getInt("items[0].before.balance"));
        assertEquals(85, audit.getInt("items[0].after.balance"));
        // the actor is the admin who did it (their token subject), not the member
        String actor = audit.getString("items[0].actor");
        org.junit.jupiter.api.Assertions.assertFalse(actor == null || actor.isBlank());
        org.junit.jupiter.api.Assertions.assertNotEquals(
                sql("points", "select subject from member where id = ?::uuid", shopperId), actor);
        as(SHOPPER).get("/api/points/audit").then().statusCode(403);
    }

    @Test
    @Order(3)
    void theMembersQrCodeDecodesToTheirCard() throws Exception {
        byte[] png = as(SHOPPER)
                .accept("image/png")
                .get("/api/points/members/me/card.png")
                .then()
                .statusCode(SC_OK)
                .contentType("image/png")
                .extract()
                .asByteArray();
        var image = ImageIO.read(new ByteArrayInputStream(png));
        var text = new MultiFormatReader()
                .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
                .getText();
        assertEquals(shopperCard, text);
    }

    @Test
    @Order(4)
    void anErasedMembersDataIsGoneFromEveryService() throws Exception {
        KeycloakUsers.create(LoyaltyStack.config(), LEAVER, "member");
        String displayName = "Leaver " + RUN;
        String id = as(LEAVER)
                .body(Map.of("displayName", displayName))
                .post("/api/points/members/me")
                .then()
                .statusCode(SC_CREATED)
                .extract()
                .path("id");
        String subject = sql("points", "select subject from member where id = ?::uuid", id);
        // every service learns of the member over member-events
        await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> as(LEAVER).get("/api/community/members/me").statusCode() == SC_OK);
        for (String database : List.of("surveys", "metrics")) {
            await().atMost(PATIENCE)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() ->
                            count(database, "select count(*) from member_directory where subject = ?", subject) == 1);
        }

        as("admin1")
                .body(Map.of("reason", "the member asked to be forgotten"))
                .post("/api/points/members/" + id + "/erasure")
                .then()
                .statusCode(SC_OK);

        // points-service: no login, no look-up, the export holds tombstones; the accounts stay
        as(LEAVER).get("/api/points/members/me").then().statusCode(SC_NOT_FOUND);
        as("staff1")
                .body(Map.of("email", LEAVER + "@example.com"))
                .post("/api/points/members/lookup")
                .then()
                .statusCode(SC_NOT_FOUND);
        String export = as("admin1")
                .get("/api/points/members/" + id + "/export")
                .then()
                .statusCode(SC_OK)
                .extract()
                .asString();
        org.junit.jupiter.api.Assertions.assertFalse(export.contains(displayName), export);
        org.junit.jupiter.api.Assertions.assertFalse(export.contains(LEAVER + "@example.com"), export);
        // the other services follow MemberErased
        await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> count("community", "select count(*) from community_member where subject = ?", subject) == 0
                        && count(
                                        "community",
                                        "select count(*) from community_member where display_name = ?",
                                        displayName)
                                == 0
                        && count("surveys", "select count(*) from member_directory where subject = ?", subject) == 0
                        && count("metrics", "select count(*) from member_directory where subject = ?", subject) == 0);
        as(LEAVER).get("/api/community/members/me").then().statusCode(not(equalTo(SC_OK)));
        assertEquals(
                0,
                count(
                        "points",
                        "select count(*) from member where display_name = ? or lower(email) = lower(?)",
                        displayName,
                        LEAVER + "@example.com"));

        // and every point is still accounted for
        as("admin1")
                .get("/api/points/reconciliation")
                .then()
                .statusCode(SC_OK)
                .body("ok", equalTo(true))
                .body("violationCount", equalTo(0));
        as("admin1")
                .get("/api/points/audit?target=" + id)
                .then()
                .statusCode(SC_OK)
                .body("items.action", hasItem("MEMBER_ERASED"));
    }

    private static long count(String database, String sql, Object... args) throws Exception {
        return Long.parseLong(sql(database, sql, args));
    }

    private static String sql(String database, String sql, Object... args) throws Exception {
        try (Connection c = DriverManager.getConnection(
                        LoyaltyStack.config().jdbcUrl(database), Stack.DB_USER, Stack.DB_PASSWORD);
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }
}
