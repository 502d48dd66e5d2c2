package com.example.loyalty.metrics.rest;

import static com.example.loyalty.metrics.TestEvents.ADMIN;
import static com.example.loyalty.metrics.TestEvents.MARKETER;
import static com.example.loyalty.metrics.TestPurchases.noon;
import static com.example.loyalty.metrics.TestPurchases.tokyo;
import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_BAD_REQUEST;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_UNAUTHORIZED;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.example.loyalty.metrics.TestPurchases;
import com.example.loyalty.testing.TestTokens;
import com.example.loyalty.testing.contract.ContractValidation;
import com.example.loyalty.testing.contract.SendsInvalidRequests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Churn over a small population whose counts are worked out by hand (ISK purchases, written only here; days in
 * Asia/Tokyo). With W = 180 days, a purchase on day p makes its member active at the start of days p+1 to p+180:
 *
 * <pre>
 * M1  2025-01-05                          active 01-06..07-04  → stops in July
 * M2  2025-03-10, 07-20                   active 03-11..2026-01-16
 * M3  2025-02-01                          active 02-02..07-31  → stops in July
 * M4  2025-01-10, 07-25                   active 01-11..07-09, 07-26..  (lapses, back within July)
 * M5  2025-07-15                          new in July
 * M6  2025-03-05                          active 03-06..09-01  → stops in September
 * M7  2025-07-01 00:30 Tokyo (06-30 UTC)  new in July, not active on 07-01
 * M8  CLP only                            another currency, never counted
 * M9  2025-10-05                          after the ranges asked
 * M10 2025-06-20, 08-10, 09-25            active from 06-21
 * </pre>
 */
@QuarkusTest
class ChurnResourceTest {

