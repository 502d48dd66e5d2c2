package com.example.loyalty.points.rest;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_BAD_REQUEST;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_UNAUTHORIZED;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.loyalty.common.web.Paging;
import com.example.loyalty.testing.Concurrently;
import com.example.loyalty.testing.TestTokens;
import com.example.loyalty.testing.contract.ContractValidation;
import com.example.loyalty.testing.contract.SendsInvalidRequests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MemberResourceTest {

    @Test
    void enrolmentIsIdempotentAndStartsAtZero() {
        String token = TestTokens.newMember();
        String id = given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body("{\"displayName\":\"Hana\"}")
                .when()
                .post("/api/points/members/me")
                .then()
                .statusCode(SC_CREATED)
                .body("balance", equalTo(0))
                .body("tier", equalTo("REGULAR"))
                .body("tierName", equalTo("Regular"))
                .body("cardCode", matchesPattern("88\\d{14}"))
                .body("displayName", equalTo("Hana"))
                .extract()
                .path("id");

        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .when()
                .post("/api/points/members/me")
                .then()
                .statusCode(SC_OK)
                .body("id", equalTo(id));

        given().auth()
                .oauth2(token)
                .when()
                .get("/api/points/members/me")
                .then()
                .statusCode(SC_OK)
                .body("id", equalTo(id))
                .body("balance", equalTo(0))
                .body("rollingSpend", equalTo(0))
                .body("windowMonths", equalTo(12))
                .body("nextTier.tier", equalTo("SILVER"))
                .body("nextTier.spendNeeded", equalTo(30000));
    }

    @Test
    void concurrentEnrolmentsCreateOneMember() throws Exception {
        String token = TestTokens.newMember();
        Callable<String> enrol = () -> given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .when()
                .post("/api/points/members/me")
                .then()
                .extract()
                .path("id");
        List<String> ids = Concurrently.run(
                        IntStream.range(0, 8).mapToObj(i -> enrol).toList())
                .stream()
                .distinct()
                .toList();
        assertEquals(1, ids.size(), "all enrolments answer the same member: " + ids);
    }

    @Test
    void notEnrolledIsNotFound() {
        given().auth()
                .oauth2(TestTokens.newMember())
                .when()
                .get("/api/points/members/me")
                .then()
                .statusCode(SC_NOT_FOUND)
                .contentType("application/problem+json")
                .body("status", equalTo(SC_NOT_FOUND))
                .body("detail", notNullValue());
    }

    @Test
    void noTokenIs401() throws Exception {
        given().when().get("/api/points/members/me").then().statusCode(SC_UNAUTHORIZED);
        // an empty purchase, which the document forbids: the missing token is answered before the body is read
        ContractValidation.withoutRequestChecks(() -> given().contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/points/purchases")
                .then()
                .statusCode(SC_UNAUTHORIZED)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer"));
        given().auth()
                .oauth2("not-a-token")
                .when()
                .get("/api/points/members/me")
                .then()
                .statusCode(SC_UNAUTHORIZED);
        given().when().get("/api/points/tiers").then().statusCode(SC_UNAUTHORIZED);
    }

    @Test
    void staffFindsTheMemberAtTheTill() {
        String email = PointsApi.newEmail();
        var member = PointsApi.enrol(PointsApi.verifiedMemberToken(email, null));
        given().auth()
                .oauth2(PointsApi.STAFF)
                .queryParam("card", member.cardCode())
                .when()
                .get("/api/points/members")
                .then()
                .statusCode(SC_OK)
                .body("id", equalTo(member.id()))
                .body("balance", equalTo(0));

        given().auth()
                .oauth2(PointsApi.STAFF)
                .contentType(ContentType.JSON)
                .body(Map.of("email", email.toUpperCase()))
                .when()
                .post("/api/points/members/lookup")
                .then()
                .statusCode(SC_OK)
                .body("id", equalTo(member.id()))
                .body("emailVerified", equalTo(true));

        given().auth()
                .oauth2(PointsApi.STAFF)
                .queryParam("card", "8800000000000000")
                .when()
                .get("/api/points/members")
                .then()
                .statusCode(SC_NOT_FOUND)
                .contentType("application/problem+json");

        given().auth()
                .oauth2(PointsApi.STAFF)
                .when()
                .get("/api/points/members")
                .then()
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json");
    }

    /**
     * E-mail and phone are personal data: they are looked up in a POST body, never in a URL (which access logs, proxies
     * and browser histories keep). The query parameters of old are gone: a GET with them finds nobody, it is a 400.
     */
    @SendsInvalidRequests(
            "e-mail and phone as query parameters, which GET /members does not take; look-up bodies with neither, both or nothing")
    @Test
    void personalDataIsLookedUpInABodyNeverInTheUrl() {
        String email = PointsApi.newEmail();
        String phone = PointsApi.newPhone();
        var member = PointsApi.enrol(PointsApi.verifiedMemberToken(email, phone));
        for (Map<String, String> by : List.of(Map.of("email", email), Map.of("phone", phone))) {
            given().auth()
                    .oauth2(PointsApi.STAFF)
                    .contentType(ContentType.JSON)
                    .body(by)
                    .when()
                    .post("/api/points/members/lookup")
                    .then()
                    .statusCode(SC_OK)
                    .body("id", equalTo(member.id()));
            given().auth()
                    .oauth2(PointsApi.STAFF)
                    .queryParams(by)
                    .when()
                    .get("/api/points/members")
                    .then()
                    .statusCode(SC_BAD_REQUEST)
                    .contentType("application/problem+json")
                    .body("detail", equalTo("give exactly one of the query parameters card or externalId"));
        }
        for (String body : List.of("{}", "{\"email\":\"" + email + "\",\"phone\":\"" + phone + "\"}", "")) {
            given().auth()
                    .oauth2(PointsApi.STAFF)
                    .contentType(ContentType.JSON)
                    .body(body)
                    .when()
                    .post("/api/points/members/lookup")
                    .then()
                    .statusCode(SC_BAD_REQUEST)
                    .contentType("application/problem+json")
                    .body("detail", equalTo("give exactly one of email or phone"));
        }
        given().auth()
                .oauth2(PointsApi.enrolNewMember().token())
                .contentType(ContentType.JSON)
                .body(Map.of("email", email))
                .when()
                .post("/api/points/members/lookup")
                .then()
                .statusCode(SC_FORBIDDEN);
        given().contentType(ContentType.JSON)
                .body(Map.of("email", email))
                .when()
                .post("/api/points/members/lookup")
                .then()
                .statusCode(SC_UNAUTHORIZED);
    }

    @Test
    void aMemberCannotLookUpOrReadOthers() {
        var alice = PointsApi.enrolNewMember();
        var bob = PointsApi.enrolNewMember();
        given().auth()
                .oauth2(bob.token())
                .queryParam("card", alice.cardCode())
                .when()
                .get("/api/points/members")
                .then()
                .statusCode(SC_FORBIDDEN);
        given().auth()
                .oauth2(bob.token())
                .when()
                .get("/api/points/members/" + alice.id())
                .then()
                .statusCode(SC_FORBIDDEN);
        given().auth()
                .oauth2(bob.token())
                .when()
                .get("/api/points/members/" + alice.id() + "/ledger")
                .then()
                .statusCode(SC_FORBIDDEN);
        // bob's own view is bob's
        given().auth()
                .oauth2(bob.token())
                .when()
                .get("/api/points/members/me")
                .then()
                .statusCode(SC_OK)
                .body("id", equalTo(bob.id()));
    }

    @Test
    void ledgerIsPagedNewestFirst() throws Exception {
        var member = PointsApi.enrolNewMember();
        for (int i = 1; i <= 3; i++) {
            PointsApi.purchase("ledger-" + UUID.randomUUID(), member.cardCode(), i * 1000L)
                    .statusCode(SC_CREATED);
        }
        given().auth()
                .oauth2(member.token())
                .queryParam("size", 2)
                .when()
                .get("/api/points/members/me/ledger")
                .then()
                .statusCode(SC_OK)
                .body("total", equalTo(3))
                .body("items", hasSize(2))
                .body("items[0].points", equalTo(30))
                .body("items[0].kind", equalTo("EARN"))
                .body("items[0].balanceAfter", equalTo(60))
                .body("items[1].points", equalTo(20));
        // a page size of 0, below the document's minimum of 1
        ContractValidation.withoutRequestChecks(() -> given().auth()
                .oauth2(member.token())
                .queryParam("size", 0)
                .when()
                .get("/api/points/members/me/ledger")
                .then()
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json"));
        given().auth()
                .oauth2(PointsApi.STAFF)
                .when()
                .get("/api/points/members/" + member.id() + "/ledger")
                .then()
                .statusCode(SC_OK)
                .body("total", equalTo(3))
                .body("items[2].reason", notNullValue());
        given().auth()
                .oauth2(PointsApi.STAFF)
                .when()
                .get("/api/points/members/" + member.id())
                .then()
                .statusCode(SC_OK)
                .body("nextTier", notNullValue())
                .body("phone", nullValue());
    }

    @SendsInvalidRequests("page numbers beyond the bound of 100000")
    @Test
    void pagesBeyondTheBoundAreA400NamingThePage() {
        var member = PointsApi.enrolNewMember();
        // 107374183 × 20 overflowed an int: the row offset went negative and the ledger answered 500
        for (String path :
                new String[] {"/api/points/members/me/ledger", "/api/points/members/" + member.id() + "/ledger"}) {
            given().auth()
                    .oauth2(path.contains("/me/") ? member.token() : PointsApi.STAFF)
                    .queryParam("page", 107_374_183)
                    .queryParam("size", 20)
                    .when()
                    .get(path)
                    .then()
                    .statusCode(SC_BAD_REQUEST)
                    .contentType("application/problem+json")
                    .body("violations[0].field", equalTo("page"))
                    .body("violations[0].in", equalTo("query"));
        }
        // the last page allowed is an empty page, not an error
        given().auth()
                .oauth2(member.token())
                .queryParam("page", Paging.MAX_PAGE)
                .queryParam("size", 200)
                .when()
                .get("/api/points/members/me/ledger")
                .then()
                .statusCode(SC_OK)
                .body("items", hasSize(0));
    }

    @SendsInvalidRequests("a NUL in an email parameter GET /members does not take, a lone surrogate in card")
    @Test
    void nulAndBrokenUtf8InTheUrlAreA400() {
        given().auth()
                .oauth2(PointsApi.STAFF)
                .urlEncodingEnabled(false)
                .when()
                .get("/api/points/members?email=member%00@example.com")
                .then()
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json")
                .body("type", equalTo("https://loyalty.example.com/problems/invalid-text"))
                .body("in", equalTo("query"))
                .body("parameter", equalTo("email"));
        given().auth()
                .oauth2(PointsApi.STAFF)
                .urlEncodingEnabled(false)
                .when()
                .get("/api/points/members?card=%ED%A0%80")
                .then()
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json")
                .body("parameter", equalTo("card"));
    }
}
