package com.example.loyalty.points.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.points.domain.LedgerKind;
import com.example.loyalty.points.domain.Member;
import com.example.loyalty.points.repository.MemberRepository;
import com.example.loyalty.points.service.Ledger;
import com.example.loyalty.points.service.OutstandingPoints;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The meters the dashboard reads for points: the ledger counter (earn rate) and the outstanding points. */
@QuarkusTest
class PointsMetricsTest {

    @Inject
    MeterRegistry registry;

    @Inject
    Ledger ledger;

    @Inject
    MemberRepository members;

    @Inject
    OutstandingPoints outstanding;

    @Test
    void pointsEarnedOnAPurchaseAreCountedAsEarnCredits() {
        double before = moved("earn", "credit");
        PointsApi.Enrolled member = PointsApi.funded(120);
        assertEquals(120, PointsApi.balance(member));
        assertTrue(moved("earn", "credit") - before >= 120, "earn credits counted");
    }

    @Test
    void anEntryIsCountedWhenItsTransactionCommitsAndNotWhenItRollsBack() {
        UUID id = UUID.fromString(PointsApi.enrolNewMember().id());
        double credits = moved("adjust", "credit");
        long outstandingBefore = outstanding.refresh().balance();

        assertThrows(
                IllegalStateException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> {
                    adjust(id, 7);
                    throw new IllegalStateException("rolled back");
                }));
        assertEquals(credits, moved("adjust", "credit"), "a rolled-back entry moved nothing");
        assertEquals(outstandingBefore, outstanding.refresh().balance());

        QuarkusTransaction.requiringNew().run(() -> adjust(id, 7));
        assertEquals(credits + 7, moved("adjust", "credit"));
        long outstandingAfter = outstanding.refresh().balance();
        assertEquals(outstandingBefore + 7, outstandingAfter, "the outstanding points grew by the credit");
        assertEquals(
                outstandingAfter,
                registry.get("loyalty.points.outstanding").gauge().value(),
                "the gauge shows the last reading");
        assertEquals(
                outstanding.refresh().debt(),
                registry.get("loyalty.points.debt.outstanding").gauge().value());
    }

    private void adjust(UUID memberId, long points) {
        Member member = members.findById(memberId, LockModeType.PESSIMISTIC_WRITE);
        ledger.append(
                member,
                LedgerKind.ADJUST,
                points,
                "ADJUSTMENT",
                UUID.randomUUID().toString(),
                "metrics test");
    }

    private double moved(String kind, String direction) {
        return registry.get("loyalty.points.ledger")
                .tags("kind", kind, "direction", direction)
                .counter()
                .count();
    }
}
