package com.example.loyalty.points.rest;

import static com.example.loyalty.points.rest.ActionRuleResourceTest.change;
import static com.example.loyalty.points.rest.ActionRuleResourceTest.restore;
import static com.example.loyalty.points.rest.PointsApi.ADMIN;
import static com.example.loyalty.points.rest.PointsApi.STAFF;
import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_BAD_REQUEST;
import static org.apache.http.HttpStatus.SC_CONFLICT;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_UNPROCESSABLE_ENTITY;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.example.loyalty.points.service.BirthdayJob;
import com.example.loyalty.testing.Concurrently;
import com.example.loyalty.testing.TestTokens;
import com.example.loyalty.testing.contract.ContractValidation;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Birthdays and referrals on the real database: the birthday once a year (29 February on 28 February in other years),
 * set once by the member; both members of a referral earn once, on the new member's first purchase only, also when two
 * first purchases race. The BIRTHDAY and REFERRAL rules start off; each test turns them on and off again.
 */
@QuarkusTest
class BirthdayReferralTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Inject
    BirthdayJob job;

    @BeforeEach
    void turnOn() {
        change(PointsApi.MARKETER, "BIRTHDAY", Map.of("points", 100)).statusCode(SC_OK);
        change(PointsApi.MARKETER, "REFERRAL_REFERRER", Map.of("points", 200)).statusCode(SC_OK);
        change(PointsApi.MARKETER, "REFERRAL_NEW_MEMBER", Map.of("points", 150)).statusCode(SC_OK);
    }

    @AfterEach
    void turnOff() {
        restore("BIRTHDAY", 0, null, null);
        restore("REFERRAL_REFERRER", 0, null, null);
        restore("REFERRAL_NEW_MEMBER", 0, null, null);
    }

    // --- birthdays

    @Test
    void aBirthdayEarnsOnceAYear() {
        PointsApi.Enrolled m = PointsApi.enrolNewMember();
        LocalDate today = LocalDate.now(TOKYO);
        LocalDate birthday = today.withYear(1990);
        setBirthday(m.token(), birthday).statusCode(SC_OK).body("birthday", equalTo(birthday.toString()));
        assertEquals(birthday.toString(), PointsApi.me(m).getString("birthday"));

        Instant now = Instant.now();
        job.run(now);
        job.run(now); // a second run the same day credits nobody twice
        assertEquals(100, PointsApi.balance(m));
        JsonPath ledger = PointsApi.ledger(m);
        assertEquals(1, ledger.getInt("total"));
        assertEquals("BIRTHDAY", ledger.getString("items[0].referenceType"));
        assertEquals(String.valueOf(today.getYear()), ledger.getString("items[0].referenceId"));
        assertEquals("birthday", ledger.getString("items[0].reason"));

        // the same day next year: again
        Instant nextYear = today.plusYears(1).atTime(12, 0).atZone(TOKYO).toInstant();
        job.run(nextYear);
        job.run(nextYear);
        assertEquals(200, PointsApi.balance(m));
    }

    @Test
    void aLeapDayBirthdayEarnsOnTheTwentyEighthInOtherYears() {
        PointsApi.Enrolled m = PointsApi.enrolNewMember();
        setBirthday(m.token(), LocalDate.of(2000, 2, 29)).statusCode(SC_OK);
        job.run(noon(LocalDate.of(2027, 2, 28)));
        assertEquals(100, PointsApi.balance(m));
        job.run(noon(LocalDate.of(2027, 3, 1)));
        job.run(noon(LocalDate.of(2028, 2, 28))); // 2028 has a 29th
        assertEquals(100, PointsApi.balance(m));
        job.run(noon(LocalDate.of(2028, 2, 29)));
        assertEquals(200, PointsApi.balance(m));
    }

    @Test
    void aMemberSetsTheBirthdayOnceAndStaffCorrectItAudited() throws Exception {
        PointsApi.Enrolled m = PointsApi.enrolNewMember();
        setBirthday(m.token(), LocalDate.now(TOKYO).plusDays(1)).statusCode(SC_UNPROCESSABLE_ENTITY);
        setBirthday(m.token(), LocalDate.of(1899, 12, 31)).statusCode(SC_UNPROCESSABLE_ENTITY);
        // a day that does not exist, which the document's date format forbids as well
        ContractValidation.withoutRequestChecks(() -> given().auth()
                .oauth2(m.token())
                .contentType(ContentType.JSON)
                .body(Map.of("birthday", "1990-02-30"))
                .when()
                .put("/api/points/members/me/birthday")
                .then()
                .statusCode(SC_BAD_REQUEST));
        setBirthday(m.token(), LocalDate.of(1985, 6, 1)).statusCode(SC_OK);
        setBirthday(m.token(), LocalDate.of(1985, 6, 1)).statusCode(SC_OK); // the same again
        setBirthday(m.token(), LocalDate.of(1985, 7, 1)).statusCode(SC_CONFLICT);
        assertEquals("1985-06-01", PointsApi.me(m).getString("birthday"));

        // a member may not use the staff endpoint; staff need a reason
        staffBirthday(m.token(), m.id(), Map.of("birthday", "1985-07-01", "reason", "typo"))
                .statusCode(SC_FORBIDDEN);
        // without the reason the document requires
        ContractValidation.withoutRequestChecks(() ->
                staffBirthday(STAFF, m.id(), Map.of("birthday", "1985-07-01")).statusCode(SC_BAD_REQUEST));
        staffBirthday(STAFF, m.id(), Map.of("birthday", "1985-07-01", "reason", "typo at enrolment"))
                .statusCode(SC_OK)
                .body("birthday", equalTo("1985-07-01"));
        staffBirthday(STAFF, UUID.randomUUID().toString(), Map.of("birthday", "1985-07-01", "reason", "x"))
                .statusCode(SC_NOT_FOUND);
        JsonPath audit = given().auth()
                .oauth2(ADMIN)
                .queryParam("action", "BIRTHDAY_CHANGED")
                .queryParam("target", m.id())
                .when()
                .get("/api/points/audit")
                .then()
                .statusCode(SC_OK)
                .extract()
                .jsonPath();
        assertEquals(1, audit.getList("items").size());
        assertEquals("1985-06-01", audit.getString("items[0].before.birthday"));
        assertEquals("1985-07-01", audit.getString("items[0].after.birthday"));
        assertEquals("typo at enrolment", audit.getString("items[0].reason"));
    }

    @Test
    void erasureClearsTheBirthday() {
        PointsApi.Enrolled m = PointsApi.enrolNewMember();
        setBirthday(m.token(), LocalDate.of(1970, 1, 1)).statusCode(SC_OK);
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .when()
                .post("/api/points/members/{id}/erasure", m.id())
                .then()
                .statusCode(SC_OK);
        JsonPath export = given().auth()
                .oauth2(ADMIN)
                .when()
                .get("/api/points/members/{id}/export", m.id())
                .then()
                .statusCode(SC_OK)
                .extract()
                .jsonPath();
        assertNull(export.get("tables.member[0].birthday"));
        assertNotNull(export.get("tables.member[0].erased_at"));
    }

    @Test
    void theAdminRunsTheBirthdayJobAndOthersMayNot() {
        given().auth()
                .oauth2(STAFF)
                .when()
                .post("/api/points/admin/birthdays/run")
                .then()
                .statusCode(SC_FORBIDDEN);
        PointsApi.Enrolled m = PointsApi.enrolNewMember();
        setBirthday(m.token(), LocalDate.now(TOKYO).withYear(2001)).statusCode(SC_OK);
        given().auth()
                .oauth2(ADMIN)
                .when()
                .post("/api/points/admin/birthdays/run")
                .then()
                .statusCode(SC_OK)
                .body("day", equalTo(LocalDate.now(TOKYO).toString()));
        assertEquals(100, PointsApi.balance(m));
    }

    // --- referrals

    @Test
    void bothMembersEarnOnTheFirstPurchaseOnly() {
        PointsApi.Enrolled referrer = PointsApi.enrolNewMember();
        String code = referral(referrer).getString("code");
        assertEquals(code, referral(referrer).getString("code"), "always the same code");

        PointsApi.Enrolled referred = enrolWith(TestTokens.newMember(), Map.of("referralCode", code.toLowerCase()))
                .statusCode(SC_CREATED);
        assertEquals(1, referral(referrer).getLong("referred"));
        assertEquals(0, referral(referrer).getLong("firstPurchases"));

        PointsApi.purchase("ref-1-" + UUID.randomUUID(), referred.cardCode(), 1000)
                .statusCode(SC_CREATED);
        assertEquals(10 + 150, PointsApi.balance(referred));
        assertEquals(200, PointsApi.balance(referrer));
        JsonPath ledger = PointsApi.ledger(referrer);
        assertEquals("REFERRAL", ledger.getString("items[0].referenceType"));
        assertEquals(referred.id(), ledger.getString("items[0].referenceId"));

        PointsApi.purchase("ref-2-" + UUID.randomUUID(), referred.cardCode(), 1000)
                .statusCode(SC_CREATED);
        assertEquals(20 + 150, PointsApi.balance(referred), "the second purchase earns no referral");
        assertEquals(200, PointsApi.balance(referrer));
        assertEquals(1, referral(referrer).getLong("firstPurchases"));
    }

    @Test
    void twoFirstPurchasesAtOnceEarnOneReferral() throws Exception {
        PointsApi.Enrolled referrer = PointsApi.enrolNewMember();
        String code = referral(referrer).getString("code");
        PointsApi.Enrolled referred =
                enrolWith(TestTokens.newMember(), Map.of("referralCode", code)).statusCode(SC_CREATED);
        List<Callable<Integer>> purchases = List.of(
                () -> PointsApi.purchase("race-a-" + UUID.randomUUID(), referred.cardCode(), 1000)
                        .extract()
                        .statusCode(),
                () -> PointsApi.purchase("race-b-" + UUID.randomUUID(), referred.cardCode(), 1000)
                        .extract()
                        .statusCode(),
                () -> PointsApi.purchase("race-c-" + UUID.randomUUID(), referred.cardCode(), 1000)
                        .extract()
                        .statusCode());
        assertEquals(List.of(SC_CREATED, SC_CREATED, SC_CREATED), Concurrently.run(purchases));
        assertEquals(30 + 150, PointsApi.balance(referred));
        assertEquals(200, PointsApi.balance(referrer));
    }

    @Test
    void selfReferralUnknownCodesAndEnrolledMembersAreRefused() {
        PointsApi.Enrolled referrer = PointsApi.enrolNewMember();
        String code = referral(referrer).getString("code");

        // the referrer with their own code: 422
        enrolWith(referrer.token(), Map.of("referralCode", code))
                .response()
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .body("type", equalTo("https://loyalty.example.com/problems/self-referral"));

        // an unknown code: 422, and nobody is enrolled
        String stranger = TestTokens.newMember();
        given().auth()
                .oauth2(stranger)
                .contentType(ContentType.JSON)
                .body(Map.of("referralCode", "ZZZZ9999"))
                .when()
                .post("/api/points/members/me")
                .then()
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .body("type", equalTo("https://loyalty.example.com/problems/unknown-referral-code"));
        given().auth()
                .oauth2(stranger)
                .when()
                .get("/api/points/members/me")
                .then()
                .statusCode(SC_NOT_FOUND);
        // a malformed one: 400
        given().auth()
                .oauth2(stranger)
                .contentType(ContentType.JSON)
                .body(Map.of("referralCode", "no such code!"))
                .when()
                .post("/api/points/members/me")
                .then()
                .statusCode(SC_BAD_REQUEST);

        // a member enrolled already cannot be referred: 409; the retry of a referred enrolment is fine
        PointsApi.Enrolled other = PointsApi.enrolNewMember();
        enrolWith(other.token(), Map.of("referralCode", code)).statusCode(SC_CONFLICT);
        String newcomer = TestTokens.newMember();
        given().auth()
                .oauth2(newcomer)
                .queryParam("referralCode", code)
                .contentType(ContentType.JSON)
                .when()
                .post("/api/points/members/me")
                .then()
                .statusCode(SC_CREATED);
        given().auth()
                .oauth2(newcomer)
                .queryParam("referralCode", code)
                .contentType(ContentType.JSON)
                .when()
                .post("/api/points/members/me")
                .then()
                .statusCode(SC_OK);
        assertEquals(1, referral(referrer).getLong("referred"));
        given().auth()
                .oauth2(STAFF)
                .when()
                .get("/api/points/members/me/referral")
                .then()
                .statusCode(SC_FORBIDDEN);
    }

    // --- helpers

    private static Instant noon(LocalDate day) {
        return day.atTime(12, 0).atZone(TOKYO).toInstant();
    }

    private static ValidatableResponse setBirthday(String token, LocalDate birthday) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("birthday", birthday.toString()))
                .when()
                .put("/api/points/members/me/birthday")
                .then();
    }

    private static ValidatableResponse staffBirthday(String token, String memberId, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .put("/api/points/members/{id}/birthday", memberId)
                .then();
    }

    private static JsonPath referral(PointsApi.Enrolled member) {
        return given().auth()
                .oauth2(member.token())
                .when()
                .get("/api/points/members/me/referral")
                .then()
                .statusCode(SC_OK)
                .body("referred", org.hamcrest.Matchers.notNullValue())
                .extract()
                .jsonPath();
    }

    /** Enrols the holder of {@code token} with the body; the response. */
    private static EnrolCall enrolWith(String token, Map<String, Object> body) {
        return new EnrolCall(
                token,
                given().auth()
                        .oauth2(token)
                        .contentType(ContentType.JSON)
                        .body(body)
                        .when()
                        .post("/api/points/members/me")
                        .then());
    }

    /** An enrolment call; {@link #statusCode} checks it and gives the member. */
    private record EnrolCall(String token, ValidatableResponse response) {
        PointsApi.Enrolled statusCode(int status) {
            JsonPath body = response.statusCode(status).extract().jsonPath();
            return new PointsApi.Enrolled(token, body.getString("id"), body.getString("cardCode"));
        }
    }
}
