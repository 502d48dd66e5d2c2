package com.example.loyalty.metrics.rest;

import static com.example.loyalty.metrics.TestEvents.ADMIN;
import static com.example.loyalty.metrics.TestEvents.MARKETER;
import static com.example.loyalty.metrics.TestPurchases.noon;
import static com.example.loyalty.metrics.TestPurchases.tokyo;
import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_BAD_REQUEST;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_UNAUTHORIZED;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasToString;

import com.example.loyalty.metrics.TestPurchases;
import com.example.loyalty.testing.TestTokens;
import com.example.loyalty.testing.contract.SendsInvalidRequests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Lifetime value over a small population worked out by hand (KRW and CHF purchases, written only here), as of
 * 2026-01-14 in Asia/Tokyo, margin 1 and 3 years (the configured defaults; no costs outside the program currency):
 *
 * <pre>
 * A  10,000 on the 15th of each month of 2025 (+ 99,999 on 15 Jan 2026 at 00:00 Tokyo, after asOf)
 *    tenure 365 days: 12 purchases a year, annual revenue 120,000, LTV 360,000 / 360,000 / 120,000
 * D  30,000 on 2025-01-15 and 2025-07-15: tenure 365, 2 a year, annual 60,000
 *    → cohort 2025-01: 2 members, 14 purchases, revenue 180,000, annual 90,000 each on average
 * B  4,000 on 2025-11-03, 6,000 on 2025-12-20: tenure 73 days = 1/5 year: 10 a year, annual 50,000
 * E  7,500 at 00:30 Tokyo on 2025-11-01 (31 Oct UTC): tenure 75 days, annual 36,500
 *    → cohort 2025-11: 2 members, 3 purchases, revenue 17,500, annual 43,250 on average
 * C  3,000 on 2026-01-14: tenure 1 day, annualised over 30: 12.17 a year, annual 36,500 → cohort 2026-01
 * </pre>
 */
@QuarkusTest
class LtvResourceTest {

