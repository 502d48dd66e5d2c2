package com.example.loyalty.points.rest;

import static org.apache.http.HttpStatus.SC_CREATED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.PointsExpired;
import com.example.loyalty.events.Topics;
import com.example.loyalty.points.AccountingFixture;
import com.example.loyalty.points.AccountingFixture.Lot;
import com.example.loyalty.points.AccountingFixture.Taken;
import com.example.loyalty.points.service.ExpiryJob;
import com.example.loyalty.testing.Concurrently;
import com.example.loyalty.testing.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** The expiry job against the real database: lots whose date has come are made due by moving their date back. */
@QuarkusTest
class ExpiryJobTest {

    @Inject
    ExpiryJob job;

    @Inject
    AccountingFixture fixture;

    @Test
    void dueLotsExpireInOneEntryPerMemberAndRunAndNeverTwice() {
        var m = PointsApi.enrolNewMember();
        for (long points : new long[] {10, 20, 30}) {
            PointsApi.purchase("exp-" + UUID.randomUUID(), m.cardCode(), points * 100)
                    .statusCode(SC_CREATED);
        }
        List<Lot> lots = fixture.lots(m.id());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant latest = now.minus(Duration.ofHours(1));
        fixture.expireAt(lots.get(0).id(), latest);
        fixture.expireAt(lots.get(1).id(), now.minus(Duration.ofHours(2)));
        fixture.expireAt(lots.get(2).id(), now.plus(Duration.ofDays(10)));
        // until the job runs they can be spent: 15 of the soonest-expiring lot, the second
        PointsApi.redeem(m, 15).statusCode(SC_CREATED);

        ExpiryJob.Run run = job.run(Instant.now());
        assertTrue(run.members() >= 1);
        JsonPath ledger = PointsApi.ledger(m);
        assertEquals("EXPIRE", ledger.getString("items[0].kind"));
        assertEquals(-15, ledger.getLong("items[0].points"), "what was left of the two due lots");
        assertEquals("EXPIRY", ledger.getString("items[0].referenceType"));
        assertEquals(run.runId(), ledger.getString("items[0].referenceId"));
        assertEquals(30, ledger.getLong("items[0].balanceAfter"));
        assertEquals(List.of(0L, 0L, 30L), remaining(m));

        // again, and once more later: nothing left to expire
        job.run(Instant.now());
        job.run(Instant.now().plus(Duration.ofMinutes(1)));
        assertEquals(1, expiries(m), "one EXPIRE entry per member and run, and no run expires a lot twice");
        assertEquals(30, PointsApi.balance(m));

        var published = TestKafka.read(
                        Topics.LOYALTY_TRANSACTIONS,
                        r -> m.id().equals(r.key())
                                && EventTypes.POINTS_EXPIRED.equals(
                                        EventJson.read(r.value()).type()),
                        1,
                        Duration.ofSeconds(30))
                .stream()
                .map(r -> EventJson.payload(EventJson.read(r.value()), PointsExpired.class))
                .toList();
        assertEquals(1, published.size());
        assertEquals(15, published.get(0).points());
        assertEquals(2, published.get(0).lots());
        assertEquals(30, published.get(0).balance());
        assertEquals(latest, published.get(0).expiredAt());
    }

    @Test
    void twoJobsAtOnceExpireEachLotExactlyOnce() throws Exception {
        List<PointsApi.Enrolled> members = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            var m = PointsApi.enrolNewMember();
            PointsApi.purchase("race-a-" + UUID.randomUUID(), m.cardCode(), 10_000)
                    .statusCode(SC_CREATED);
            PointsApi.purchase("race-b-" + UUID.randomUUID(), m.cardCode(), 5_000)
                    .statusCode(SC_CREATED);
            members.add(m);
        }
        Instant due = Instant.now().minus(Duration.ofMinutes(1));
        for (var m : members) {
            for (Lot lot : fixture.lots(m.id())) {
                fixture.expireAt(lot.id(), due);
            }
        }
        Instant now = Instant.now();
        List<Callable<ExpiryJob.Run>> runs = List.of(() -> job.run(now), () -> job.run(now));
        List<ExpiryJob.Run> done = Concurrently.run(runs);

        long expired = done.stream().mapToLong(ExpiryJob.Run::points).sum();
        assertTrue(expired >= 20 * 150, "both runs together expired every member's points: " + done);
        for (var m : members) {
            assertEquals(0, PointsApi.balance(m), m.id());
            assertEquals(1, expiries(m), "one EXPIRE entry for member " + m.id());
            List<Taken> taken = fixture.taken(m.id());
            assertEquals(2, taken.size(), "each lot taken once: " + taken);
            assertTrue(taken.stream().allMatch(t -> "EXPIRE".equals(t.kind())));
            assertEquals(150, taken.stream().mapToLong(Taken::points).sum());
        }
    }

    private long expiries(PointsApi.Enrolled m) {
        return fixture.number(
                "select count(*) from ledger_entry where member_id = ?::uuid and kind = 'EXPIRE'", m.id());
    }

    private List<Long> remaining(PointsApi.Enrolled m) {
        return fixture.lots(m.id()).stream().map(Lot::remaining).toList();
    }
}
