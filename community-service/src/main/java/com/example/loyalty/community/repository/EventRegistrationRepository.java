package com.example.loyalty.community.repository;

import com.example.loyalty.community.domain.EventRegistration;
import com.example.loyalty.community.domain.RegistrationStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The {@code event_registration} table. */
@ApplicationScoped
public class EventRegistrationRepository implements PanacheRepositoryBase<EventRegistration, UUID> {

    /** Seated and waitlisted registrations of an event. */
    public record Counts(long seated, long waitlisted) {
        public static final Counts NONE = new Counts(0, 0);
    }

    /** A registration just placed: seated, or waitlisted at a position (from 1). */
    public record Placed(RegistrationStatus status, Long waitlistPosition) {}

    /**
     * Places the member's registration in one statement: a seat while fewer than {@code capacity} are taken and
     * nobody waits, else the end of the waitlist. The caller must hold the event's row lock (taken in an earlier
     * statement, so that this statement's snapshot sees every registration committed before the lock was granted).
     *
     * @return empty when the member has a standing registration for the event already
     */
    @SuppressWarnings("unchecked")
    public Optional<Placed> place(UUID id, UUID eventId, UUID memberId, int capacity, Instant now) {
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("""
                        with counts as (
                            select count(*) filter (where status = 'SEATED') as seated,
                                   count(*) filter (where status = 'WAITLISTED') as waiting
                            from event_registration where event_id = :event),
                        placed as (
                            insert into event_registration (id, event_id, member_id, status, registered_at, seated_at)
                            select :id, :event, :member,
                                   case when seated < :capacity and waiting = 0 then 'SEATED' else 'WAITLISTED' end,
                                   :now,
                                   case when seated < :capacity and waiting = 0 then cast(:now as timestamptz) end
                            from counts
                            on conflict (event_id, member_id) where status <> 'CANCELLED' do nothing
                            returning status)
                        select placed.status, counts.waiting from placed, counts""")
                .setParameter("id", id)
                .setParameter("event", eventId)
                .setParameter("member", memberId)
                .setParameter("capacity", capacity)
                .setParameter("now", now)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        RegistrationStatus status = RegistrationStatus.valueOf((String) rows.get(0)[0]);
        long waiting = ((Number) rows.get(0)[1]).longValue();
        return Optional.of(new Placed(status, status == RegistrationStatus.WAITLISTED ? waiting + 1 : null));
    }

    /** The member's standing (not cancelled) registration for the event. */
    public Optional<EventRegistration> standing(UUID eventId, UUID memberId) {
        return find("eventId = ?1 and memberId = ?2 and status <> ?3", eventId, memberId, RegistrationStatus.CANCELLED)
                .firstResultOptional();
    }

    /** The member's standing registrations among the events. */
    public List<EventRegistration> standingOf(UUID memberId, Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return List.of();
        }
        return list(
                "memberId = ?1 and eventId in ?2 and status <> ?3", memberId, eventIds, RegistrationStatus.CANCELLED);
    }

    public Counts counts(UUID eventId) {
        return counts(List.of(eventId)).getOrDefault(eventId, Counts.NONE);
    }

    /** Seated and waitlisted counts of each event (events without registrations are absent). */
    public Map<UUID, Counts> counts(Collection<UUID> eventIds) {
        Map<UUID, Counts> counts = new HashMap<>();
        if (eventIds.isEmpty()) {
            return counts;
        }
        List<Object[]> rows = getEntityManager()
                .createQuery("""
                        select r.eventId,
                               sum(case when r.status = :seated then 1 else 0 end),
                               sum(case when r.status = :waitlisted then 1 else 0 end)
                        from EventRegistration r
                        where r.eventId in :events and r.status <> :cancelled
                        group by r.eventId""", Object[].class)
                .setParameter("seated", RegistrationStatus.SEATED)
                .setParameter("waitlisted", RegistrationStatus.WAITLISTED)
                .setParameter("cancelled", RegistrationStatus.CANCELLED)
                .setParameter("events", eventIds)
                .getResultList();
        for (Object[] row : rows) {
            counts.put((UUID) row[0], new Counts(((Number) row[1]).longValue(), ((Number) row[2]).longValue()));
        }
        return counts;
    }

    /** The first registration on the event's waitlist (lowest seq), if any. */
    public Optional<EventRegistration> firstWaitlisted(UUID eventId) {
        return find("eventId = ?1 and status = ?2 order by seq", eventId, RegistrationStatus.WAITLISTED)
                .firstResultOptional();
    }

    /** The registration's place on its event's waitlist, from 1. */
    public long waitlistPosition(EventRegistration registration) {
        return count(
                "eventId = ?1 and status = ?2 and seq <= ?3",
                registration.eventId,
                RegistrationStatus.WAITLISTED,
                registration.seq);
    }
}