    private static final String CHURN = "/api/metrics/churn";
    private static final String PROBLEM = "application/problem+json";
    private static final String ISK = "ISK";
    private static final UUID[] M = new UUID[11];
    private static boolean seeded;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        for (int i = 1; i <= 10; i++) {
            M[i] = UUID.randomUUID();
        }
        buy(1, ISK, noon("2025-01-05"));
        buy(2, ISK, noon("2025-03-10"), noon("2025-07-20"));
        buy(3, ISK, noon("2025-02-01"));
        buy(4, ISK, noon("2025-01-10"), noon("2025-07-25"));
        buy(5, ISK, noon("2025-07-15"));
        buy(6, ISK, noon("2025-03-05"));
        buy(7, ISK, tokyo("2025-07-01T00:30"));
        buy(8, "CLP", noon("2025-06-01"));
        buy(9, ISK, noon("2025-10-05"));
        buy(10, ISK, noon("2025-06-20"), noon("2025-08-10"), noon("2025-09-25"));
        seeded = true;
    }

    private void buy(int member, String currency, Instant... times) {
        for (int k = 0; k < times.length; k++) {
            TestPurchases.insert(dataSource, "churn-" + M[member] + "-" + k, M[member], currency, times[k], 1_000);
        }
    }

    private static ValidatableResponse churn(String token, String query) {
        return given().auth().oauth2(token).when().get(CHURN + query).then();
    }

    @Test
    void perMonthWithTheDefaultWindow() {
        churn(MARKETER, "?currency=ISK&from=2025-07-01&to=2025-09-30")
                .statusCode(SC_OK)
                .contentType("application/json")
                .body("currency", equalTo("ISK"))
                .body("zone", equalTo("Asia/Tokyo"))
                .body("interval", equalTo("month"))
                .body("from", equalTo("2025-07-01"))
                .body("to", equalTo("2025-09-30"))
                .body("inactivityDays", equalTo(180))
                .body("periods.start", contains("2025-07-01", "2025-08-01", "2025-09-01"))
                .body("periods.end", contains("2025-07-31", "2025-08-31", "2025-09-30"))
                .body("periods.partial", contains(false, false, false))
                // July: M1 M2 M3 M4 M6 M10 active (M7 bought on 1 July in Tokyo); M1 and M3 stop; M4 came back
                .body("periods.activeAtStart", contains(6, 6, 6))
                .body("periods.stopped", contains(2, 0, 1))
                .body("periods.retained", contains(4, 6, 5))
                .body("periods.churnRate", contains(33.33f, 0.0f, 16.67f));
    }

    @Test
    void perQuarter() {
        churn(ADMIN, "?currency=isk&interval=QUARTER&from=2025-04-01&to=2025-09-30")
                .statusCode(SC_OK)
                .body("currency", equalTo("ISK"))
                .body("interval", equalTo("quarter"))
                .body("periods.start", contains("2025-04-01", "2025-07-01"))
                .body("periods.end", contains("2025-06-30", "2025-09-30"))
                // Q2: M1 M2 M3 M4 M6, all still active on 1 July; Q3: M1 M3 M6 stop, M4 came back
                .body("periods.activeAtStart", contains(5, 6))
                .body("periods.stopped", contains(0, 3))
                .body("periods.churnRate", contains(0.0f, 50.0f));
    }

    @Test
    void aShorterWindowAndAPeriodWithNoOneActive() {
        // W = 30: June has no one active (no rate); July: M10 stops; August: M2 M4 M5 stop, M10 is back but was
        // not active on 1 August; September: M10 stays
        churn(MARKETER, "?currency=ISK&from=2025-06-01&to=2025-09-30&inactivityDays=30")
                .statusCode(SC_OK)
                .body("inactivityDays", equalTo(30))
                .body("periods.activeAtStart", contains(0, 1, 3, 1))
                .body("periods.stopped", contains(0, 1, 3, 0))
                .body("periods[0].churnRate", nullValue())
                .body("periods[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("churnRate")))
                .body("periods[1].churnRate", equalTo(100.0f))
                .body("periods[2].churnRate", equalTo(100.0f))
                .body("periods[3].churnRate", equalTo(0.0f));
        // over the quarter M10 lapses (20 July) and comes back (10 August): active at both ends, not stopped
        churn(MARKETER, "?currency=ISK&interval=quarter&from=2025-07-01&to=2025-09-30&inactivityDays=30")
                .statusCode(SC_OK)
                .body("periods.activeAtStart", contains(1))
                .body("periods.stopped", contains(0));
    }

    @Test
    void periodsAreCutToTheRange() {
        // 15 July: M2 M3 M6 M7 M10 active (M1 and M4's January purchases are more than 180 days back); M3 stops
        churn(MARKETER, "?currency=ISK&from=2025-07-15&to=2025-08-20")
                .statusCode(SC_OK)
                .body("periods.start", contains("2025-07-15", "2025-08-01"))
                .body("periods.end", contains("2025-07-31", "2025-08-20"))
                .body("periods.partial", contains(true, true))
                .body("periods.activeAtStart", contains(5, 6))
                .body("periods.stopped", contains(1, 0))
                .body("periods.churnRate", contains(20.0f, 0.0f));
    }

    @Test
    void theDefaultRangeIsTheLastTwelveMonthsOrFourQuarters() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        churn(MARKETER, "?currency=ISK")
                .statusCode(SC_OK)
                .body("interval", equalTo("month"))
                .body("to", equalTo(today.toString()))
                .body("from", equalTo(today.withDayOfMonth(1).minusMonths(11).toString()))
                .body("periods", hasSize(12))
                .body("periods[11].end", equalTo(today.toString()));
        churn(MARKETER, "?currency=ISK&interval=quarter")
                .statusCode(SC_OK)
                .body("periods", hasSize(4))
                .body("periods[3].end", equalTo(today.toString()));
    }

    @Test
    void anotherCurrencyCountsOnlyItsOwnPurchases() {
        // M8 bought in CLP on 1 June: active on 1 July with W = 180, stopped by the end of December
        churn(MARKETER, "?currency=CLP&interval=quarter&from=2025-07-01&to=2025-12-31")
                .statusCode(SC_OK)
                .body("periods.activeAtStart", contains(1, 1))
                .body("periods.stopped", contains(0, 1))
                .body("periods.churnRate", contains(0.0f, 100.0f));
    }

    @Test
    @SendsInvalidRequests(
            "an unknown interval, malformed dates and currencies, inactivityDays not a number or too long")
    void badInputIsABadRequest() {
        String[] queries = {
            "?interval=week",
            "?from=2025-13-01",
            "?from=2025-02-30",
            "?to=01-02-2025",
            "?from=2025-08-01&to=2025-07-31",
            "?to=2999-01-01",
            "?currency=XX1",
            "?currency=ABC",
            "?currency=XXX",
            "?inactivityDays=-5",
            "?inactivityDays=0",
            "?inactivityDays=3651",
            "?inactivityDays=99999999999",
            "?inactivityDays=ten",
            "?from=2000-01-01&to=2025-12-31"
        };
        for (String q : queries) {
            churn(MARKETER, q).statusCode(SC_BAD_REQUEST).contentType(PROBLEM).body("status", equalTo(SC_BAD_REQUEST));
        }
        churn(MARKETER, "?from=2025-08-01&to=2025-07-31").body("detail", containsString("after"));
        churn(MARKETER, "?from=2000-01-01&to=2025-12-31").body("detail", containsString("120 month periods"));
        churn(MARKETER, "?currency=ABC").body("type", equalTo("https://loyalty.example.com/problems/invalid-currency"));
        churn(MARKETER, "?inactivityDays=-5")
                .body("violations[0].message", equalTo("must be a whole number of days from 1 to 3650"));
        // 26 years of quarters is within the 120 periods
        churn(MARKETER, "?currency=ISK&interval=quarter&from=2000-01-01&to=2025-12-31")
                .statusCode(SC_OK)
                .body("periods", hasSize(104));
    }

    @Test
    void onlyMarketersAndAdmins() throws Exception {
        churn(TestTokens.newMember(), "?currency=ISK").statusCode(SC_FORBIDDEN);
        churn(TestTokens.token("staff-1", "staff"), "?currency=ISK").statusCode(SC_FORBIDDEN);
        // an interval the document forbids, from a caller who may not read churn at all: 403 before any 400
        ContractValidation.withoutRequestChecks(() -> churn(TestTokens.token("staff-1", "staff"), "?interval=week"))
                .statusCode(SC_FORBIDDEN);
        given().when().get(CHURN).then().statusCode(SC_UNAUTHORIZED).contentType(PROBLEM);
    }
}
