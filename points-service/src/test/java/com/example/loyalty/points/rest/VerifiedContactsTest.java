package com.example.loyalty.points.rest;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_CONFLICT;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_OK;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.loyalty.testing.Concurrently;
import com.example.loyalty.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Enrolment and the till's look-up by e-mail or phone cannot be hijacked: only what the identity provider vouches for
 * (the token's email_verified / phone_number_verified) is verified, only verified values are found, and a verified
 * value belongs to one member.
 */
@QuarkusTest
class VerifiedContactsTest {

    @Inject
    AgroalDataSource db;

    @Test
    void anImpostorsPhoneNeverFindsAnyone() {
        String phone = PointsApi.newPhone();
        // the impostor enrols first with the victim's number, in the body and even as an unverified claim
        String impostorToken = TestTokens.token(
                UUID.randomUUID().toString(), Map.of("phone_number", phone, "phone_number_verified", false), "member");
        String impostor = given().auth()
                .oauth2(impostorToken)
                .contentType(ContentType.JSON)
                .body(Map.of("phone", phone.replace(" ", "")))
                .when()
                .post("/api/points/members/me")
                .then()
                .statusCode(SC_CREATED)
                .body("phone", equalTo(phone.replace(" ", "")))
                .body("phoneVerified", equalTo(false))
                .extract()
                .path("id");
        var unknown = lookup("phone", PointsApi.newPhone());
        var unverifiedMatch = lookup("phone", phone);
        assertAnswersAsNoMatch(unknown, unverifiedMatch);

        // the owner of the number enrols with it verified: from now on the till finds the owner, never the impostor
        var owner = PointsApi.enrol(PointsApi.verifiedMemberToken(null, phone));
        for (String typed :
                List.of(phone, phone.replace(" ", ""), "0" + phone.substring(4), "０９０" + phone.substring(6))) {
            given().auth()
                    .oauth2(PointsApi.STAFF)
                    .contentType(ContentType.JSON)
                    .body(Map.of("phone", typed))
                    .when()
                    .post("/api/points/members/lookup")
                    .then()
                    .statusCode(SC_OK)
                    .body("id", equalTo(owner.id()))
                    .body("phoneVerified", equalTo(true));
        }
        // the impostor is still enrolled, their number unverified
        given().auth()
                .oauth2(impostorToken)
                .when()
                .get("/api/points/members/me")
                .then()
                .statusCode(SC_OK)
                .body("id", equalTo(impostor))
                .body("phoneVerified", equalTo(false));
    }

    @Test
    void anEmailGivenInTheBodyIsNotVerifiedAndNeverFound() {
        String victim = PointsApi.newEmail();
        // the token vouches for the impostor's own address, not for the one in the body
        String impostorToken = PointsApi.verifiedMemberToken(PointsApi.newEmail(), null);
        given().auth()
                .oauth2(impostorToken)
                .contentType(ContentType.JSON)
                .body(Map.of("email", victim))
                .when()
                .post("/api/points/members/me")
                .then()
                .statusCode(SC_CREATED)
                .body("email", equalTo(victim))
                .body("emailVerified", equalTo(false));
        assertAnswersAsNoMatch(lookup("email", PointsApi.newEmail()), lookup("email", victim));

        // the default test token carries an e-mail without email_verified: stored, unverified, not found
        var plain = PointsApi.enrolNewMember();
        String plainEmail = given().auth()
                .oauth2(plain.token())
                .when()
                .get("/api/points/members/me")
                .then()
                .statusCode(SC_OK)
                .body("emailVerified", equalTo(false))
                .extract()
                .path("email");
        lookup("email", plainEmail).statusCode(SC_NOT_FOUND);
    }

    @Test
    void theBodysValueIsVerifiedWhenItIsTheTokensVerifiedOne() {
        String email = PointsApi.newEmail();
        String phone = PointsApi.newPhone();
        String token = PointsApi.verifiedMemberToken(email, phone);
        String id = given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("email", email.toUpperCase(), "phone", "0" + phone.substring(4)))
                .when()
                .post("/api/points/members/me")
                .then()
                .statusCode(SC_CREATED)
                .body("emailVerified", equalTo(true))
                .body("phoneVerified", equalTo(true))
                .extract()
                .path("id");
        lookup("email", email).statusCode(SC_OK).body("id", equalTo(id));
        lookup("phone", phone).statusCode(SC_OK).body("id", equalTo(id));
    }

    @Test
    void aVerifiedValueBelongsToOneMember() {
        String email = PointsApi.newEmail();
        String phone = PointsApi.newPhone();
        var first = PointsApi.enrol(PointsApi.verifiedMemberToken(email, phone));

        given().auth()
                .oauth2(PointsApi.verifiedMemberToken(email.toUpperCase(), null))
                .contentType(ContentType.JSON)
                .when()
                .post("/api/points/members/me")
                .then()
                .statusCode(SC_CONFLICT)
                .contentType("application/problem+json")
                .body("type", equalTo("https://loyalty.example.com/problems/email-taken"));
        given().auth()
                .oauth2(PointsApi.verifiedMemberToken(null, "0" + phone.substring(4)))
                .contentType(ContentType.JSON)
                .when()
                .post("/api/points/members/me")
                .then()
                .statusCode(SC_CONFLICT)
                .contentType("application/problem+json")
                .body("type", equalTo("https://loyalty.example.com/problems/phone-taken"));
        // the first member is untouched and still found; the refused ones enrolled nobody
        lookup("email", email).statusCode(SC_OK).body("id", equalTo(first.id()));
        lookup("phone", phone).statusCode(SC_OK).body("id", equalTo(first.id()));
        assertEquals(
                1,
                membersWithPhoneKey("+81" + phone.substring(4).replace("-", "").replace(" ", "")));

        // the same values unverified are still anyone's to store
        given().auth()
                .oauth2(TestTokens.newMember())
                .contentType(ContentType.JSON)
                .body(Map.of("email", email, "phone", phone.replace(" ", "")))
                .when()
                .post("/api/points/members/me")
                .then()
                .statusCode(SC_CREATED)
                .body("emailVerified", equalTo(false))
                .body("phoneVerified", equalTo(false));
        lookup("phone", phone).statusCode(SC_OK).body("id", equalTo(first.id()));
    }

    @Test
    void membersRacingForOneVerifiedPhoneGetOneMemberAndConflicts() throws Exception {
        String phone = PointsApi.newPhone();
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            // each racer has their own login; the national and international forms are one number
            String token = PointsApi.verifiedMemberToken(null, i % 2 == 0 ? phone : "0" + phone.substring(4));
            calls.add(() -> given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .when()
                    .post("/api/points/members/me")
                    .then()
                    .extract()
                    .statusCode());
        }
        List<Integer> statuses = Concurrently.run(calls);
        assertEquals(1, statuses.stream().filter(s -> s == SC_CREATED).count(), "one enrols: " + statuses);
        assertEquals(7, statuses.stream().filter(s -> s == SC_CONFLICT).count(), "the others are 409: " + statuses);
        assertEquals(1, membersWithPhoneKey("+81" + phone.substring(4).replace("-", "")));
        lookup("phone", phone).statusCode(SC_OK);
    }

    @Test
    void oneMemberEnrollingConcurrentlyWithAVerifiedEmailIsStillOneMember() throws Exception {
        // several rounds: a call may find the member its twin committed a moment ago by the verified e-mail first,
        // and must answer that member (it is the same login), not a 409
        for (int round = 0; round < 5; round++) {
            String token = PointsApi.verifiedMemberToken(PointsApi.newEmail(), PointsApi.newPhone());
            Callable<String> enrol = () -> given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .when()
                    .post("/api/points/members/me")
                    .then()
                    .statusCode(
                            org.hamcrest.Matchers.either(equalTo(SC_CREATED)).or(equalTo(SC_OK)))
                    .extract()
                    .path("id");
            List<String> ids = Concurrently.run(
                            IntStream.range(0, 8).mapToObj(i -> enrol).toList())
                    .stream()
                    .distinct()
                    .toList();
            assertEquals(1, ids.size(), "all enrolments answer the same member: " + ids);
        }
    }

    @Test
    void aMemberWhoVerifiesLaterIsFoundAfterTheirNextEnrolmentCall() {
        String subject = UUID.randomUUID().toString();
        String email = PointsApi.newEmail();
        String phone = PointsApi.newPhone();
        var member = PointsApi.enrol(TestTokens.token(subject, Map.of("email", email), "member"));
        lookup("email", email).statusCode(SC_NOT_FOUND);

        String verified = TestTokens.token(
                subject,
                Map.of(
                        "email",
                        email,
                        "email_verified",
                        true,
                        // some mappers write the flag as text
                        "phone_number",
                        phone,
                        "phone_number_verified",
                        "true"),
                "member");
        given().auth()
                .oauth2(verified)
                .contentType(ContentType.JSON)
                .when()
                .post("/api/points/members/me")
                .then()
                .statusCode(SC_OK)
                .body("id", equalTo(member.id()))
                .body("email", equalTo(email))
                .body("emailVerified", equalTo(true))
                .body("phone", equalTo(phone))
                .body("phoneVerified", equalTo(true));
        lookup("email", email).statusCode(SC_OK).body("id", equalTo(member.id()));
        lookup("phone", phone).statusCode(SC_OK).body("id", equalTo(member.id()));

        // someone else's verified address is a 409 for an enrolled member too, and changes nothing
        String taken = PointsApi.newEmail();
        PointsApi.enrol(PointsApi.verifiedMemberToken(taken, null));
        given().auth()
                .oauth2(TestTokens.token(subject, Map.of("email", taken, "email_verified", true), "member"))
                .contentType(ContentType.JSON)
                .when()
                .post("/api/points/members/me")
                .then()
                .statusCode(SC_CONFLICT)
                .body("type", equalTo("https://loyalty.example.com/problems/email-taken"));
        given().auth()
                .oauth2(verified)
                .when()
                .get("/api/points/members/me")
                .then()
                .statusCode(SC_OK)
                .body("email", equalTo(email));
    }

    private static io.restassured.response.ValidatableResponse lookup(String by, String value) {
        return given().auth()
                .oauth2(PointsApi.STAFF)
                .contentType(ContentType.JSON)
                .body(Map.of(by, value))
                .when()
                .post("/api/points/members/lookup")
                .then();
    }

    /** The answer to an unverified match is the answer to no match: status, type, headers that matter and body. */
    private static void assertAnswersAsNoMatch(
            io.restassured.response.ValidatableResponse noMatch,
            io.restassured.response.ValidatableResponse unverified) {
        ExtractableResponse<Response> a = noMatch.statusCode(SC_NOT_FOUND).extract();
        ExtractableResponse<Response> b = unverified.statusCode(SC_NOT_FOUND).extract();
        assertEquals(a.contentType(), b.contentType());
        assertEquals(a.body().asString(), b.body().asString());
    }

    private int membersWithPhoneKey(String key) {
        try (Connection c = db.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("select count(*) from member where phone_key = ? and phone_verified")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
