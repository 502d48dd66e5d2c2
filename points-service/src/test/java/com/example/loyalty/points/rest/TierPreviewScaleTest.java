package com.example.loyalty.points.rest;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_OK;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.points.PointsDb;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How long the preview takes at 1,000,000 members (docs/tiers.md, "Preview"). Not part of the build: it seeds a
 * million members (and two million purchases) into the test database. Run it alone, by hand:
 * {@code ./mvnw -o -pl points-service test -Dtest=TierPreviewScaleTest -DtierPreviewScale=true}; the times are printed.
 */
@QuarkusTest
@Tag("slow")
@EnabledIfSystemProperty(named = "tierPreviewScale", matches = "true")
class TierPreviewScaleTest {

    static final int MEMBERS = 1_000_000;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aPreviewOfAMillionMembersAnswersWithinSeconds() {
        PointsDb db = new PointsDb(dataSource);
        long seedStart = System.nanoTime();
        // members: running figures right for the current 12-month rolling window; spread over the tiers
        db.update("insert into member (id, subject, card_code, tier_code, balance, enrolled_at, window_spend, "
                + "window_months, spend_expires_at, window_purchases, window_points) "
                + "select gen_random_uuid(), 'scale-' || g, 'S' || lpad(g::text, 15, '0'), "
                + "case when g % 100 < 70 then 'REGULAR' when g % 100 < 90 then 'SILVER' when g % 100 < 98 "
                + "then 'GOLD' else 'PLATINUM' end, 0, now(), (g % 400) * 1000, 12, now() + interval '6 months', "
                + "g % 30, (g % 400) * 10 from generate_series(1, " + MEMBERS + ") g");
        // two purchases each, for a draft whose period differs (every figure then summed from purchases)
        db.update("insert into purchase (id, transaction_id, member_id, amount, currency, store_id, channel, "
                + "occurred_at, points, multiplier, tier_code, balance_after, tier_after, recorded_at, recorded_by) "
                + "select gen_random_uuid(), 'scale-' || k || '-' || m.subject, m.id, 1000 + k * 10, 'JPY', 'SCALE', "
                + "'STORE', now() - (k || ' days')::interval, 10, 1, m.tier_code, 0, m.tier_code, now(), 'scale' "
                + "from member m cross join generate_series(1, 2) k where m.subject like 'scale-%'");
        db.update("analyze member");
        db.update("analyze purchase");
        System.out.printf("seeded %d members in %.1f s%n", MEMBERS, (System.nanoTime() - seedStart) / 1e9);

        String stricter =
                TierResourceTest.DEFAULT_LADDER.replace("\"thresholdSpend\": 30000,", "\"thresholdSpend\": 50000,");
        time("preview, same period (running figures)", stricter);
        time("preview, same period again", stricter);
        time(
                "preview, fiscal year (summed from purchases)",
                stricter.replace("\"windowMonths\": 12,", "\"period\": {\"kind\": \"FISCAL_YEAR\"},"));
    }

    private static void time(String what, String body) {
        long start = System.nanoTime();
        JsonPath p = given().auth()
                .oauth2(PointsApi.MARKETER)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/points/tiers/preview")
                .then()
                .statusCode(SC_OK)
                .extract()
                .jsonPath();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "%s: %.2f s for %d members (movedDown %d, movedUp %d)%n",
                what, seconds, p.getLong("members"), p.getLong("movedDown"), p.getLong("movedUp"));
        assertTrue(p.getLong("members") >= MEMBERS);
    }
}
