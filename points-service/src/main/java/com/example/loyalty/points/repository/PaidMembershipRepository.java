package com.example.loyalty.points.repository;

import com.example.loyalty.common.persistence.ScalarQueries;
import com.example.loyalty.points.domain.PaidMembership;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PaidMembershipRepository implements PanacheRepositoryBase<PaidMembership, UUID> {

    /** The member's membership, row-locked (FOR UPDATE): waits for the lapse job on that row, and it for us. */
    public Optional<PaidMembership> lockByMember(UUID memberId) {
        return find("memberId", memberId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** A paid period as recorded. */
    public record Period(UUID memberId, UUID planId, String paymentId, String kind) {}

    /** The period paid by {@code paymentId}, if one was recorded. */
    public Optional<Period> periodByPayment(String paymentId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager()
                .createNativeQuery(
                        "select member_id, plan_id, payment_id, kind from membership_period where payment_id = :p")
                .setParameter("p", paymentId)
                .getResultList();
        return rows.stream().findFirst().map(r -> new Period((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3]));
    }

    /**
     * Records a paid period; false when another transaction recorded this payment id meanwhile (the unique key: the
     * insert waited for it and did nothing).
     */
    public boolean insertPeriod(
            UUID memberId,
            UUID planId,
            String paymentId,
            String kind,
            BigDecimal multiplier,
            Instant start,
            Instant end,
            Instant now,
            String by) {
        return getEntityManager()
                        .createNativeQuery("insert into membership_period (id, member_id, plan_id, payment_id, kind, "
                                + "multiplier, period_start, period_end, recorded_at, recorded_by) values (:id, :m, "
                                + ":plan, :p, :kind, :x, :s, :e, :now, :by) on conflict (payment_id) do nothing")
                        .setParameter("id", UUID.randomUUID())
                        .setParameter("m", memberId)
                        .setParameter("plan", planId)
                        .setParameter("p", paymentId)
                        .setParameter("kind", kind)
                        .setParameter("x", multiplier)
                        .setParameter("s", utc(start))
                        .setParameter("e", utc(end))
                        .setParameter("now", utc(now))
                        .setParameter("by", by)
                        .executeUpdate()
                == 1;
    }

    /** The paid period covering {@code at}: plan code, plan name, multiplier, start, end. */
    public record Covering(String planCode, String planName, BigDecimal multiplier, Instant start, Instant end) {}

    public Optional<Covering> covering(UUID memberId, Instant at) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("select p.code, p.name, mp.multiplier, mp.period_start, mp.period_end "
                        + "from membership_period mp join membership_plan p on p.id = mp.plan_id "
                        + "where mp.member_id = :m and mp.period_start <= :at and mp.period_end > :at "
                        + "order by mp.period_start desc limit 1")
                .setParameter("m", memberId)
                .setParameter("at", utc(at))
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(r -> new Covering((String) r[0], (String) r[1], (BigDecimal) r[2], instant(r[3]), instant(r[4])));
    }

    /**
     * The members whose membership ended by {@code now} without its end announced yet, row-locked and skipping rows
     * another transaction holds (another instance's job, a renewal under way), soonest end first.
     */
    public List<UUID> lockDue(Instant now, int limit) {
        List<UUID> ids = ScalarQueries.of(
                        getEntityManager(),
                        "select member_id from paid_membership where ended_at is null and current_period_end <= :now "
                                + "order by current_period_end limit :n for update skip locked",
                        "member_id",
                        UUID.class)
                .setParameter("now", utc(now))
                .setParameter("n", limit)
                .getResultList();
        return ids;
    }

    /** Marks a webhook event as seen; false when it was seen before (a replay). */
    public boolean markWebhookEvent(String eventId, String type, UUID memberId, Instant now) {
        return getEntityManager()
                        .createNativeQuery("insert into membership_webhook_event (event_id, event_type, member_id, "
                                + "received_at) values (:id, :t, :m, :now) on conflict (event_id) do nothing")
                        .setParameter("id", eventId)
                        .setParameter("t", type)
                        .setParameter("m", memberId)
                        .setParameter("now", utc(now))
                        .executeUpdate()
                == 1;
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("not a time: " + value);
    }
}
