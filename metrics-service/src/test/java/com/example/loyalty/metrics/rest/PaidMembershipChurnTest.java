package com.example.loyalty.metrics.rest;

import static com.example.loyalty.metrics.TestEvents.ADMIN;
import static com.example.loyalty.metrics.TestEvents.MARKETER;
import static com.example.loyalty.metrics.TestEvents.PATIENCE;
import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_BAD_REQUEST;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_OK;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.MembersMerged;
import com.example.loyalty.events.MembershipChanged;
import com.example.loyalty.events.Topics;
import com.example.loyalty.metrics.repository.PaidMembershipRepository;
import com.example.loyalty.testing.TestKafka;
import com.example.loyalty.testing.TestTokens;
import com.example.loyalty.testing.contract.SendsInvalidRequests;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Paid-membership churn from points-service's MembershipChanged events, through Kafka: terms kept per member, lapses
 * and cancellations counted per period, merges joining two members' terms. Dates are in 2023 (a year no other test
 * uses), so the figures count only this test's members.
 */
@QuarkusTest
class PaidMembershipChurnTest {

    static final String PAID = "/api/metrics/churn/paid-memberships";

    @Inject
    PaidMembershipRepository terms;

    @Inject
    EntityManager em;

    static Instant at(String isoDate) {
        return Instant.parse(isoDate + "T03:00:00Z"); // noon in Tokyo
    }

    static EventEnvelope change(
            String member,
            String change,
            String startedAt,
            String periodStart,
            String periodEnd,
            boolean cancelled,
            String occurredAt) {
        return EventJson.envelope(
                EventTypes.MEMBERSHIP_CHANGED,
                MembershipChanged.SCHEMA_VERSION,
                at(occurredAt),
                member,
                new MembershipChanged(
                        change,
                        "PREMIUM",
                        980,
                        "JPY",
                        "MONTH",
                        at(startedAt),
                        at(periodStart),
                        at(periodEnd),
                        change.equals(MembershipChanged.STARTED) || change.equals(MembershipChanged.RENEWED)
                                ? "pay-" + UUID.randomUUID()
                                : null,
                        cancelled,
                        at(occurredAt)));
    }

    static void send(EventEnvelope e) {
        TestKafka.send(Topics.LOYALTY_TRANSACTIONS, e.memberId(), EventJson.write(e));
    }

