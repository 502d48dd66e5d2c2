package com.example.loyalty.points.rest;

import static com.example.loyalty.points.rest.MemberMergeTest.ADMIN;
import static com.example.loyalty.points.rest.MemberMergeTest.merge;
import static com.example.loyalty.points.rest.MemberMergeTest.redeem;
import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_BAD_REQUEST;
import static org.apache.http.HttpStatus.SC_CONFLICT;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_OK;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.MemberErased;
import com.example.loyalty.events.Topics;
import com.example.loyalty.points.PointsDb;
import com.example.loyalty.testing.TestKafka;
import com.example.loyalty.testing.TestTokens;
import com.example.loyalty.testing.contract.ContractValidation;
import com.example.loyalty.testing.contract.SendsInvalidRequests;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A member's data export and the erasure of their personal data. */
@QuarkusTest
class MemberDataTest {

    @Inject
    AgroalDataSource dataSource;

    /** A member enrolled with a name, an e-mail (from the token) and a phone. */
    record Person(String token, String subject, String id, String cardCode, String email, String phone) {}

    static Person enrol(String name) {
        String subject = UUID.randomUUID().toString();
        String token = TestTokens.token(subject, "member");
        String phone = "+81 90 " + (1000_0000 + (int) (Math.random() * 9000_0000));
        var body = given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("displayName", name, "phone", phone))
                .when()
                .post("/api/points/members/me")
                .then()
                .statusCode(SC_CREATED)
                .extract()
                .jsonPath();
        return new Person(
                token, subject, body.getString("id"), body.getString("cardCode"), body.getString("email"), phone);
    }

    @Test
    void theExportHoldsEverythingAboutThePersonAndIsAudited() throws Exception {
        PointsDb db = new PointsDb(dataSource);
        Person a = enrol("Aiko");
        Person b = enrol("Aiko (old card)");
        String txA = "x-a-" + UUID.randomUUID();
        PointsApi.purchase(txA, a.cardCode(), 12_000).statusCode(SC_CREATED);
        PointsApi.purchase("x-b-" + UUID.randomUUID(), b.cardCode(), 8_000).statusCode(SC_CREATED);
        redeem(b.token(), "x-redeem", 30).statusCode(SC_CREATED);
        merge(a.id(), Map.of("mergedMemberId", b.id())).statusCode(SC_OK);

        export(ADMIN, b.id()) // a merged member's id stands for the survivor: the whole person
                .statusCode(SC_OK)
                .body("memberId", equalTo(a.id()))
                .body("memberIds", contains(a.id(), b.id()))
                .body("exportedAt", notNullValue())
                .body("tables.member", hasSize(2))
                .body("tables.member.id", contains(a.id(), b.id()))
                .body("tables.member[0].display_name", equalTo("Aiko"))
                .body("tables.member[0].email", equalTo(a.email()))
                .body("tables.member[0].phone", equalTo(a.phone()))
                .body("tables.member[1].merged_into", equalTo(a.id()))
                // EARN a, EARN b, REDEEM b, MERGE pair
                .body("tables.ledger_entry", hasSize(5))
                .body("tables.ledger_entry.kind", contains("EARN", "EARN", "REDEEM", "MERGE", "MERGE"))
                .body("tables.purchase", hasSize(2))
                .body("tables.purchase.transaction_id", hasItem(txA))
                .body("tables.redemption", hasSize(1))
                .body("tables.redemption[0].idempotency_key", equalTo("x-redeem"))
                .body("tables.point_lot", notNullValue())
                .body("tables.purchase_return", hasSize(0))
                .body("tables.survey_award", hasSize(0))
                .body("tables.community_award", hasSize(0))
                .body("tables.lot_consumption", notNullValue())
                .body("tables.audit_entry.action", contains("MEMBERS_MERGED"))
                // the messaging module's tables are plumbing, not the member's data
                .body("tables.outbox_event", nullValue());

        assertEquals(
                1,
                db.number(
                        "select count(*) from audit_entry where action = 'MEMBER_EXPORTED' and target_id = ? "
                                + "and (after -> 'rows' ->> 'ledger_entry')::int = 5 and after -> 'memberIds' ->> 1 = ?",
                        a.id(),
                        b.id()));
        // the audit log keeps who exported what, never the data
        assertFalse(db.string(
                        "select after::text from audit_entry where action = 'MEMBER_EXPORTED' and target_id = ?",
                        a.id())
                .contains(a.email()));

        export(PointsApi.STAFF, a.id()).statusCode(SC_FORBIDDEN);
        export(a.token(), a.id()).statusCode(SC_FORBIDDEN);
        export(ADMIN, UUID.randomUUID().toString()).statusCode(SC_NOT_FOUND).contentType("application/problem+json");
        // an id that is not a UUID, which the document's path parameter forbids
        ContractValidation.withoutRequestChecks(
                () -> export(ADMIN, "not-a-uuid").statusCode(SC_NOT_FOUND));
    }

    @Test
    void erasureReplacesPersonalDataByTombstonesAndKeepsTheAccounts() {
        PointsDb db = new PointsDb(dataSource);
        Person a = enrol("Bunta");
        Person b = enrol("Bunta B");
        PointsApi.purchase("e-a-" + UUID.randomUUID(), a.cardCode(), 20_000).statusCode(SC_CREATED);
        PointsApi.purchase("e-b-" + UUID.randomUUID(), b.cardCode(), 10_000).statusCode(SC_CREATED);
        // a redemption the merged member made themselves names their login
        redeem(b.token(), "e-redeem", 40).statusCode(SC_CREATED);
        merge(a.id(), Map.of("mergedMemberId", b.id())).statusCode(SC_OK);
        long balance = db.balance(a.id());
        assertEquals(200 + 100 - 40, balance);

        erase(ADMIN, a.id(), "{\"reason\":\"member's request of 1 May\"}")
                .statusCode(SC_OK)
                .body("memberId", equalTo(a.id()))
                .body("memberIds", contains(a.id(), b.id()))
                .body("erasedAt", notNullValue())
                .body("replayed", equalTo(false));

        // the tombstones, on both rows of the person
        for (String id : List.of(a.id(), b.id())) {
            assertEquals(
                    List.of("true"),
                    db.strings(
                            "select (subject is null and display_name is null and email is null and phone is null "
                                    + "and external_id is null and erased_at is not null)::text from member where id = ?",
                            UUID.fromString(id)));
        }
        assertEquals(
                "erased",
                db.string(
                        "select created_by from redemption where idempotency_key = 'e-redeem' and member_id = ?",
                        UUID.fromString(a.id())));
        assertEquals(
                0, db.number("select count(*) from redemption where created_by in (?, ?)", a.subject(), b.subject()));
        // the accounts stay: balance, ledger, purchases
        assertEquals(balance, db.balance(a.id()));
        assertEquals(balance, db.ledgerSum(a.id()));
        assertEquals(2, db.number("select count(*) from purchase where member_id = ?", UUID.fromString(a.id())));

        // no login reaches the membership, no look-up finds it
        for (Person p : List.of(a, b)) {
            given().auth()
                    .oauth2(p.token())
                    .when()
                    .get("/api/points/members/me")
                    .then()
                    .statusCode(SC_NOT_FOUND);
            given().auth()
                    .oauth2(PointsApi.STAFF)
                    .queryParam("card", p.cardCode())
                    .when()
                    .get("/api/points/members")
                    .then()
                    .statusCode(SC_NOT_FOUND);
            for (Map.Entry<String, String> q :
                    Map.of("email", p.email(), "phone", p.phone()).entrySet()) {
                given().auth()
                        .oauth2(PointsApi.STAFF)
                        .contentType(ContentType.JSON)
                        .body(Map.of(q.getKey(), q.getValue()))
                        .when()
                        .post("/api/points/members/lookup")
                        .then()
                        .statusCode(SC_NOT_FOUND);
            }
            given().auth()
                    .oauth2(PointsApi.STAFF)
                    .when()
                    .get("/api/points/members/" + p.id())
                    .then()
                    .statusCode(SC_NOT_FOUND);
            PointsApi.purchase("e-after-" + UUID.randomUUID(), p.cardCode(), 1_000)
                    .statusCode(SC_NOT_FOUND);
            redeem(p.token(), "e-after", 1).statusCode(SC_NOT_FOUND);
        }
        assertEquals(balance, db.balance(a.id()));
        // the ledger is still there for accounting
        given().auth()
                .oauth2(ADMIN)
                .when()
                .get("/api/points/members/" + a.id() + "/ledger")
                .then()
                .statusCode(SC_OK)
                .body("total", equalTo(5));

        // one MemberErased per member row, each keyed by its id
        Set<String> ids = Set.of(a.id(), b.id());
        List<ConsumerRecord<String, String>> events = TestKafka.read(
                Topics.MEMBER_EVENTS,
                r -> ids.contains(r.key())
                        && EventTypes.MEMBER_ERASED.equals(
                                EventJson.read(r.value()).type()),
                2,
                Duration.ofSeconds(20));
        assertEquals(ids, Set.copyOf(events.stream().map(ConsumerRecord::key).toList()));
        EventJson.payload(EventJson.read(events.get(0).value()), MemberErased.class);

        // the audit entry names the fields, never their values
        String audit = db.string(
                "select after::text from audit_entry where action = 'MEMBER_ERASED' and target_id = ?", a.id());
        for (String field : List.of("subject", "displayName", "email", "phone")) {
            assertEquals(true, audit.contains("\"" + field + "\""), field + " in " + audit);
        }
        for (String value : List.of(a.email(), a.phone(), a.subject(), b.subject(), "Bunta")) {
            assertFalse(audit.contains(value), value + " in " + audit);
        }

        // idempotent: again, the same answer and nothing more
        erase(ADMIN, a.id(), null).statusCode(SC_OK).body("replayed", equalTo(true));
        assertEquals(
                1,
                db.number("select count(*) from audit_entry where action = 'MEMBER_ERASED' and target_id = ?", a.id()));

        // what is left can still be exported
        export(ADMIN, a.id())
                .statusCode(SC_OK)
                .body("tables.member.email", everyItem(nullValue()))
                .body("tables.member.subject", everyItem(nullValue()));

        // the login may enrol again: a new membership, not the old one
        String newId = given().auth()
                .oauth2(a.token())
                .contentType(ContentType.JSON)
                .when()
                .post("/api/points/members/me")
                .then()
                .statusCode(SC_CREATED)
                .body("balance", equalTo(0))
                .extract()
                .path("id");
        assertNotEquals(a.id(), newId);
    }

    @SendsInvalidRequests("a reason of 501 characters, malformed JSON")
    @Test
    void erasureRefusals() {
        Person a = enrol("Chie");
        Person b = enrol("Chie B");
        merge(a.id(), Map.of("mergedMemberId", b.id())).statusCode(SC_OK);
        erase(ADMIN, b.id(), null)
                .statusCode(SC_CONFLICT)
                .contentType("application/problem+json")
                .body("type", equalTo("https://loyalty.example.com/problems/member-merged"));
        erase(ADMIN, UUID.randomUUID().toString(), null).statusCode(SC_NOT_FOUND);
        erase(PointsApi.STAFF, a.id(), null).statusCode(SC_FORBIDDEN);
        erase(a.token(), a.id(), null).statusCode(SC_FORBIDDEN);
        erase(ADMIN, a.id(), "{\"reason\":\"" + "x".repeat(501) + "\"}")
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json");
        erase(ADMIN, a.id(), "{not json").statusCode(SC_BAD_REQUEST);
        // nothing was erased by the refusals
        given().auth()
                .oauth2(a.token())
                .when()
                .get("/api/points/members/me")
                .then()
                .statusCode(SC_OK)
                .body("displayName", equalTo("Chie"));
        // an erased member cannot be merged, nor merged into
        erase(ADMIN, a.id(), null).statusCode(SC_OK);
        Person c = enrol("Other");
        merge(c.id(), Map.of("mergedMemberId", a.id()))
                .statusCode(SC_CONFLICT)
                .body("type", equalTo("https://loyalty.example.com/problems/member-erased"));
        merge(a.id(), Map.of("mergedMemberId", c.id())).statusCode(SC_CONFLICT);
    }

    static ValidatableResponse export(String token, String id) {
        return given().auth()
                .oauth2(token)
                .when()
                .get("/api/points/members/" + id + "/export")
                .then();
    }

    static ValidatableResponse erase(String token, String id, String body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON);
        if (body != null) {
            request = request.body(body);
        }
        return request.when().post("/api/points/members/" + id + "/erasure").then();
    }
}
