package com.example.loyalty.points.rest;

import static org.apache.http.HttpStatus.SC_CONFLICT;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.loyalty.events.CommunityActivity;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.Topics;
import com.example.loyalty.points.AccountingFixture;
import com.example.loyalty.points.AccountingFixture.Lot;
import com.example.loyalty.testing.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A program with a 14-day return window: a purchase's points are pending for 14 days, awards are not. */
@QuarkusTest
@TestProfile(PendingPointsTest.ReturnWindow.class)
class PendingPointsTest {

    public static class ReturnWindow implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("points.lots.pending-days", "14");
        }
    }

    @Inject
    AccountingFixture fixture;

    @Test
    void aPurchasesPointsWaitForTheReturnWindowAndAReturnInsideItTakesThem() {
        var m = PointsApi.enrolNewMember();
        String tx = "window-" + UUID.randomUUID();
        PointsApi.purchase(tx, m.cardCode(), 10_000).statusCode(SC_CREATED).body("balance", equalTo(100));
        Lot lot = fixture.lots(m.id()).get(0);
        assertEquals(lot.earnedAt().plus(Duration.ofDays(14)), lot.availableAt());
        JsonPath me = PointsApi.me(m);
        assertEquals(100, me.getLong("balance"));
        assertEquals(0, me.getLong("available"));
        assertEquals(100, me.getLong("pending"));
        PointsApi.redeem(m, 1).statusCode(SC_CONFLICT);

        // an award is spendable at once
        TestKafka.send(
                Topics.COMMUNITY_ACTIVITY,
                m.id(),
                EventJson.write(EventJson.envelope(
                        EventTypes.POST_CREATED,
                        CommunityActivity.SCHEMA_VERSION,
                        Instant.now(),
                        m.id(),
                        new CommunityActivity(
                                UUID.randomUUID(),
                                UUID.randomUUID(),
                                UUID.randomUUID(),
                                null,
                                null,
                                null,
                                3,
                                Instant.now()))));
        await().atMost(Duration.ofSeconds(30)).until(() -> PointsApi.balance(m) == 105);
        assertEquals(5, PointsApi.me(m).getLong("available"));

        // half the purchase comes back within the window: its own pending points go
        PointsApi.returnOf("R-" + UUID.randomUUID(), tx, 5_000)
                .statusCode(SC_CREATED)
                .body("pointsReversed", equalTo(50))
                .body("pending", equalTo(50))
                .body("available", equalTo(5));

        // the window closes
        fixture.availableAt(lot.id(), Instant.EPOCH);
        me = PointsApi.me(m);
        assertEquals(55, me.getLong("available"));
        assertEquals(0, me.getLong("pending"));
        PointsApi.redeem(m, 55).statusCode(SC_CREATED).body("balance", equalTo(0));
    }
}
