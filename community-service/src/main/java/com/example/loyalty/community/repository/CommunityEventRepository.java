package com.example.loyalty.community.repository;

import com.example.loyalty.common.web.Paging;
import com.example.loyalty.community.domain.CommunityEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code community_event} table. */
@ApplicationScoped
public class CommunityEventRepository implements PanacheRepositoryBase<CommunityEvent, UUID> {

    /**
     * The event, its row locked until the transaction ends ({@code select ... for update}): every change to its
     * registrations is made under this lock, so seats are counted and given out one registration at a time.
     */
    public Optional<CommunityEvent> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Events not over at {@code now}, soonest first. */
    public List<CommunityEvent> upcoming(Instant now, int page, int size) {
        return Paging.window(page, size)
                .map(w -> find("coalesce(endsAt, startsAt) >= ?1 order by startsAt, id", now)
                        .range(w.first(), w.last())
                        .list())
                .orElse(List.of());
    }

    public long countUpcoming(Instant now) {
        return count("coalesce(endsAt, startsAt) >= ?1", now);
    }
}
