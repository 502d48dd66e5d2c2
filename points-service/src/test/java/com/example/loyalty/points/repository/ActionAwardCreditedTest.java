package com.example.loyalty.points.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.loyalty.points.domain.PointAction;
import com.example.loyalty.points.rest.PointsApi;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the caps of an action count: the one statement sums the member's awards of the action on the day, in its
 * calendar month and in its calendar year, and nothing of another action, another member or another period.
 */
@QuarkusTest
class ActionAwardCreditedTest {

    private static final LocalDate DAY = LocalDate.of(2024, 3, 15);

    @Inject
    ActionAwardRepository awards;

    @Test
    void eachPeriodSumsItsOwnAwards() {
        UUID member = enrol();
        UUID other = enrol();
        award(member, PointAction.ANSWER_ACCEPTED, DAY, 1);
        award(member, PointAction.ANSWER_ACCEPTED, DAY, 2);
        award(member, PointAction.ANSWER_ACCEPTED, DAY.plusDays(1), 10); // same month, another day
        award(member, PointAction.ANSWER_ACCEPTED, LocalDate.of(2024, 3, 1), 20); // the month's first day
        award(member, PointAction.ANSWER_ACCEPTED, LocalDate.of(2024, 2, 29), 100); // the month before
        award(member, PointAction.ANSWER_ACCEPTED, LocalDate.of(2024, 12, 31), 200); // the year's last day
        award(member, PointAction.ANSWER_ACCEPTED, LocalDate.of(2023, 12, 31), 1000); // the year before
        award(member, PointAction.ANSWER_ACCEPTED, LocalDate.of(2025, 1, 1), 2000); // the year after
        award(member, PointAction.POST_CREATED, DAY, 10000); // another action
        award(other, PointAction.ANSWER_ACCEPTED, DAY, 20000); // another member

        assertEquals(new ActionAwardRepository.Credited(3, 33, 333), credited(member, true, true));
        assertEquals(new ActionAwardRepository.Credited(3, 33, 0), credited(member, true, false));
        assertEquals(new ActionAwardRepository.Credited(3, 0, 333), credited(member, false, true));
        assertEquals(new ActionAwardRepository.Credited(3, 0, 0), credited(member, false, false));
        assertEquals(
                new ActionAwardRepository.Credited(0, 0, 0),
                QuarkusTransaction.requiringNew()
                        .call(() -> awards.credited(member, PointAction.EVENT_ATTENDED, DAY, true, true)));
    }

    private ActionAwardRepository.Credited credited(UUID member, boolean month, boolean year) {
        return QuarkusTransaction.requiringNew()
                .call(() -> awards.credited(member, PointAction.ANSWER_ACCEPTED, DAY, month, year));
    }

    private void award(UUID member, PointAction action, LocalDate day, long points) {
        Instant at = day.atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
        QuarkusTransaction.requiringNew()
                .run(() -> awards.insert(new ActionAwardRepository.Award(
                        member, action, UUID.randomUUID().toString(), at, day, points, points, null, at)));
    }

    private static UUID enrol() {
        return UUID.fromString(PointsApi.enrolNewMember().id());
    }
}
