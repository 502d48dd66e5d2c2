package com.example.loyalty.points.messaging;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_OK;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.events.CommunityActivity;
import com.example.loyalty.events.ContributionRevoked;
import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.PointsAwarded;
import com.example.loyalty.events.Topics;
import com.example.loyalty.messaging.inbox.Inbox;
import com.example.loyalty.points.repository.CommunityAwardRepository;
import com.example.loyalty.points.repository.CommunityAwardRepository.Award;
import com.example.loyalty.points.rest.PointsApi;
import com.example.loyalty.testing.TestKafka;
import com.example.loyalty.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Community contributions through the real broker into points (defaults: post 5, accepted answer 30, review 10,
 * reaction received 1, event attended 20; caps 100 a day and 1000 a month in Asia/Tokyo), their revocation, and
 * everything Kafka may redeliver. Each test has its own members, so their caps do not meet.
 */
@QuarkusTest
class CommunityAwardTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Inject
    CommunityAwardRepository awards;

    @Inject
    Inbox inbox;

    @Test
    void eachContributionEarnsTheFixedPointsOfItsType() {
        Member m = enrol();
        Map<String, Long> expected = Map.of(
                EventTypes.POST_CREATED, 5L,
                EventTypes.ANSWER_ACCEPTED, 30L,
                EventTypes.REVIEW_POSTED, 10L,
                EventTypes.REACTION_RECEIVED, 1L,
                EventTypes.EVENT_ATTENDED, 20L);
        Map<String, UUID> contributions = new java.util.HashMap<>();
        for (String type : expected.keySet()) {
            UUID id = UUID.randomUUID();
            contributions.put(type, id);
            send(activity(m.id, type, id, Instant.now()));
        }
        await().atMost(WAIT).untilAsserted(() -> assertEquals(66, balance(m)));
        JsonPath ledger = ledger(m);
        assertEquals(5, ledger.getInt("total"));
        assertEquals(66, sum(ledger));
        assertTrue(ledger.getList("items.kind", String.class).stream().allMatch("EARN"::equals));
        assertTrue(ledger.getList("items.referenceType", String.class).stream().allMatch("COMMUNITY"::equals));
        assertTrue(ledger.getList("items.reason", String.class).contains("community: answer accepted"));

        for (var e : expected.entrySet()) {
            Award award = award(contributions.get(e.getKey())).orElseThrow();
            assertEquals(e.getValue(), award.points(), e.getKey());
            assertEquals(e.getValue(), award.pointsDue(), e.getKey());
            assertEquals(e.getKey(), award.type());
            assertEquals(LocalDate.now(TOKYO), award.awardDay());
        }

        List<PointsAwarded> published = published(m, 5);
        assertEquals(5, published.size());
        PointsAwarded answer = published.stream()
                .filter(p -> p.referenceId()
                        .equals(contributions.get(EventTypes.ANSWER_ACCEPTED).toString()))
                .findFirst()
                .orElseThrow();
        assertEquals(30, answer.points());
        assertEquals("COMMUNITY", answer.referenceType());
    }

    @Test
    void aDayPaysAtMostItsCapAndTheNextDayPaysAgain() {
        Member m = enrol();
        // 2025-05-10 in Tokyo: 00:30 local is still the 9th in UTC, so the day is the program's, not UTC's
        Instant day = LocalDate.of(2025, 5, 10).atTime(0, 30).atZone(TOKYO).toInstant();
        List<UUID> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID id = UUID.randomUUID();
            answers.add(id);
            send(activity(m.id, EventTypes.ANSWER_ACCEPTED, id, day.plusSeconds(60L * i)));
        }
        UUID nextDay = UUID.randomUUID();
        send(activity(m.id, EventTypes.POST_CREATED, nextDay, day.plus(Duration.ofDays(1))));
        await().atMost(WAIT).untilAsserted(() -> assertEquals(105, balance(m)));

        // in the order they happened: 30, 30, 30, then the 10 left, then nothing, all recorded
        List<Long> credited =
                answers.stream().map(id -> award(id).orElseThrow().points()).toList();
        assertEquals(List.of(30L, 30L, 30L, 10L, 0L), credited);
        assertEquals(
                LocalDate.of(2025, 5, 10), award(answers.get(4)).orElseThrow().awardDay());
        assertEquals(30, award(answers.get(4)).orElseThrow().pointsDue());
        assertEquals(5, award(nextDay).orElseThrow().points());
        JsonPath ledger = ledger(m);
        assertEquals(5, ledger.getInt("total"), "an award of 0 points writes no ledger entry");
        assertTrue(
                ledger.getList("items.reason", String.class).contains("community: answer accepted (capped: 10 of 30)"));
        assertEquals(105, sum(ledger));
    }

    @Test
    void aMonthPaysAtMostItsCap() {
        Member m = enrol();
        LocalDate first = LocalDate.of(2025, 6, 1);
        // 11 days of three accepted answers: 990 points, under the daily cap every day
        for (int d = 0; d < 11; d++) {
            for (int i = 0; i < 3; i++) {
                send(activity(m.id, EventTypes.ANSWER_ACCEPTED, UUID.randomUUID(), noon(first.plusDays(d))));
            }
        }
        UUID lastTen = UUID.randomUUID();
        UUID nothingLeft = UUID.randomUUID();
        send(activity(m.id, EventTypes.ANSWER_ACCEPTED, lastTen, noon(first.plusDays(20))));
        send(activity(m.id, EventTypes.ANSWER_ACCEPTED, nothingLeft, noon(first.plusDays(21))));
        UUID nextMonth = UUID.randomUUID();
        send(activity(m.id, EventTypes.ANSWER_ACCEPTED, nextMonth, noon(LocalDate.of(2025, 7, 1))));
        await().atMost(WAIT).untilAsserted(() -> assertEquals(1030, balance(m)));
        assertEquals(10, award(lastTen).orElseThrow().points());
        assertEquals(0, award(nothingLeft).orElseThrow().points());
        assertEquals(30, award(nextMonth).orElseThrow().points());
    }

    @Test
    void aRevokedAwardStillCountsTowardTheCap() {
        Member m = enrol();
        Instant day = noon(LocalDate.of(2025, 8, 5));
        UUID spam = UUID.randomUUID();
        send(activity(m.id, EventTypes.ANSWER_ACCEPTED, spam, day));
        send(activity(m.id, EventTypes.ANSWER_ACCEPTED, UUID.randomUUID(), day));
        send(activity(m.id, EventTypes.ANSWER_ACCEPTED, UUID.randomUUID(), day));
        send(revoked(m.id, spam, EventTypes.ANSWER_ACCEPTED, "HIDDEN: spam"));
        UUID after = UUID.randomUUID();
        send(activity(m.id, EventTypes.ANSWER_ACCEPTED, after, day.plusSeconds(60)));
        // 90 credited, 30 taken back: the day has 10 left, not 40
        await().atMost(WAIT).untilAsserted(() -> assertTrue(award(after).isPresent()));
        assertEquals(10, award(after).orElseThrow().points());
        assertEquals(70, balance(m));
    }

    @Test
    void aRevocationTakesThePointsBackOnce() {
        Member m = enrol();
        UUID answer = UUID.randomUUID();
        send(activity(m.id, EventTypes.ANSWER_ACCEPTED, answer, Instant.now()));
        await().atMost(WAIT).untilAsserted(() -> assertEquals(30, balance(m)));

        EventEnvelope revocation = revoked(m.id, answer, EventTypes.ANSWER_ACCEPTED, "HIDDEN: off topic");
        send(revocation);
        send(revocation); // redelivered
        send(revoked(m.id, answer, EventTypes.ANSWER_ACCEPTED, "DELETED")); // revoked again, another event
        UUID marker = UUID.randomUUID();
        send(activity(m.id, EventTypes.POST_CREATED, marker, Instant.now()));
        await().atMost(WAIT).untilAsserted(() -> assertEquals(5, balance(m)));

        Award award = award(answer).orElseThrow();
        assertNotNull(award.revokedAt());
        assertEquals(30, award.pointsReversed());
        assertEquals(0, award.shortfall());
        assertEquals("HIDDEN: off topic", award.revokeReason());
        JsonPath ledger = ledger(m);
        assertEquals(3, ledger.getInt("total"));
        assertEquals(5, sum(ledger));
        assertEquals("REVERSE", ledger.getString("items[1].kind"));
        assertEquals(-30, ledger.getLong("items[1].points"));
        assertEquals(answer.toString(), ledger.getString("items[1].referenceId"));
        assertEquals("community contribution revoked (hidden by a moderator)", ledger.getString("items[1].reason"));

        PointsAwarded reversal =
                published(m, 3).stream().filter(p -> p.points() < 0).findFirst().orElseThrow();
        assertEquals(-30, reversal.points());
        assertEquals("COMMUNITY", reversal.referenceType());
        assertEquals(answer.toString(), reversal.referenceId());
        assertEquals(0, reversal.balance());
    }

    @Test
    void spentPointsAreTakenBackAsFarAsTheBalanceGoesAndTheRestIsDebtThatLaterEarningsPay() {
        Member m = enrol();
        UUID answer = UUID.randomUUID();
        send(activity(m.id, EventTypes.ANSWER_ACCEPTED, answer, Instant.now()));
        await().atMost(WAIT).untilAsserted(() -> assertEquals(30, balance(m)));
        redeem(m, 25);
        assertEquals(5, balance(m));

        send(revoked(m.id, answer, EventTypes.ANSWER_ACCEPTED, "HIDDEN: spam"));
        await().atMost(WAIT)
                .untilAsserted(() -> assertNotNull(award(answer).orElseThrow().revokedAt()));
        Award award = award(answer).orElseThrow();
        assertEquals(5, award.pointsReversed());
        assertEquals(25, award.shortfall());
        assertEquals(0, balance(m));
        assertEquals(0, sum(ledger(m)));
        assertEquals(25, me(m).getLong("debt"), "the shortfall is owed");

        // later earnings pay the debt first, visibly: the award's EARN, then a REVERSE "debt repaid"
        send(activity(m.id, EventTypes.POST_CREATED, UUID.randomUUID(), Instant.now()));
        await().atMost(WAIT).untilAsserted(() -> assertEquals(20, me(m).getLong("debt")));
        assertEquals(0, balance(m));
        JsonPath ledger = ledger(m);
        assertEquals("REVERSE", ledger.getString("items[0].kind"));
        assertEquals(-5, ledger.getLong("items[0].points"));
        assertEquals("debt repaid", ledger.getString("items[0].reason"));
        assertEquals("DEBT", ledger.getString("items[0].referenceType"));
        assertEquals("EARN", ledger.getString("items[1].kind"));
        assertEquals(5, ledger.getLong("items[1].points"));
        // an answer worth 30 pays the remaining 20 and leaves 10
        send(activity(m.id, EventTypes.ANSWER_ACCEPTED, UUID.randomUUID(), Instant.now()));
        await().atMost(WAIT).untilAsserted(() -> assertEquals(10, balance(m)));
        assertEquals(0, me(m).getLong("debt"));
        assertEquals(10, sum(ledger(m)));
    }

    @Test
    void aRevocationWithNothingLeftToTakeBackChangesNoBalance() {
        Member m = enrol();
        UUID answer = UUID.randomUUID();
        send(activity(m.id, EventTypes.ANSWER_ACCEPTED, answer, Instant.now()));
        await().atMost(WAIT).untilAsserted(() -> assertEquals(30, balance(m)));
        redeem(m, 30);
        send(revoked(m.id, answer, EventTypes.ANSWER_ACCEPTED, "DELETED"));
        await().atMost(WAIT)
                .untilAsserted(() -> assertNotNull(award(answer).orElseThrow().revokedAt()));
        assertEquals(30, award(answer).orElseThrow().shortfall());
        assertEquals(0, balance(m));
        assertEquals(30, me(m).getLong("debt"));
        assertEquals(2, ledger(m).getInt("total"), "no ledger entry of 0 points");
    }

    @Test
    void aRevocationBeforeTheAwardLeavesATombstoneAndTheLateAwardGivesNothing() {
        Member m = enrol();
        UUID post = UUID.randomUUID();
        send(revoked(m.id, post, EventTypes.POST_CREATED, "DELETED"));
        send(activity(m.id, EventTypes.POST_CREATED, post, Instant.now()));
        UUID marker = UUID.randomUUID();
        send(activity(m.id, EventTypes.REVIEW_POSTED, marker, Instant.now()));
        await().atMost(WAIT).untilAsserted(() -> assertEquals(10, balance(m)));

        Award tombstone = award(post).orElseThrow();
        assertTrue(tombstone.tombstone());
        assertNotNull(tombstone.revokedAt());
        assertEquals(0, tombstone.points());
        assertEquals(EventTypes.POST_CREATED, tombstone.type());
        assertEquals(1, ledger(m).getInt("total"));
    }

    @Test
    void aRedeliveredOrReplayedContributionEarnsOnce() {
        Member m = enrol();
        UUID answer = UUID.randomUUID();
        Instant at = Instant.now();
        EventEnvelope event = activity(m.id, EventTypes.ANSWER_ACCEPTED, answer, at);
        send(event);
        send(event); // the same event redelivered
        send(activity(m.id, EventTypes.ANSWER_ACCEPTED, answer, at)); // replayed by the producer, another event id
        IntStream.range(0, 6).parallel().forEach(i -> send(activity(m.id, EventTypes.ANSWER_ACCEPTED, answer, at)));
        send(activity(m.id, EventTypes.POST_CREATED, UUID.randomUUID(), at));
        await().atMost(WAIT).untilAsserted(() -> assertEquals(35, balance(m)));
        JsonPath ledger = ledger(m);
        assertEquals(2, ledger.getInt("total"));
        assertEquals(35, sum(ledger));
        assertEquals(event.eventId(), award(answer).orElseThrow().eventId());
    }

    @Test
    void poisonGoesToTheDeadLetterTopicAndTheNextContributionStillEarns() {
        Member m = enrol();
        String notJson = "poison-" + UUID.randomUUID();
        TestKafka.send(Topics.COMMUNITY_ACTIVITY, notJson, "{this is not json");
        // well-formed envelopes the consumer cannot apply: no contribution id, a member id that is not one, a
        // schema version it does not know
        String noContribution = "no-contribution-" + UUID.randomUUID();
        TestKafka.send(
                Topics.COMMUNITY_ACTIVITY,
                noContribution,
                EventJson.write(activity(m.id, EventTypes.POST_CREATED, null, Instant.now())));
        String badMember = "bad-member-" + UUID.randomUUID();
        TestKafka.send(
                Topics.COMMUNITY_ACTIVITY,
                badMember,
                EventJson.write(activity("member-1", EventTypes.POST_CREATED, UUID.randomUUID(), Instant.now())));
        String newVersion = "v2-" + UUID.randomUUID();
        EventEnvelope v1 = activity(m.id, EventTypes.POST_CREATED, UUID.randomUUID(), Instant.now());
        TestKafka.send(
                Topics.COMMUNITY_ACTIVITY,
                newVersion,
                EventJson.write(
                        new EventEnvelope(v1.eventId(), v1.type(), 2, v1.occurredAt(), v1.memberId(), v1.payload())));
        send(activity(m.id, EventTypes.POST_CREATED, UUID.randomUUID(), Instant.now()));
        await().atMost(WAIT).untilAsserted(() -> assertEquals(5, balance(m)));
        for (String key : List.of(notJson, noContribution, badMember, newVersion)) {
            assertEquals(
                    1,
                    TestKafka.read(CommunityActivityConsumer.DLQ, r -> key.equals(r.key()), 1, WAIT)
                            .size(),
                    key);
        }
    }

    @Test
    void aRevocationNamingAnotherMemberIsDeadLetteredAndTakesNothing() {
        Member owner = enrol();
        Member other = enrol();
        UUID answer = UUID.randomUUID();
        send(activity(owner.id, EventTypes.ANSWER_ACCEPTED, answer, Instant.now()));
        send(activity(other.id, EventTypes.POST_CREATED, UUID.randomUUID(), Instant.now()));
        await().atMost(WAIT).untilAsserted(() -> assertEquals(30, balance(owner)));
        await().atMost(WAIT).untilAsserted(() -> assertEquals(5, balance(other)));

        EventEnvelope wrong = revoked(other.id, answer, EventTypes.ANSWER_ACCEPTED, "DELETED");
        send(wrong);
        List<ConsumerRecord<String, String>> dead = TestKafka.read(
                CommunityActivityConsumer.DLQ,
                r -> r.value().contains(wrong.eventId().toString()),
                1,
                WAIT);
        assertEquals(1, dead.size());
        assertNull(award(answer).orElseThrow().revokedAt());
        assertEquals(30, balance(owner));
        assertEquals(5, balance(other));
    }

    @Test
    void aContributionOfAnUnknownMemberEarnsNothingAndDoesNotHoldUpTheOthers() {
        Member m = enrol();
        String stranger = UUID.randomUUID().toString();
        UUID strangers = UUID.randomUUID();
        EventEnvelope award = activity(stranger, EventTypes.ANSWER_ACCEPTED, strangers, Instant.now());
        EventEnvelope revocation = revoked(stranger, UUID.randomUUID(), EventTypes.POST_CREATED, "DELETED");
        send(award);
        send(revocation);
        send(activity(m.id, EventTypes.ANSWER_ACCEPTED, UUID.randomUUID(), Instant.now()));
        await().atMost(WAIT).untilAsserted(() -> assertEquals(30, balance(m)));
        // consumed (the stranger's key may be on another partition than the member's), recorded nowhere
        await().atMost(WAIT).until(() -> processed(award) && processed(revocation));
        assertTrue(award(strangers).isEmpty());
        assertTrue(award(revocation.payload().get("contributionId").asText()).isEmpty());
    }

    // --- helpers

    private record Member(String token, String id) {}

    private static Member enrol() {
        PointsApi.Enrolled enrolled =
                PointsApi.enrol(TestTokens.token("community-member-" + UUID.randomUUID(), "member"));
        return new Member(enrolled.token(), enrolled.id());
    }

    private static Instant noon(LocalDate day) {
        return day.atTime(12, 0).atZone(TOKYO).toInstant();
    }

    private Optional<Award> award(UUID contributionId) {
        return QuarkusTransaction.requiringNew().call(() -> awards.find(contributionId));
    }

    private Optional<Award> award(String contributionId) {
        return award(UUID.fromString(contributionId));
    }

    private boolean processed(EventEnvelope event) {
        return QuarkusTransaction.requiringNew()
                .call(() -> inbox.isProcessed(Topics.COMMUNITY_ACTIVITY, event.eventId()));
    }

    private static EventEnvelope activity(String memberId, String type, UUID contributionId, Instant at) {
        CommunityActivity payload = new CommunityActivity(
                contributionId,
                UUID.randomUUID(),
                EventTypes.EVENT_ATTENDED.equals(type) ? null : UUID.randomUUID(),
                EventTypes.REVIEW_POSTED.equals(type) ? "P-001" : null,
                EventTypes.REVIEW_POSTED.equals(type) ? 5 : null,
                EventTypes.REACTION_RECEIVED.equals(type) ? UUID.randomUUID().toString() : null,
                3,
                at);
        return EventJson.envelope(type, CommunityActivity.SCHEMA_VERSION, at, memberId, payload);
    }

    private static EventEnvelope revoked(String memberId, UUID contributionId, String type, String reason) {
        Instant now = Instant.now();
        return EventJson.envelope(
                EventTypes.CONTRIBUTION_REVOKED,
                ContributionRevoked.SCHEMA_VERSION,
                now,
                memberId,
                new ContributionRevoked(contributionId, type, UUID.randomUUID(), reason, 3, now));
    }

    /** As community-service's outbox relay sends it: keyed by member id. */
    private static void send(EventEnvelope event) {
        TestKafka.send(Topics.COMMUNITY_ACTIVITY, event.memberId(), EventJson.write(event));
    }

    private static JsonPath me(Member m) {
        return given().auth()
                .oauth2(m.token)
                .when()
                .get("/api/points/members/me")
                .then()
                .statusCode(SC_OK)
                .extract()
                .jsonPath();
    }

    private static long balance(Member m) {
        return given().auth()
                .oauth2(m.token)
                .when()
                .get("/api/points/members/me")
                .then()
                .statusCode(SC_OK)
                .extract()
                .jsonPath()
                .getLong("balance");
    }

    private static JsonPath ledger(Member m) {
        return given().auth()
                .oauth2(m.token)
                .queryParam("size", 200)
                .when()
                .get("/api/points/members/me/ledger")
                .then()
                .statusCode(SC_OK)
                .extract()
                .jsonPath();
    }

    private static long sum(JsonPath ledger) {
        return ledger.getList("items.points", Long.class).stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    private static void redeem(Member m, long points) {
        given().auth()
                .oauth2(m.token)
                .contentType(ContentType.JSON)
                .body(Map.of("idempotencyKey", "r-" + UUID.randomUUID(), "points", points, "reason", "reward R-1"))
                .when()
                .post("/api/points/redemptions")
                .then()
                .statusCode(SC_CREATED);
    }

    private static List<PointsAwarded> published(Member m, int atLeast) {
        return TestKafka.read(
                        Topics.LOYALTY_TRANSACTIONS,
                        r -> m.id.equals(r.key())
                                && EventTypes.POINTS_AWARDED.equals(
                                        EventJson.read(r.value()).type()),
                        atLeast,
                        WAIT)
                .stream()
                .map(r -> EventJson.payload(EventJson.read(r.value()), PointsAwarded.class))
                .toList();
    }
}
