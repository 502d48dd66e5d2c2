package com.example.loyalty.points.rest;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_BAD_REQUEST;
import static org.apache.http.HttpStatus.SC_CONFLICT;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_OK;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.RedemptionCancelled;
import com.example.loyalty.events.Topics;
import com.example.loyalty.points.AccountingFixture;
import com.example.loyalty.points.AccountingFixture.Lot;
import com.example.loyalty.points.AccountingFixture.Taken;
import com.example.loyalty.testing.TestKafka;
import com.example.loyalty.testing.contract.ContractValidation;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The accounting rules a member meets: lots taken soonest-expiring first, a cancelled redemption giving back the very
 * same lots, pending points that cannot be spent, debt paid by the next earning, and what expires when.
 */
@QuarkusTest
class AccountingRulesTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Inject
    AccountingFixture fixture;

    @Test
    void debitsTakeTheSoonestExpiringLotFirstAndNeverExpiringOnesLast() {
        // small purchases, so the member stays at the Regular tier (1 point per 100 JPY)
        var m = PointsApi.enrolNewMember();
        for (long points : new long[] {10, 20, 30}) {
            PointsApi.purchase("lot-" + UUID.randomUUID(), m.cardCode(), points * 100)
                    .statusCode(SC_CREATED);
        }
        List<Lot> lots = fixture.lots(m.id());
        assertEquals(List.of(10L, 20L, 30L), lots.stream().map(Lot::points).toList());
        Instant now = Instant.now();
        fixture.expireAt(lots.get(0).id(), null);
        fixture.expireAt(lots.get(1).id(), now.plus(Duration.ofDays(300)));
        fixture.expireAt(lots.get(2).id(), now.plus(Duration.ofDays(10)));

        PointsApi.redeem(m, 35).statusCode(SC_CREATED).body("balance", equalTo(25));
        assertEquals(List.of(10L, 15L, 0L), remaining(m));
        List<Taken> taken = fixture.taken(m.id());
        assertEquals(2, taken.size());
        assertEquals(30, pointsFrom(taken, lots.get(2)));
        assertEquals(5, pointsFrom(taken, lots.get(1)));

        PointsApi.redeem(m, 20).statusCode(SC_CREATED).body("balance", equalTo(5));
        assertEquals(List.of(5L, 0L, 0L), remaining(m), "the never-expiring lot last");
    }

    @Test
    void aCancelledRedemptionGivesBackTheVerySameLotsOnce() {
        var m = PointsApi.enrolNewMember();
        PointsApi.purchase("c1-" + UUID.randomUUID(), m.cardCode(), 10_000).statusCode(SC_CREATED);
        PointsApi.purchase("c2-" + UUID.randomUUID(), m.cardCode(), 10_000).statusCode(SC_CREATED);
        List<Lot> lots = fixture.lots(m.id());
        Instant now = Instant.now();
        fixture.expireAt(lots.get(0).id(), now.plus(Duration.ofDays(5)));
        fixture.expireAt(lots.get(1).id(), now.plus(Duration.ofDays(50)));
        String first = PointsApi.redeem(m, 150).statusCode(SC_CREATED).extract().path("redemptionId");
        PointsApi.redeem(m, 30).statusCode(SC_CREATED).body("balance", equalTo(20));
        assertEquals(List.of(0L, 20L), remaining(m));

        PointsApi.cancelRedemption(PointsApi.STAFF, first)
                .statusCode(SC_OK)
                .body("redemptionId", equalTo(first))
                .body("points", equalTo(150))
                .body("balance", equalTo(170))
                .body("available", equalTo(170))
                .body("pending", equalTo(0))
                .body("debt", equalTo(0))
                .body("cancelledAt", notNullValue())
                .body("cancelledBy", containsString("staff-"))
                .body("replayed", equalTo(false));
        // 100 back to the first lot, 50 to the second, which the second redemption still holds 30 of
        assertEquals(List.of(100L, 70L), remaining(m));
        List<Taken> taken = fixture.taken(m.id());
        UUID restoredBy = taken.get(0).restoredBy();
        assertNotNull(restoredBy);
        assertEquals(restoredBy, taken.get(1).restoredBy(), "both lots of the first redemption given back at once");
        assertNull(taken.get(2).restoredBy(), "the second redemption stands");
        JsonPath ledger = PointsApi.ledger(m);
        assertEquals(5, ledger.getInt("total"));
        assertEquals("REVERSE", ledger.getString("items[0].kind"));
        assertEquals(150, ledger.getLong("items[0].points"));
        assertEquals("REDEMPTION", ledger.getString("items[0].referenceType"));
        assertEquals(first, ledger.getString("items[0].referenceId"));
        assertEquals("redemption cancelled", ledger.getString("items[0].reason"));

        // again, by an admin: nothing more
        PointsApi.cancelRedemption(PointsApi.ADMIN, first)
                .statusCode(SC_OK)
                .body("replayed", equalTo(true))
                .body("balance", equalTo(170))
                .body("cancelledBy", containsString("staff-"));
        assertEquals(5, PointsApi.ledgerCount(m));
        assertEquals(List.of(100L, 70L), remaining(m));
        assertEquals(
                1,
                fixture.number(
                        "select count(*) from audit_entry where action = 'REDEMPTION_CANCELLED' and target_id = ?",
                        first));
        var published = TestKafka.read(
                        Topics.LOYALTY_TRANSACTIONS,
                        r -> m.id().equals(r.key())
                                && EventTypes.REDEMPTION_CANCELLED.equals(
                                        EventJson.read(r.value()).type()),
                        1,
                        Duration.ofSeconds(30))
                .stream()
                .map(r -> EventJson.payload(EventJson.read(r.value()), RedemptionCancelled.class))
                .toList();
        assertEquals(1, published.size());
        assertEquals(150, published.get(0).points());
        assertEquals(170, published.get(0).balance());
    }

    @Test
    void onlyStaffAndAdminsCancelAndOnlyRedemptionsThatExist() throws Exception {
        var m = PointsApi.funded(100);
        String id = PointsApi.redeem(m, 40).statusCode(SC_CREATED).extract().path("redemptionId");
        PointsApi.cancelRedemption(m.token(), id).statusCode(SC_FORBIDDEN);
        PointsApi.cancelRedemption(PointsApi.MARKETER, id).statusCode(SC_FORBIDDEN);
        PointsApi.cancelRedemption(PointsApi.STAFF, UUID.randomUUID().toString())
                .statusCode(SC_NOT_FOUND)
                .contentType("application/problem+json");
        // a reason of 501 characters (the document's maxLength is 500)
        ContractValidation.withoutRequestChecks(() -> given().auth()
                .oauth2(PointsApi.STAFF)
                .contentType("application/json")
                .body("{\"reason\":\"" + "x".repeat(501) + "\"}")
                .when()
                .post("/api/points/redemptions/{id}/cancel", id)
                .then()
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json"));
        assertEquals(60, PointsApi.balance(m));
        given().auth()
                .oauth2(PointsApi.STAFF)
                .contentType("application/json")
                .body("{\"reason\":\"customer changed their mind\"}")
                .when()
                .post("/api/points/redemptions/{id}/cancel", id)
                .then()
                .statusCode(SC_OK)
                .body("balance", equalTo(100));
        assertEquals(
                1,
                fixture.number(
                        "select count(*) from audit_entry where target_id = ? "
                                + "and reason = 'customer changed their mind'",
                        id));
    }

    @Test
    void pendingPointsAreShownButCannotBeSpent() {
        var m = PointsApi.funded(100);
        Lot lot = fixture.lots(m.id()).get(0);
        fixture.availableAt(lot.id(), Instant.now().plus(Duration.ofDays(14)));
        JsonPath me = PointsApi.me(m);
        assertEquals(100, me.getLong("balance"));
        assertEquals(0, me.getLong("available"));
        assertEquals(100, me.getLong("pending"));
        PointsApi.redeem(m, 1)
                .statusCode(SC_CONFLICT)
                .contentType("application/problem+json")
                .body("title", equalTo("Insufficient points"))
                .body("detail", containsString("available are 0 points (100 more pending)"));
        given().auth()
                .oauth2(PointsApi.STAFF)
                .queryParam("card", m.cardCode())
                .when()
                .get("/api/points/members")
                .then()
                .statusCode(SC_OK)
                .body("available", equalTo(0))
                .body("pending", equalTo(100))
                .body("debt", equalTo(0));

        // the window closes: no job needed, the lot's date says it
        fixture.availableAt(lot.id(), Instant.EPOCH);
        me = PointsApi.me(m);
        assertEquals(100, me.getLong("available"));
        assertEquals(0, me.getLong("pending"));
        PointsApi.redeem(m, 100).statusCode(SC_CREATED).body("balance", equalTo(0));
    }

    @Test
    void aReturnOfSpentPointsIsDebtAndTheNextEarningsPayIt() {
        var m = PointsApi.enrolNewMember();
        String tx = "debt-" + UUID.randomUUID();
        PointsApi.purchase(tx, m.cardCode(), 10_000).statusCode(SC_CREATED);
        PointsApi.redeem(m, 80).statusCode(SC_CREATED);
        PointsApi.returnOf("ret-" + UUID.randomUUID(), tx, 10_000)
                .statusCode(SC_CREATED)
                .body("pointsReversed", equalTo(20))
                .body("shortfall", equalTo(80))
                .body("balance", equalTo(0))
                .body("debt", equalTo(80));
        assertEquals(80, PointsApi.me(m).getLong("debt"));

        // 50 points earned, all of them pay the debt: the EARN, then a REVERSE "debt repaid"
        PointsApi.purchase("pay-" + UUID.randomUUID(), m.cardCode(), 5_000)
                .statusCode(SC_CREATED)
                .body("pointsEarned", equalTo(50))
                .body("balance", equalTo(0));
        JsonPath ledger = PointsApi.ledger(m);
        assertEquals("REVERSE", ledger.getString("items[0].kind"));
        assertEquals(-50, ledger.getLong("items[0].points"));
        assertEquals("DEBT", ledger.getString("items[0].referenceType"));
        assertEquals("debt repaid", ledger.getString("items[0].reason"));
        assertEquals("EARN", ledger.getString("items[1].kind"));
        assertEquals(50, ledger.getLong("items[1].points"));
        assertEquals(30, PointsApi.me(m).getLong("debt"));

        PointsApi.purchase("pay-" + UUID.randomUUID(), m.cardCode(), 10_000)
                .statusCode(SC_CREATED)
                .body("balance", equalTo(70));
        JsonPath me = PointsApi.me(m);
        assertEquals(0, me.getLong("debt"));
        assertEquals(70, me.getLong("available"));
        assertEquals(70, PointsApi.ledgerSum(m));
    }

    @Test
    void aMemberSeesWhatExpiresWhen() {
        var m = PointsApi.enrolNewMember();
        for (long points : new long[] {10, 20, 30, 40}) {
            PointsApi.purchase("exp-" + UUID.randomUUID(), m.cardCode(), points * 100)
                    .statusCode(SC_CREATED);
        }
        List<Lot> lots = fixture.lots(m.id());
        LocalDate today = LocalDate.now(TOKYO);
        Instant in3 = today.plusDays(3).atStartOfDay(TOKYO).toInstant();
        fixture.expireAt(lots.get(0).id(), in3);
        fixture.expireAt(lots.get(1).id(), in3);
        fixture.expireAt(
                lots.get(2).id(), today.plusDays(20).atStartOfDay(TOKYO).toInstant());
        fixture.expireAt(
                lots.get(3).id(), today.plusDays(40).atStartOfDay(TOKYO).toInstant());

        JsonPath in30 = expiring(m, "30d").statusCode(SC_OK).extract().jsonPath();
        assertEquals(60, in30.getLong("total"));
        assertEquals(2, in30.getList("dates").size());
        assertEquals(in3, Instant.parse(in30.getString("dates[0].expiresAt")));
        assertEquals(today.plusDays(2).toString(), in30.getString("dates[0].lastDay"));
        assertEquals(30, in30.getLong("dates[0].points"));
        assertEquals(2, in30.getLong("dates[0].lots"));
        assertEquals(30, in30.getLong("dates[1].points"));
        assertEquals(false, in30.getBoolean("truncated"));
        assertEquals(
                60, expiring(m, null).statusCode(SC_OK).extract().jsonPath().getLong("total"));
        assertEquals(
                100, expiring(m, "41d").statusCode(SC_OK).extract().jsonPath().getLong("total"));

        // what is spent no longer expires
        PointsApi.redeem(m, 15).statusCode(SC_CREATED);
        assertEquals(
                45, expiring(m, "30d").statusCode(SC_OK).extract().jsonPath().getLong("total"));

        for (String bad : new String[] {"abc", "0d", "30", "9999d", "-5d"}) {
            expiring(m, bad).statusCode(SC_BAD_REQUEST).contentType("application/problem+json");
        }
        given().auth()
                .oauth2(PointsApi.STAFF)
                .when()
                .get("/api/points/members/me/expiring")
                .then()
                .statusCode(SC_FORBIDDEN);
    }

    private static ValidatableResponse expiring(PointsApi.Enrolled m, String within) {
        var request = given().auth().oauth2(m.token());
        if (within != null) {
            request = request.queryParam("within", within);
        }
        return request.when().get("/api/points/members/me/expiring").then();
    }

    private List<Long> remaining(PointsApi.Enrolled m) {
        return fixture.lots(m.id()).stream().map(Lot::remaining).toList();
    }

    private static long pointsFrom(List<Taken> taken, Lot lot) {
        return taken.stream()
                .filter(t -> t.lotId().equals(lot.id()))
                .mapToLong(Taken::points)
                .sum();
    }
}