    private static final String LTV = "/api/metrics/ltv";
    private static final String MEMBER_LTV = "/api/metrics/members/{id}/ltv";
    private static final String PROBLEM = "application/problem+json";
    private static final String AS_OF = "&asOf=2026-01-14";
    private static final RestAssuredConfig DECIMALS = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    private static final UUID A = UUID.randomUUID();
    private static final UUID B = UUID.randomUUID();
    private static final UUID C = UUID.randomUUID();
    private static final UUID D = UUID.randomUUID();
    private static final UUID E = UUID.randomUUID();
    private static final UUID F = UUID.randomUUID();
    private static boolean seeded;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        for (int month = 1; month <= 12; month++) {
            buy(A, "KRW", noon(String.format("2025-%02d-15", month)), 10_000);
        }
        buy(A, "KRW", tokyo("2026-01-15T00:00"), 99_999);
        buy(D, "KRW", noon("2025-01-15"), 30_000);
        buy(D, "KRW", noon("2025-07-15"), 30_000);
        buy(B, "KRW", noon("2025-11-03"), 4_000);
        buy(B, "KRW", noon("2025-12-20"), 6_000);
        buy(E, "KRW", tokyo("2025-11-01T00:30"), 7_500);
        buy(C, "KRW", noon("2026-01-14"), 3_000);
        buy(F, "CHF", noon("2025-06-01"), 1_050);
        buy(F, "CHF", noon("2025-06-02"), 1_051);
        seeded = true;
    }

    private void buy(UUID member, String currency, Instant at, long amount) {
        TestPurchases.insert(dataSource, "ltv-" + member + "-" + at, member, currency, at, amount);
    }

    private static ValidatableResponse cohorts(String token, String query) {
        return given().config(DECIMALS)
                .auth()
                .oauth2(token)
                .when()
                .get(LTV + query)
                .then();
    }

    private static ValidatableResponse member(String token, Object id, String query) {
        return given().config(DECIMALS)
                .auth()
                .oauth2(token)
                .when()
                .get(MEMBER_LTV + query, id)
                .then();
    }

    @Test
    void cohortsWithTheConfiguredAssumptions() {
        cohorts(MARKETER, "?currency=KRW" + AS_OF)
                .statusCode(SC_OK)
                .contentType("application/json")
                .body("currency", equalTo("KRW"))
                .body("zone", equalTo("Asia/Tokyo"))
                .body("asOf", equalTo("2026-01-14"))
                .body("form", equalTo("order-frequency"))
                .body("parameters.margin", hasToString("1"))
                .body("parameters.retentionYears", hasToString("3"))
                .body("parameters.acquisitionCost", hasToString("0"))
                .body("parameters.minimumTenureDays", equalTo(30))
                .body("cohorts.cohort", contains("2025-01", "2025-11", "2026-01"))
                .body("cohorts.members", contains(2, 2, 1))
                .body("cohorts.purchases", contains(14, 3, 1))
                .body("cohorts.revenue", contains(hasToString("180000"), hasToString("17500"), hasToString("3000")))
                .body(
                        "cohorts.averageOrderValue",
                        contains(hasToString("12857"), hasToString("5833"), hasToString("3000")))
                .body(
                        "cohorts.averagePurchasesPerYear",
                        contains(hasToString("7.00"), hasToString("7.43"), hasToString("12.17")))
                .body(
                        "cohorts.averageAnnualRevenue",
                        contains(hasToString("90000"), hasToString("43250"), hasToString("36500")))
                .body(
                        "cohorts.averageLtv",
                        contains(hasToString("270000"), hasToString("129750"), hasToString("109500")))
                .body("cohorts.totalLtv", contains(hasToString("540000"), hasToString("259500"), hasToString("109500")))
                .body(
                        "cohorts.ltv.annualRevenue.total",
                        contains(hasToString("540000"), hasToString("259500"), hasToString("109500")))
                .body(
                        "cohorts.ltv.historical.average",
                        contains(hasToString("90000"), hasToString("8750"), hasToString("3000")))
                .body(
                        "cohorts.ltv.historical.total",
                        contains(hasToString("180000"), hasToString("17500"), hasToString("3000")))
                .body("all.cohort", equalTo(null))
                .body("all.members", equalTo(5))
                .body("all.purchases", equalTo(18))
                .body("all.revenue", hasToString("200500"))
                .body("all.totalLtv", hasToString("909000"))
                .body("all.averageLtv", hasToString("181800"))
                .body("all.ltv.historical.average", hasToString("40100"));
    }

    @Test
    void assumptionsAndFormPerRequest() {
        // margin 0.5, 2 years, costs 1,000 + 500 a year: 2,000 a member
        cohorts(
                        ADMIN,
                        "?currency=KRW&form=Annual-Revenue&margin=0.5&retentionYears=2&acquisitionCost=1000"
                                + "&retentionCostPerYear=500" + AS_OF)
                .statusCode(SC_OK)
                .body("form", equalTo("annual-revenue"))
                .body("parameters.margin", hasToString("0.5"))
                .body("parameters.retentionYears", hasToString("2"))
                .body("parameters.acquisitionCost", hasToString("1000"))
                .body("parameters.retentionCostPerYear", hasToString("500"))
                .body("cohorts[0].averageLtv", hasToString("90000"))
                .body("cohorts[0].totalLtv", hasToString("180000"))
                .body("cohorts[0].ltv.orderFrequency.average", hasToString("88000"))
                .body("cohorts[0].ltv.orderFrequency.total", hasToString("176000"))
                .body("cohorts[0].ltv.historical.total", hasToString("180000"));
        cohorts(MARKETER, "?currency=KRW&form=historical" + AS_OF)
                .statusCode(SC_OK)
                .body("cohorts.totalLtv", contains(hasToString("180000"), hasToString("17500"), hasToString("3000")));
    }

    @Test
    void aCurrencyWithoutPurchasesHasNoCohorts() {
        cohorts(MARKETER, "?currency=MNT" + AS_OF)
                .statusCode(SC_OK)
                .body("cohorts.size()", equalTo(0))
                .body("all.members", equalTo(0))
                .body("all.totalLtv", hasToString("0.00"));
    }

    @Test
    void aMembersLtvWithItsInputs() {
        // 10,000 a month for a year (tenure 365 days) and 3 years retention: 360,000
        member(MARKETER, A, "?currency=KRW" + AS_OF)
                .statusCode(SC_OK)
                .body("memberId", equalTo(A.toString()))
                .body("currency", equalTo("KRW"))
                .body("asOf", equalTo("2026-01-14"))
                .body("firstPurchaseDay", equalTo("2025-01-15"))
                .body("lastPurchaseDay", equalTo("2025-12-15"))
                .body("purchases", equalTo(12))
                .body("revenue", hasToString("120000"))
                .body("tenureDays", equalTo(365))
                .body("averageOrderValue", hasToString("10000"))
                .body("purchasesPerYear", hasToString("12.00"))
                .body("annualRevenue", hasToString("120000"))
                .body("ltv.orderFrequency", hasToString("360000"))
                .body("ltv.annualRevenue", hasToString("360000"))
                .body("ltv.historical", hasToString("120000"));
        // a day later the purchase of 15 January (00:00 Tokyo) counts
        member(ADMIN, A, "?currency=KRW&asOf=2026-01-15")
                .statusCode(SC_OK)
                .body("purchases", equalTo(13))
                .body("lastPurchaseDay", equalTo("2026-01-15"))
                .body("revenue", hasToString("219999"));
        // the first purchase was on 1 November in Tokyo (31 October UTC)
        member(MARKETER, E, "?currency=KRW" + AS_OF)
                .statusCode(SC_OK)
                .body("firstPurchaseDay", equalTo("2025-11-01"))
                .body("tenureDays", equalTo(75))
                .body("annualRevenue", hasToString("36500"));
        // one day of tenure is annualised over 30
        member(MARKETER, C, "?currency=KRW&margin=0.2&acquisitionCost=500" + AS_OF)
                .statusCode(SC_OK)
                .body("tenureDays", equalTo(1))
                .body("purchasesPerYear", hasToString("12.17"))
                .body("annualRevenue", hasToString("36500"))
                .body("ltv.annualRevenue", hasToString("21900"))
                .body("ltv.orderFrequency", hasToString("21400"))
                .body("ltv.historical", hasToString("3000"));
    }

    @Test
    void amountsInTheCurrencysMinorUnit() {
        // 10.50 + 10.51 CHF over 30 days: annual 255.62, × 3 years = 766.865 → 766.87; costs of 12.50 CHF
        member(MARKETER, F, "?currency=CHF&asOf=2025-06-30&acquisitionCost=12.50")
                .statusCode(SC_OK)
                .body("currency", equalTo("CHF"))
                .body("revenue", hasToString("21.01"))
                .body("averageOrderValue", hasToString("10.51"))
                .body("purchasesPerYear", hasToString("24.33"))
                .body("annualRevenue", hasToString("255.62"))
                .body("parameters.acquisitionCost", hasToString("12.50"))
                .body("ltv.annualRevenue", hasToString("766.87"))
                .body("ltv.orderFrequency", hasToString("754.37"))
                .body("ltv.historical", hasToString("21.01"));
        member(MARKETER, F, "?currency=CHF&asOf=2025-06-30&acquisitionCost=12.505")
                .statusCode(SC_BAD_REQUEST)
                .contentType(PROBLEM)
                .body("detail", containsString("more decimals than CHF"));
        cohorts(MARKETER, "?currency=KRW&acquisitionCost=0.5" + AS_OF)
                .statusCode(SC_BAD_REQUEST)
                .contentType(PROBLEM);
    }

    @Test
    void aMemberWithoutPurchasesInTheCurrencyIsNotFound() {
        member(MARKETER, A, "?currency=CHF" + AS_OF)
                .statusCode(SC_NOT_FOUND)
                .contentType(PROBLEM)
                .body("type", equalTo("https://loyalty.example.com/problems/no-purchases"));
        member(MARKETER, C, "?currency=KRW&asOf=2026-01-13")
                .statusCode(SC_NOT_FOUND)
                .contentType(PROBLEM);
        member(MARKETER, UUID.randomUUID(), "").statusCode(SC_NOT_FOUND).contentType(PROBLEM);
    }

    @Test
    @SendsInvalidRequests("malformed currencies, assumptions and forms, a memberId that is not a UUID")
    void badInputIsABadRequest() {
        String[] queries = {
            "?currency=US",
            "?currency=ABC",
            "?asOf=2026-02-30",
            "?asOf=2999-01-01",
            "?margin=1.5",
            "?margin=-0.1",
            "?margin=abc",
            "?retentionYears=0",
            "?retentionYears=101",
            "?acquisitionCost=-1",
            "?retentionCostPerYear=1e3"
        };
        for (String q : queries) {
            cohorts(MARKETER, q).statusCode(SC_BAD_REQUEST).contentType(PROBLEM);
            member(MARKETER, A, q).statusCode(SC_BAD_REQUEST).contentType(PROBLEM);
        }
        cohorts(MARKETER, "?form=lifetime")
                .statusCode(SC_BAD_REQUEST)
                .body("violations[0].message", equalTo("must be order-frequency, annual-revenue or historical"));
        member(MARKETER, "not-a-uuid", "")
                .statusCode(SC_BAD_REQUEST)
                .contentType(PROBLEM)
                .body("violations[0].message", equalTo("must be a UUID"));
    }

    @Test
    void onlyMarketersAndAdmins() {
        cohorts(TestTokens.newMember(), "").statusCode(SC_FORBIDDEN);
        cohorts(TestTokens.token("staff-1", "staff"), "").statusCode(SC_FORBIDDEN);
        // a member may not read even their own lifetime value here
        member(TestTokens.token(A.toString(), "member"), A, "").statusCode(SC_FORBIDDEN);
        given().when().get(LTV).then().statusCode(SC_UNAUTHORIZED).contentType(PROBLEM);
        given().when().get(MEMBER_LTV, A).then().statusCode(SC_UNAUTHORIZED).contentType(PROBLEM);
    }

    @Test
    void theActivityEndpointBesideItStillAnswers() {
        // MemberLtvResource shares /api/metrics/members with MemberActivityResource
        given().auth()
                .oauth2(MARKETER)
                .when()
                .get("/api/metrics/members/{id}/activity", UUID.randomUUID())
                .then()
                .statusCode(SC_NOT_FOUND)
                .body("type", equalTo("https://loyalty.example.com/problems/unknown-member"));
    }
}