    long openTerms(String member) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(
                                        "select count(*) from paid_membership_term where member_id = ?1 and ended_at is null")
                                .setParameter(1, UUID.fromString(member))
                                .getSingleResult())
                        .longValue());
    }

    List<PaidMembershipRepository.Term> termsOf(String member) {
        return QuarkusTransaction.requiringNew().call(() -> terms.terms(UUID.fromString(member)));
    }

    @Test
    void lapsesAndCancellationsCountInThePaidMembershipChurn() {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        String c = UUID.randomUUID().toString();
        // A: started 10 Jan, renewed to 10 Mar, cancelled 25 Feb, lapsed 10 Mar
        send(change(a, MembershipChanged.STARTED, "2023-01-10", "2023-01-10", "2023-02-10", false, "2023-01-10"));
        send(change(a, MembershipChanged.RENEWED, "2023-01-10", "2023-02-10", "2023-03-10", false, "2023-02-09"));
        send(change(a, MembershipChanged.CANCELLED, "2023-01-10", "2023-02-10", "2023-03-10", true, "2023-02-25"));
        send(change(a, MembershipChanged.LAPSED, "2023-01-10", "2023-02-10", "2023-03-10", true, "2023-03-10"));
        // B: started 20 Jan, paid through 20 Apr
        send(change(b, MembershipChanged.STARTED, "2023-01-20", "2023-01-20", "2023-04-20", false, "2023-01-20"));
        // C: started 15 Feb, lapsed 15 Mar, renewed (a restart) 20 Mar
        send(change(c, MembershipChanged.STARTED, "2023-02-15", "2023-02-15", "2023-03-15", false, "2023-02-15"));
        send(change(c, MembershipChanged.LAPSED, "2023-02-15", "2023-02-15", "2023-03-15", false, "2023-03-15"));
        send(change(c, MembershipChanged.RENEWED, "2023-03-20", "2023-03-20", "2023-04-20", false, "2023-03-20"));

        await().atMost(PATIENCE)
                .until(() -> termsOf(c).size() == 2
                        && termsOf(a).size() == 1
                        && termsOf(a).get(0).paidThrough().equals(at("2023-03-10"))
                        && openTerms(a) == 0
                        && openTerms(b) == 1);
        assertEquals(1, openTerms(c));
        assertEquals(at("2023-02-25"), termsOf(a).get(0).cancelledAt());

        given().auth()
                .oauth2(MARKETER)
                .queryParam("from", "2023-01-01")
                .queryParam("to", "2023-03-31")
                .when()
                .get(PAID)
                .then()
                .statusCode(SC_OK)
                .body("interval", equalTo("month"))
                .body("periods", hasSize(3))
                // January: no one paid on 1 January
                .body("periods[0].payingAtStart", equalTo(0))
                .body("periods[0].churnRate", nullValue())
                // February: A and B paid at its start, both still at its end; A cancelled in it
                .body("periods[1].payingAtStart", equalTo(2))
                .body("periods[1].stopped", equalTo(0))
                .body("periods[1].cancellations", equalTo(1))
                .body("periods[1].churnRate", equalTo(0.0f))
                // March: A, B, C paid at its start; A ended (after cancelling); C lapsed but came back in March
                .body("periods[2].payingAtStart", equalTo(3))
                .body("periods[2].stopped", equalTo(1))
                .body("periods[2].stoppedAfterCancelling", equalTo(1))
                .body("periods[2].retained", equalTo(2))
                .body("periods[2].churnRate", equalTo(33.33f));

        given().auth()
                .oauth2(ADMIN)
                .queryParam("interval", "quarter")
                .queryParam("from", "2023-04-01")
                .queryParam("to", "2023-06-30")
                .when()
                .get(PAID)
                .then()
                .statusCode(SC_OK)
                // B (through 20 Apr) and C (through 20 Apr) paid on 1 April and stopped in the quarter
                .body("periods[0].payingAtStart", equalTo(2))
                .body("periods[0].stopped", equalTo(2))
                .body("periods[0].stoppedAfterCancelling", equalTo(0))
                .body("periods[0].churnRate", equalTo(100.0f));
    }

    @Test
    void aMergeJoinsTheOpenTermsOfBothMembers() {
        String survivor = UUID.randomUUID().toString();
        String merged = UUID.randomUUID().toString();
        send(change(
                survivor, MembershipChanged.STARTED, "2023-07-01", "2023-07-01", "2023-08-01", false, "2023-07-01"));
        send(change(merged, MembershipChanged.STARTED, "2023-06-15", "2023-06-15", "2023-09-15", false, "2023-06-15"));
        await().atMost(PATIENCE).until(() -> openTerms(survivor) == 1 && openTerms(merged) == 1);
        TestKafka.send(
                Topics.MEMBER_EVENTS,
                survivor,
                EventJson.write(EventJson.envelope(
                        EventTypes.MEMBERS_MERGED,
                        MembersMerged.SCHEMA_VERSION,
                        Instant.now(),
                        survivor,
                        new MembersMerged(merged, "8800000000017", 0, "REGULAR"))));
        await().atMost(PATIENCE).until(() -> termsOf(merged).isEmpty());
        List<PaidMembershipRepository.Term> joined = termsOf(survivor);
        assertEquals(1, joined.size());
        assertEquals(at("2023-06-15"), joined.get(0).startedAt());
        assertEquals(at("2023-09-15"), joined.get(0).paidThrough());
        // a late event about the merged member counts for the survivor
        send(change(merged, MembershipChanged.CANCELLED, "2023-06-15", "2023-06-15", "2023-09-15", true, "2023-08-20"));
        await().atMost(PATIENCE).until(() -> termsOf(survivor).get(0).cancelledAt() != null);
    }

    @Test
    @SendsInvalidRequests("an unknown interval")
    void onlyMarketersAndAdminsReadItAndBadRangesAre400() {
        given().auth()
                .oauth2(TestTokens.token("member-" + UUID.randomUUID(), "member"))
                .when()
                .get(PAID)
                .then()
                .statusCode(SC_FORBIDDEN);
        given().auth()
                .oauth2(MARKETER)
                .queryParam("interval", "week")
                .when()
                .get(PAID)
                .then()
                .statusCode(SC_BAD_REQUEST);
        given().auth()
                .oauth2(MARKETER)
                .queryParam("from", "2023-05-01")
                .queryParam("to", "2023-04-01")
                .when()
                .get(PAID)
                .then()
                .statusCode(SC_BAD_REQUEST);
        given().auth()
                .oauth2(MARKETER)
                .queryParam("to", "2999-01-01")
                .when()
                .get(PAID)
                .then()
                .statusCode(SC_BAD_REQUEST);
    }
}
