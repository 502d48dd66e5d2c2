package com.example.loyalty.points.repository;

import com.example.loyalty.points.domain.CardDesign;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CardDesignRepository implements PanacheRepositoryBase<CardDesign, UUID> {

    /** The catalogue, default first, then by name; retired designs only if asked for. */
    public List<CardDesign> catalogue(boolean withRetired) {
        return withRetired
                ? list("order by isDefault desc, lower(name)")
                : list("retiredAt is null order by isDefault desc, lower(name)");
    }

    /** The default design (the migration makes it; it can never be retired). */
    public CardDesign defaultDesign() {
        return find("isDefault = true").singleResult();
    }

    /** The design with this name, case ignored. */
    public Optional<CardDesign> findByName(String name) {
        return find("lower(name) = lower(?1)", name).firstResultOptional();
    }

    /** Another design than {@code self} with this name, case ignored. */
    public Optional<CardDesign> findOtherByName(String name, UUID self) {
        return find("lower(name) = lower(?1) and id <> ?2", name, self).firstResultOptional();
    }

    /** Row-locked for a change (FOR UPDATE). */
    public Optional<CardDesign> lockById(UUID id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /**
     * Share-locked (FOR SHARE) while a member chooses it: a retirement waits until the choice is committed, and a choice
     * waits until a retirement is, so no member ends up choosing a design retired at that moment.
     */
    public Optional<CardDesign> shareLockById(UUID id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_READ).firstResultOptional();
    }
}
