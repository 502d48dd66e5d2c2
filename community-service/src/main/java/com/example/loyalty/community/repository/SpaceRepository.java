package com.example.loyalty.community.repository;

import com.example.loyalty.community.domain.Space;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The {@code space} table. */
@ApplicationScoped
public class SpaceRepository implements PanacheRepositoryBase<Space, UUID> {

    /** Every space, by name. */
    public List<Space> all() {
        return list("order by lower(name), id");
    }

    /** The spaces a member of {@code tier} sees, by name. */
    @SuppressWarnings("unchecked")
    public List<Space> visibleToTier(String tier) {
        return getEntityManager()
                .createNativeQuery("""
                        select * from space
                        where all_members or (cast(:tier as text) is not null and upper(cast(:tier as text)) = any (tiers))
                        order by lower(name), id""", Space.class)
                .setParameter("tier", tier)
                .getResultList();
    }
}
